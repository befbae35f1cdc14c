package cn.zhenxing.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zhenxing.WarehouseFixture;
import cn.zhenxing.WarehouseTest;
import cn.zhenxing.samples.SampleGenerator;
import cn.zhenxing.warehouse.Checksums;
import cn.zhenxing.warehouse.FaultPoint;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * Exactly once: a real `zhenxing ingest` process is halted (as kill -9 would) at each point of the
 * job; running ingest again leaves the warehouse as one clean run would.
 */
@WarehouseTest
@TestPropertySource(properties = "zhenxing.test.database=zhenxing_test_crash")
class IngestCrashTest {

    @Autowired
    WarehouseFixture warehouse;
    @Autowired
    SampleGenerator samples;
    @Autowired
    IngestService ingest;
    @Autowired
    DataSource dataSource;
    @Autowired
    JdbcTemplate jdbc;
    @TempDir
    Path dir;

    @ParameterizedTest(name = "killed at {0}")
    @CsvSource({"ingest.after-register, 140300", "ingest.after-land, 140500", "ingest.publish.before-commit, 140600",
            "ingest.after-decide, 140700", "marts.refresh.before-commit, 140800", "ingest.after-marts, 141000",
            "ingest.after-feedback, 140900"})
    void killedAnywhereThenRerunIsOneCleanRun(String point, String unit) throws Exception {
        warehouse.catalogLoaded();
        Path file = samples.generate("2025Q3", Files.createDirectories(dir.resolve("forms")), List.of(unit)).get(0);
        String sha = Checksums.sha256(file);

        assertThat(runKilled(file, point)).as("child exit code").isEqualTo(137);

        IngestService.Outcome rerun = ingest.ingest(List.of(file), "cli", "test", null, o -> { }).get(0);
        assertThat(rerun.status()).isIn(IngestService.Status.ACCEPTED, IngestService.Status.DUPLICATE);
        assertThat(jdbc.queryForList("SELECT status FROM ops_submission WHERE file_sha256 = ?", String.class, sha)).containsExactly("accepted");
        long id = jdbc.queryForObject("SELECT submission_id FROM ops_submission WHERE file_sha256 = ?", Long.class, sha);
        assertThat(jdbc.queryForObject("SELECT version FROM ops_submission WHERE submission_id = ?", Integer.class, id)).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM fact_indicator_value WHERE submission_id = ?", Integer.class, id))
                .isEqualTo(IngestTest.typedValues(file).size());
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM fact_indicator_value f JOIN ops_submission s ON s.submission_id = f.submission_id "
                + "WHERE s.unit_key = (SELECT unit_key FROM dim_reporting_unit WHERE unit_code = ?)", Integer.class, unit))
                .as("nothing doubled").isEqualTo(IngestTest.typedValues(file).size());
        assertThat(jdbc.queryForObject("SELECT feedback_path FROM ops_submission WHERE submission_id = ?", String.class, id)).isNotNull();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM mart_indicator_progress WHERE period_code = '2025Q3' AND scope_code = ? "
                + "AND value_source = 'reported'", Integer.class, unit)).as("the accepted file is in the marts").isPositive();
    }

    /** The test JVM's class path without test classes: test configurations must not run in the child. */
    private static String mainClassPath() {
        return java.util.Arrays.stream(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
                .filter(entry -> !entry.endsWith("test-classes") && !entry.endsWith("test-classes/"))
                .collect(java.util.stream.Collectors.joining(java.io.File.pathSeparator));
    }

    private int runKilled(Path file, String point) throws Exception {
        HikariDataSource hikari = dataSource.unwrap(HikariDataSource.class);
        ProcessBuilder child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", mainClassPath(), "-D" + FaultPoint.PROPERTY + "=" + point,
                "cn.zhenxing.ZhenxingApplication", "ingest", file.toString());
        child.environment().put("SPRING_DATASOURCE_URL", hikari.getJdbcUrl());
        child.environment().put("SPRING_DATASOURCE_USERNAME", hikari.getUsername());
        child.environment().put("SPRING_DATASOURCE_PASSWORD", hikari.getPassword() == null ? "" : hikari.getPassword());
        child.environment().put("ZHENXING_DATA_DIR", dir.resolve("child").toString());
        child.redirectErrorStream(true).redirectOutput(dir.resolve("child-" + point + ".log").toFile());
        Process process = child.start();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return process.exitValue();
    }
}
