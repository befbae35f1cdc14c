package cn.zhenxing.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.zhenxing.WarehouseFixture;
import cn.zhenxing.WarehouseTest;
import cn.zhenxing.cli.ZhenxingCommand;
import cn.zhenxing.ingest.IngestService;
import cn.zhenxing.report.ReportName;
import cn.zhenxing.report.ReportService;
import cn.zhenxing.schedule.ScheduleRunner;
import cn.zhenxing.warehouse.Checksums;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.zaxxer.hikari.HikariDataSource;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.util.FileSystemUtils;
import picocli.CommandLine;
import picocli.CommandLine.IFactory;

/**
 * The restore drill against the real server: a quarter ingested, backed up with {@code db backup},
 * the database dropped, restored with {@code db restore}; every table's rows and a checksum of every
 * fact and mart table must be equal, and ingest and reports must still work. Also the nightly
 * backup schedule: retention, and a mail to the operators when a backup fails.
 */
@WarehouseTest
@TestPropertySource(properties = {"zhenxing.test.database=zhenxing_test_backup", "spring.mail.host=127.0.0.1", "spring.mail.port=3125",
        "zhenxing.delivery.retry-base=0s", "zhenxing.schedules.dir=target/test-backup-schedules", "zhenxing.backup.dir=target/test-backups"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RestoreDrillTest {

    static final String PERIOD = "2025Q3";
    /** Held back from the backed-up quarter, ingested into the restored warehouse. */
    static final String LATE_UNIT = "141100";
    static final Path OUT = Path.of("target", "restore-drill");
    static final Path SCHEDULES = Path.of("target", "test-backup-schedules");
    static final Path NIGHTLY = Path.of("target", "test-backups");

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(new ServerSetup(3125, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
            .withPerMethodLifecycle(false);

    @Autowired
    WarehouseFixture warehouse;
    @Autowired
    IngestService ingest;
    @Autowired
    ReportService reports;
    @Autowired
    BackupService backups;
    @Autowired
    ScheduleRunner runner;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DataSource dataSource;
    @Autowired
    ZhenxingCommand root;
    @Autowired
    IFactory factory;

    static {
        try {
            FileSystemUtils.deleteRecursively(SCHEDULES);
            FileSystemUtils.deleteRecursively(NIGHTLY);
            FileSystemUtils.deleteRecursively(OUT);
            Files.createDirectories(SCHEDULES);
            Files.writeString(SCHEDULES.resolve("recipients.yml"), """
                    recipients:
                      - {name: 信息中心运维, email: ops@example.gov.cn, group: operators}
                      - {name: 规划处, email: staff@example.gov.cn, group: staff}
                    """);
            Files.writeString(SCHEDULES.resolve("backup-nightly.yml"), """
                    name: backup-nightly
                    cron: "0 30 1 * * ?"
                    run: backup
                    keep: 2
                    recipients: [operators]
                    """);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    record Run(int exitCode, String out, String err) {
    }

    Run cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(root, factory);
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return new Run(cli.execute(args), out.toString(), err.toString());
    }

    @BeforeAll
    void quarterIngested() throws Exception {
        List<IngestService.Outcome> outcomes = warehouse.quarterIngested(PERIOD, OUT.resolve("forms"), LocalDateTime.of(2025, 10, 10, 9, 0),
                List.of(LATE_UNIT));
        assertThat(outcomes).isNotEmpty().allMatch(o -> o.status() == IngestService.Status.ACCEPTED);
    }

    /** Rows of every base table. */
    Map<String, Long> rowCounts() {
        Map<String, Long> counts = new TreeMap<>();
        for (String table : jdbc.queryForList("SELECT table_name FROM information_schema.tables WHERE table_schema = DATABASE() "
                + "AND table_type = 'BASE TABLE'", String.class)) {
            counts.put(table, jdbc.queryForObject("SELECT COUNT(*) FROM `" + table + "`", Long.class));
        }
        return counts;
    }

    /** CHECKSUM TABLE of every fact_ and mart_ table; an ordered SHA-256 of the rows of every fact_ and mart_ view. */
    Map<String, String> factAndMartChecksums() throws Exception {
        Map<String, String> sums = new TreeMap<>();
        for (Map<String, Object> o : jdbc.queryForList("SELECT table_name AS name, table_type AS type FROM information_schema.tables "
                + "WHERE table_schema = DATABASE() AND (table_name LIKE 'fact\\_%' OR table_name LIKE 'mart\\_%')")) {
            String name = (String) o.get("name");
            if ("VIEW".equals(o.get("type"))) {
                List<String> rows = new ArrayList<>(jdbc.queryForList("SELECT * FROM `" + name + "`").stream().map(Object::toString).toList());
                rows.sort(null);
                Path tmp = Files.writeString(Files.createTempFile("view-", ".txt"), String.join("\n", rows));
                sums.put(name, "view " + rows.size() + " " + Checksums.sha256(tmp));
                Files.delete(tmp);
            } else {
                sums.put(name, String.valueOf(jdbc.queryForMap("CHECKSUM TABLE `" + name + "`").get("Checksum")));
            }
        }
        return sums;
    }

    @Test
    void backupDropRestoreGivesTheSameWarehouseAndItStillWorks() throws Exception {
        Map<String, Long> before = rowCounts();
        Map<String, String> checksumsBefore = factAndMartChecksums();
        assertThat(before.get("fact_indicator_value")).isPositive();
        assertThat(checksumsBefore).containsKeys("fact_indicator_value", "fact_task_progress", "fact_project_progress", "mart_indicator_progress");

        Path root = OUT.resolve("backups");
        long t0 = System.nanoTime();
        Run backup = cli("db", "backup", "--out", root.toString());
        long backupMillis = (System.nanoTime() - t0) / 1_000_000;
        assertThat(backup.exitCode()).as(backup.err()).isZero();
        List<Path> written = backups.list(root);
        assertThat(written).hasSize(1);
        Path dir = written.get(0);
        assertThat(backup.out()).contains("written to " + dir.toAbsolutePath(), "sha256 ");

        // The manifest: schema version = Flyway's latest applied, row counts = the tables', checksum = the dump's.
        BackupService.Manifest manifest = BackupService.manifest(dir);
        assertThat(manifest.schemaVersion()).isEqualTo(jdbc.queryForObject(
                "SELECT version FROM flyway_schema_history WHERE success = 1 ORDER BY installed_rank DESC LIMIT 1", String.class));
        assertThat(manifest.tables()).isEqualTo(before);
        assertThat(manifest.views()).contains("int_indicator_value_current", "int_unit_deadline");
        assertThat(manifest.sha256()).isEqualTo(Checksums.sha256(dir.resolve(BackupService.DUMP)));
        assertThat(Files.readString(dir.resolve(BackupService.DUMP + ".sha256"))).isEqualTo(manifest.sha256() + "  warehouse.sql.gz\n");

        // A non-empty warehouse is not overwritten without --force.
        Run refused = cli("db", "restore", dir.toString());
        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(refused.err().strip()).doesNotContain("\n").contains("不是空库", "--force");
        assertThat(rowCounts()).isEqualTo(before);

        // A damaged copy is refused before anything is touched.
        Path damaged = OUT.resolve("damaged");
        FileSystemUtils.copyRecursively(dir, damaged);
        byte[] bytes = Files.readAllBytes(damaged.resolve(BackupService.DUMP));
        bytes[bytes.length / 2] ^= 0x01;
        Files.write(damaged.resolve(BackupService.DUMP), bytes);
        Run corrupt = cli("db", "restore", damaged.toString(), "--force");
        assertThat(corrupt.exitCode()).isEqualTo(2);
        assertThat(corrupt.err()).contains("校验和不符");
        assertThat(rowCounts()).isEqualTo(before);

        // The drill: the database is gone; restore it (the server recreates it empty on connect).
        String database = jdbc.queryForObject("SELECT DATABASE()", String.class);
        jdbc.execute("DROP DATABASE `" + database + "`");
        dataSource.unwrap(HikariDataSource.class).getHikariPoolMXBean().softEvictConnections();
        long t1 = System.nanoTime();
        Run restore = cli("db", "restore", dir.toString());
        long restoreMillis = (System.nanoTime() - t1) / 1_000_000;
        assertThat(restore.exitCode()).as(restore.err()).isZero();
        assertThat(restore.out()).contains("Restored", "row counts checked").doesNotContain("dropped first");
        System.out.printf("[restore drill] %d tables, %d rows, dump %d bytes: backup %d ms, restore %d ms%n",
                before.size(), manifest.rows(), manifest.dumpBytes(), backupMillis, restoreMillis);

        assertThat(rowCounts()).isEqualTo(before);
        assertThat(factAndMartChecksums()).isEqualTo(checksumsBefore);

        // Ingest still works: the held-back unit's form is accepted as version 1 and its quarter's marts rebuilt.
        List<String> others = new ArrayList<>(jdbc.queryForList("SELECT unit_code FROM dim_reporting_unit WHERE unit_code <> ?", String.class, LATE_UNIT));
        List<Path> late = warehouse.forms(PERIOD, OUT.resolve("late-form"), others);
        List<IngestService.Outcome> outcomes = ingest.ingest(late, "cli", "test", null, LocalDateTime.of(2025, 10, 12, 9, 0), o -> { });
        assertThat(outcomes).singleElement().satisfies(o -> {
            assertThat(o.status()).as(o.failure()).isEqualTo(IngestService.Status.ACCEPTED);
            assertThat(o.version()).isEqualTo(1);
        });
        assertThat(rowCounts().get("fact_indicator_value")).isGreaterThan(before.get("fact_indicator_value"));

        // Reports still build from the restored marts.
        Path pdf = reports.render(ReportName.REVITALIZATION, PERIOD, null, List.of("pdf"), OUT).get(0);
        String text;
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            text = new PDFTextStripper().getText(doc);
        }
        BigDecimal taihang = jdbc.queryForObject("SELECT value FROM mart_indicator_progress WHERE period_code = ? AND scope_code = 'TAIHANG_OLD_AREA' "
                + "AND indicator_code = 'FYP14-04'", BigDecimal.class, PERIOD);
        assertThat(text).contains("山西省革命老区振兴发展季度监测报告", "2025年第三季度",
                new DecimalFormat("#,##0.##").format(taihang.setScale(2, RoundingMode.HALF_UP)));

        // --force puts the backup back over a warehouse that has moved on.
        Run forced = cli("db", "restore", dir.toString(), "--force");
        assertThat(forced.exitCode()).as(forced.err()).isZero();
        assertThat(forced.out()).contains("dropped first");
        assertThat(rowCounts()).isEqualTo(before);
        assertThat(factAndMartChecksums()).isEqualTo(checksumsBefore);
    }

    @Test
    void nightlyBackupKeepsTheNewestAndMailsOperatorsWhenItFails() throws Exception {
        Instant night = Instant.parse("2026-03-01T17:30:00Z");
        List<Path> seen = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String summary = runner.run("backup-nightly", night.plusSeconds(86_400L * i));
            assertThat(summary).contains("keeping 2").contains(i < 2 ? "0 old backup(s) removed" : "1 old backup(s) removed");
            seen.add(backups.list(NIGHTLY).get(backups.list(NIGHTLY).size() - 1));
        }
        assertThat(backups.list(NIGHTLY)).containsExactly(seen.get(1), seen.get(2));

        // The backup folder cannot be created: the run fails, nothing is removed, and the operators get one mail.
        Path moved = OUT.resolve("nightly-aside");
        Files.createDirectories(OUT);
        Files.move(NIGHTLY, moved);
        Files.writeString(NIGHTLY, "not a folder");
        try {
            assertThatThrownBy(() -> runner.run("backup-nightly", night.plusSeconds(86_400L * 3))).hasMessageContaining("FAILED");
        } finally {
            Files.delete(NIGHTLY);
            Files.move(moved, NIGHTLY);
        }
        assertThat(backups.list(NIGHTLY)).containsExactly(seen.get(1), seen.get(2));
        MimeMessage[] mails = smtp.getReceivedMessages();
        assertThat(mails).hasSize(1);
        assertThat(((jakarta.mail.internet.InternetAddress) mails[0].getAllRecipients()[0]).getAddress()).isEqualTo("ops@example.gov.cn");
        assertThat(mails[0].getSubject()).isEqualTo("【振兴监测】数据仓库备份失败（2026-03-05 01:30）");
        assertThat(((String) mails[0].getContent())).contains("backup-nightly", "zhenxing db backup");
    }
}
