package cn.zhenxing.backup;

import cn.zhenxing.ZhenxingProperties;
import cn.zhenxing.warehouse.Checksums;
import cn.zhenxing.warehouse.SqlFile;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.stereotype.Service;
import org.springframework.util.FileSystemUtils;

/**
 * A consistent logical backup of the warehouse ({@code mariadb-dump --single-transaction}, gzipped),
 * with its SHA-256 and a manifest (time, schema version, row counts per table), and its restore into
 * an empty database. Uses the raw DataSource, never a JdbcTemplate bean, so that nothing migrates the
 * schema before a restore has looked at the target.
 */
@Service
public class BackupService {

    static final SqlFile SQL = SqlFile.of(BackupService.class, "backup.sql");
    private static final Logger log = LoggerFactory.getLogger(BackupService.class);

    public static final String DUMP = "warehouse.sql.gz";
    public static final String MANIFEST = "manifest.json";
    static final Pattern NAME = Pattern.compile("zhenxing-\\d{8}-\\d{6}-\\d{3}");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS");
    /** Tables only ingest and marts refresh write: their counts must match the manifest exactly after a restore. */
    private static final Pattern GUARDED = Pattern.compile("(dim|bridge|fact|stg|mart|cfg)_.*");
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** A backup's manifest, as written to {@value #MANIFEST}. */
    public record Manifest(int format, String createdAt, String database, String server, String schemaVersion, String dumpFile,
                           String sha256, long dumpBytes, long durationMillis, String dumpTool, Map<String, Long> tables, List<String> views) {
        public long rows() {
            return tables.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /** A finished backup: its folder and manifest. */
    public record Backup(Path dir, Manifest manifest) {
    }

    /** What a restore did. {@code differences}: tables whose rows differ from the manifest (only ones written outside ingest and marts). */
    public record Restored(Manifest manifest, String database, long durationMillis, int droppedObjects, List<String> differences) {
    }

    /** A restore refused for a reason the operator can fix (exit code 2); the message is the one line to show. */
    public static class Refused extends RuntimeException {
        public Refused(String message) {
            super(message);
        }
    }

    private final DataSource dataSource;
    private final DataSourceProperties dataSourceProperties;
    private final MariaDbDump client;
    private final BackupProperties properties;
    private final ZhenxingProperties zhenxing;

    BackupService(DataSource dataSource, DataSourceProperties dataSourceProperties, MariaDbDump client, BackupProperties properties,
                  ZhenxingProperties zhenxing) {
        this.dataSource = dataSource;
        this.dataSourceProperties = dataSourceProperties;
        this.client = client;
        this.properties = properties;
        this.zhenxing = zhenxing;
    }

    /** The configured backups folder: {@code zhenxing.backup.dir}, default {@code <data-dir>/backups}. */
    public Path defaultRoot() {
        return properties.dir() != null ? properties.dir() : zhenxing.dataDir().resolve("backups");
    }

    /** Writes a new backup folder {@code zhenxing-<time>} under {@code root}; a half-written one never carries that name. */
    public Backup backup(Path root) throws IOException, SQLException, InterruptedException {
        long start = System.nanoTime();
        MariaDbDump.Target target = target();
        Files.createDirectories(root);
        String name = "zhenxing-" + LocalDateTime.now().format(STAMP);
        Path partial = root.resolve("." + name + ".partial");
        Path dump = partial.resolve(DUMP);
        Files.createDirectories(partial);
        try (Connection lockHolder = dataSource.getConnection()) {
            JdbcTemplate locked = new JdbcTemplate(new SingleConnectionDataSource(lockHolder, true));
            // Hold off ingest and marts refresh, so the row counts below are those of the dump's snapshot.
            lock(locked, "lockIngest");
            lock(locked, "lockMarts");
            try {
                String tool = client.dump(target, dump);
                Map<String, Long> tables = new LinkedHashMap<>();
                List<String> views = new ArrayList<>();
                for (Map<String, Object> o : locked.queryForList(SQL.get("objects"))) {
                    String table = (String) o.get("name");
                    if ("VIEW".equals(o.get("type"))) {
                        views.add(table);
                    } else if ("BASE TABLE".equals(o.get("type"))) {
                        tables.put(table, locked.queryForObject(SQL.get("countRows").replace("{table}", quoted(table)), Long.class));
                    }
                }
                Manifest manifest = new Manifest(1, OffsetDateTime.now().toString(), target.database(),
                        locked.queryForObject(SQL.get("serverVersion"), String.class), schemaVersion(locked), DUMP, Checksums.sha256(dump),
                        Files.size(dump), Duration.ofNanos(System.nanoTime() - start).toMillis(), tool, tables, views);
                JSON.writeValue(partial.resolve(MANIFEST).toFile(), manifest);
                // sha256sum -c format, so an operator can check a copy without Zhenxing.
                Files.writeString(partial.resolve(DUMP + ".sha256"), manifest.sha256() + "  " + DUMP + "\n");
                Path done = Files.move(partial, root.resolve(name), StandardCopyOption.ATOMIC_MOVE);
                log.info("Backup of {} written to {}: {} tables, {} rows, {} bytes, {} ms", target.database(), done, tables.size(),
                        manifest.rows(), manifest.dumpBytes(), manifest.durationMillis());
                return new Backup(done, manifest);
            } finally {
                locked.queryForObject(SQL.get("unlockAll"), Long.class);
            }
        } catch (IOException | SQLException | InterruptedException | RuntimeException e) {
            FileSystemUtils.deleteRecursively(partial);
            throw e;
        }
    }

    /** Keeps the newest {@code keep} complete backups under {@code root}; returns the folders removed. */
    public List<Path> prune(Path root, int keep) throws IOException {
        if (keep < 1) {
            throw new IllegalArgumentException("keep must be at least 1, not " + keep);
        }
        List<Path> backups = list(root);
        List<Path> removed = new ArrayList<>();
        for (Path old : backups.subList(0, Math.max(0, backups.size() - keep))) {
            FileSystemUtils.deleteRecursively(old);
            removed.add(old);
            log.info("Removed old backup {} (keeping the newest {})", old, keep);
        }
        return removed;
    }

    /** Complete backups under {@code root}, oldest first. */
    public List<Path> list(Path root) throws IOException {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> dirs = Files.list(root)) {
            return dirs.filter(d -> NAME.matcher(d.getFileName().toString()).matches() && Files.isRegularFile(d.resolve(MANIFEST)))
                    .sorted(Comparator.comparing(d -> d.getFileName().toString())).toList();
        }
    }

    public static Manifest manifest(Path backupDir) throws IOException {
        Path file = backupDir.resolve(MANIFEST);
        if (!Files.isRegularFile(file)) {
            throw new Refused(backupDir + " 不是振兴数据仓库备份目录（缺少 " + MANIFEST + "）。");
        }
        return JSON.readValue(file.toFile(), Manifest.class);
    }

    /**
     * Restores a backup into the configured database after checking the dump's SHA-256. A database
     * holding any table or view is refused unless {@code force}, which drops everything in it first.
     */
    public Restored restore(Path backupDir, boolean force) throws IOException, SQLException, InterruptedException {
        long start = System.nanoTime();
        Manifest manifest = manifest(backupDir);
        Path dump = backupDir.resolve(manifest.dumpFile());
        if (!Files.isRegularFile(dump)) {
            throw new Refused("备份目录 " + backupDir + " 中缺少数据文件 " + manifest.dumpFile() + "，无法恢复。");
        }
        String actual = Checksums.sha256(dump);
        if (!actual.equals(manifest.sha256())) {
            throw new Refused("备份文件 " + dump + " 校验和不符（应为 " + manifest.sha256() + "，实为 " + actual + "），文件已损坏或被改动，未恢复。");
        }
        MariaDbDump.Target target = target();
        int dropped = 0;
        try (Connection connection = dataSource.getConnection()) {
            JdbcTemplate jdbc = new JdbcTemplate(new SingleConnectionDataSource(connection, true));
            List<Map<String, Object>> objects = jdbc.queryForList(SQL.get("objects"));
            if (!objects.isEmpty() && !force) {
                throw new Refused("目标数据库 " + target.database() + " 不是空库（已有 " + objects.size()
                        + " 个表或视图），恢复会覆盖其中的数据；确认覆盖请加 --force。");
            }
            jdbc.execute(SQL.get("foreignKeysOff"));
            for (Map<String, Object> o : objects) {
                String statement = "VIEW".equals(o.get("type")) ? "dropView" : "dropTable";
                jdbc.execute(SQL.get(statement).replace("{object}", quoted((String) o.get("name"))));
                dropped++;
            }
        }
        try (Connection c = DriverManager.getConnection(dataSourceProperties.determineUrl(), dataSourceProperties.determineUsername(),
                dataSourceProperties.determinePassword())) {
            MariaDbDump.load(dump, c);
        }
        List<String> differences = new ArrayList<>();
        try (Connection connection = dataSource.getConnection()) {
            JdbcTemplate jdbc = new JdbcTemplate(new SingleConnectionDataSource(connection, true));
            List<String> guarded = new ArrayList<>();
            for (Map.Entry<String, Long> t : manifest.tables().entrySet()) {
                Long rows = jdbc.queryForObject(SQL.get("countRows").replace("{table}", quoted(t.getKey())), Long.class);
                if (!t.getValue().equals(rows)) {
                    String line = t.getKey() + ": " + rows + " rows, manifest " + t.getValue();
                    (GUARDED.matcher(t.getKey()).matches() ? guarded : differences).add(line);
                }
            }
            if (!guarded.isEmpty()) {
                throw new IllegalStateException("Restored rows differ from the backup's manifest: " + String.join("; ", guarded));
            }
        }
        long millis = Duration.ofNanos(System.nanoTime() - start).toMillis();
        log.info("Restored {} into {} in {} ms ({} objects dropped first)", backupDir, target.database(), millis, dropped);
        return new Restored(manifest, target.database(), millis, dropped, differences);
    }

    private static void lock(JdbcTemplate jdbc, String statement) {
        Long got = jdbc.queryForObject(SQL.get(statement), Long.class);
        if (got == null || got != 1) {
            throw new IllegalStateException("Backup waited 10 minutes for a running ingest or marts refresh; try again later");
        }
    }

    private static String schemaVersion(JdbcTemplate jdbc) {
        try {
            return jdbc.queryForObject(SQL.get("schemaVersion"), String.class);
        } catch (org.springframework.dao.DataAccessException e) {
            return null; // not a migrated warehouse (no flyway_schema_history)
        }
    }

    static String quoted(String identifier) {
        return "`" + identifier.replace("`", "``") + "`";
    }

    MariaDbDump.Target target() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.isValid(5); // the embedded DataSource sets its URL when it is built: make sure it is
        }
        String url = dataSourceProperties.determineUrl();
        return MariaDbDump.parse(url, dataSourceProperties.determineUsername(), dataSourceProperties.determinePassword());
    }
}
