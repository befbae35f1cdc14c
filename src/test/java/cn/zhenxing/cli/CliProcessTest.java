package cn.zhenxing.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import cn.zhenxing.warehouse.EmbeddedMariaDb;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.net.HttpURLConnection;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The CLI as a separate process, as users start it (the test's classpath stands in for the jar): Spring
 * Boot's command-line properties, and a second process on the data directory of a running embedded
 * MariaDB.
 */
class CliProcessTest {

    static final Path WORK = Path.of("target", "cli-process").toAbsolutePath();

    record Result(int exitCode, String out, String err, long millis) {}

    static ProcessBuilder command(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-cp", System.getProperty("java.class.path"), "cn.zhenxing.ZhenxingApplication"));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(Files.createDirectories(WORK).toFile());
        // As a user without configuration: the embedded default unless a --spring.datasource.url says otherwise.
        pb.environment().keySet().removeIf(k -> k.startsWith("SPRING_") || k.startsWith("ZHENXING_"));
        return pb;
    }

    static Result run(String... args) throws Exception {
        long start = System.nanoTime();
        Path out = Files.createTempFile(Files.createDirectories(WORK), "out", ".txt");
        Path err = Files.createTempFile(WORK, "err", ".txt");
        Process p = command(args).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertThat(p.waitFor(180, TimeUnit.SECONDS)).as("command ends: " + List.of(args)).isTrue();
        return new Result(p.exitValue(), Files.readString(out), Files.readString(err), (System.nanoTime() - start) / 1_000_000);
    }

    static boolean answers(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** The test server, as the other tests use it when nothing else is configured. */
    static List<String> testServer() {
        String database = "zhenxing_test" + System.getenv().getOrDefault("ZHENXING_TEST_DB_SUFFIX", "");
        return List.of("--spring.datasource.url=jdbc:mysql://127.0.0.1:3306/" + database + "?createDatabaseIfNotExist=true",
                "--spring.datasource.username=root", "--spring.datasource.password=", "--zhenxing.data-dir=" + WORK.resolve("data"));
    }

    @Test
    void springBootCommandLinePropertiesWorkForEveryCommand() throws Exception {
        assumeTrue(answers(3306), "needs the test server on 127.0.0.1:3306");
        List<String> args = new ArrayList<>(List.of("db", "migrate"));
        args.addAll(testServer());
        args.add("--server.port=18080"); // not used by db, but no "Unknown option" either
        Result migrate = run(args.toArray(String[]::new));
        assertThat(migrate.exitCode()).as(migrate.err()).isZero();
        String database = "zhenxing_test" + System.getenv().getOrDefault("ZHENXING_TEST_DB_SUFFIX", "");
        assertThat(migrate.out()).contains("Warehouse jdbc:mysql://127.0.0.1:3306/" + database + ": schema at version");
        assertThat(migrate.err()).doesNotContain("Unknown option", "未知的选项");

        int port = freePort();
        int management = freePort();
        List<String> serve = new ArrayList<>(List.of("serve", "--server.port=" + port, "--management.server.port=" + management));
        serve.addAll(testServer());
        Process server = command(serve.toArray(String[]::new)).redirectErrorStream(true).start();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            StringBuilder seen = new StringBuilder();
            while ((line = lines.readLine()) != null && !line.startsWith("Portal: ")) {
                seen.append(line).append('\n');
            }
            assertThat(line).as(seen.toString()).isEqualTo("Portal: http://localhost:" + port + "/login  (Ctrl-C to stop)");
            HttpURLConnection login = (HttpURLConnection) URI.create("http://127.0.0.1:" + port + "/login").toURL().openConnection();
            assertThat(login.getResponseCode()).isEqualTo(200);
            assertThat(lines.readLine()).isEqualTo("Monitoring: http://127.0.0.1:" + management + "/actuator/health and /actuator/prometheus");
            HttpURLConnection health = (HttpURLConnection) URI.create("http://127.0.0.1:" + management + "/actuator/health").toURL().openConnection();
            assertThat(health.getResponseCode()).isEqualTo(200);
        } finally {
            server.destroy();
            server.waitFor(60, TimeUnit.SECONDS);
        }
    }

    @Test
    void aSecondProcessUsesTheRunningEmbeddedDatabase() throws Exception {
        Path dataDir = WORK.resolve("shared-data");
        try (EmbeddedMariaDb running = EmbeddedMariaDb.start(dataDir, 0)) {
            assertThat(running.owner()).isTrue();
            try (EmbeddedMariaDb again = EmbeddedMariaDb.start(dataDir, 0)) {
                assertThat(again.owner()).as("the same data directory in this process").isFalse();
                assertThat(again.port()).isEqualTo(running.port());
            }
            assertThat(answers(running.port())).as("closing a user of the server does not stop it").isTrue();

            Result info = run("db", "info", "--zhenxing.data-dir=" + dataDir);
            assertThat(info.exitCode()).as(info.err()).isZero();
            assertThat(info.out()).contains("version", "state");
            assertThat(Files.readString(dataDir.resolve("logs").resolve("zhenxing.log")))
                    .contains("is already running in process " + ProcessHandle.current().pid() + ": using 127.0.0.1:" + running.port());
            assertThat(answers(running.port())).as("the second process leaves the server running").isTrue();
        }
    }

    @Test
    void aSecondProcessRefusesAtOnceInOneLineWhenTheOwnerDoesNotAnswer() throws Exception {
        Path dataDir = Files.createDirectories(WORK.resolve("stuck-data"));
        int deadPort = freePort();
        try (FileChannel channel = FileChannel.open(dataDir.resolve("mariadb.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock lock = channel.lock()) {
            Properties server = new Properties();
            server.setProperty("pid", Long.toString(ProcessHandle.current().pid()));
            server.setProperty("port", Integer.toString(deadPort));
            server.setProperty("state", "ready");
            try (Writer w = Files.newBufferedWriter(dataDir.resolve("mariadb.server"))) {
                server.store(w, null);
            }
            Result info = run("db", "migrate", "--zhenxing.data-dir=" + dataDir);
            assertThat(info.exitCode()).isEqualTo(1);
            List<String> errLines = info.err().lines().filter(l -> !l.isBlank()).toList();
            assertThat(errLines).hasSize(1);
            assertThat(errLines.get(0)).contains("的内置数据库正由另一个振兴进程（pid " + ProcessHandle.current().pid() + "）使用",
                    "端口 " + deadPort + "无应答");
            assertThat(info.out()).doesNotContain("Exception");
            // Waiting for the owner would add EmbeddedMariaDb.OWNER_START_WAIT (60 s) to the start-up (5 s quiet, 40 s seen under load).
            assertThat(info.millis()).as("refused at once, not after waiting for the owner").isLessThan(60_000);
        }
    }

    /** `catalog show` without the full context on a current schema, and the full start (which migrates) on an old one. */
    @Test
    void catalogShowTakesTheQuickStartOnlyOnACurrentSchema() throws Exception {
        assumeTrue(answers(3306), "needs the test server on 127.0.0.1:3306");
        String database = "zhenxing_test" + System.getenv().getOrDefault("ZHENXING_TEST_DB_SUFFIX", "") + "_quick";
        String url = "jdbc:mysql://127.0.0.1:3306/" + database;
        try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:mysql://127.0.0.1:3306/", "root", "")) {
            c.createStatement().execute("DROP DATABASE IF EXISTS " + database);
        }
        Path dataDir = WORK.resolve("quick-data");
        Path log = dataDir.resolve("logs").resolve("zhenxing.log");
        Files.deleteIfExists(log);
        List<String> server = List.of("--spring.datasource.url=" + url + "?createDatabaseIfNotExist=true",
                "--spring.datasource.username=root", "--spring.datasource.password=", "--zhenxing.data-dir=" + dataDir);

        Result empty = run(concat(List.of("catalog", "show", "areas"), server));
        assertThat(empty.exitCode()).as(empty.err()).isEqualTo(2);
        assertThat(empty.err()).contains("尚未导入规划目录，请先执行 catalog load。");
        assertThat(Files.readString(log)).contains("Quick start: the warehouse schema lacks migrations of this jar")
                .doesNotContain("Quick start: ran");
        org.flywaydb.core.api.MigrationInfo[] applied = org.flywaydb.core.Flyway.configure().dataSource(url, "root", "")
                .locations("classpath:db/migration").load().info().applied();
        assertThat(java.util.Arrays.stream(applied).map(m -> m.getVersion().getVersion()).toList())
                .as("the full start migrated, and the quick start knows the same versions as Flyway")
                .containsExactlyInAnyOrderElementsOf(cn.zhenxing.warehouse.SchemaState.migrationVersions());

        assertThat(run(concat(List.of("catalog", "load"), server)).exitCode()).isZero();
        Files.delete(log);
        Result areas = run(concat(List.of("catalog", "show", "areas"), server));
        assertThat(areas.exitCode()).as(areas.err()).isZero();
        assertThat(Files.readString(log)).contains("Quick start: ran catalog show without the full application context")
                .doesNotContain("lacks migrations", "FlywayMigrationInitializer");
        assertThat(areas.out().lines().filter(l -> l.startsWith("TAIHANG_OLD_AREA")).findFirst().orElseThrow())
                .matches("TAIHANG_OLD_AREA +太行革命老区 +TH2021 +35 +6 +35");

        Result unknown = run(concat(List.of("catalog", "show", "cities"), server));
        assertThat(unknown.exitCode()).as("a usage error in the quick start is the same usage error").isEqualTo(2);
        assertThat(unknown.err()).contains("cities", "用法见：zhenxing catalog show --help");
    }

    private static String[] concat(List<String> a, List<String> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toArray(String[]::new);
    }
}
