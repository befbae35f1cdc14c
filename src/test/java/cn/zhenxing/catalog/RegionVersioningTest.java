package cn.zhenxing.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zhenxing.WarehouseTest;
import cn.zhenxing.warehouse.RegionVersions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/** A county renamed in a new catalog version keeps its old facts under the old name. Own database. */
@WarehouseTest
@TestPropertySource(properties = "zhenxing.test.database=zhenxing_test_versions")
class RegionVersioningTest {

    private static final String YU_COUNTY = "140322";

    @Autowired
    CatalogLoader loader;
    @Autowired
    RegionVersions regionVersions;
    @Autowired
    JdbcTemplate jdbc;
    @TempDir
    Path temp;

    @Test
    void renamedCountyKeepsOldFactsUnderOldName() throws Exception {
        Path v1 = copyCatalog("v1");
        assertThat(loader.load(v1.toString(), LocalDate.of(2024, 1, 1), false).outcome()).isEqualTo(CatalogLoader.Outcome.LOADED);
        long oldFact = insertFact(YU_COUNTY, "2024Q4", LocalDate.of(2024, 12, 31));

        Path v2 = copyCatalog("v2");
        rewrite(v2.resolve("regions.csv"), "140322,盂县,", "140322,盂州区,");
        CatalogLoader.Result renamed = loader.load(v2.toString(), LocalDate.of(2025, 1, 1), false);
        assertThat(renamed.outcome()).isEqualTo(CatalogLoader.Outcome.LOADED);
        assertThat(renamed.updated()).isPositive();
        long newFact = insertFact(YU_COUNTY, "2025Q1", LocalDate.of(2025, 3, 31));

        assertThat(nameOfFactRegion(oldFact)).isEqualTo("盂县");
        assertThat(nameOfFactRegion(newFact)).isEqualTo("盂州区");

        List<Map<String, Object>> versions = jdbc.queryForList(
                "SELECT name_zh, valid_from, valid_to, is_current FROM dim_region WHERE region_code = ? ORDER BY valid_from", YU_COUNTY);
        assertThat(versions).hasSize(2);
        assertThat(versions.get(0).get("valid_to").toString()).isEqualTo("2024-12-31");
        assertThat(versions.get(0).get("is_current")).isEqualTo(false);
        assertThat(versions.get(1).get("valid_from").toString()).isEqualTo("2025-01-01");

        // The rename touches nothing else: still 117 counties, still in the Taihang area and 阳泉's jurisdiction.
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM dim_region WHERE is_current AND level = 'county'", Integer.class)).isEqualTo(117);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM bridge_area_region b JOIN dim_planning_area a ON a.area_key = b.area_key "
                + "WHERE a.area_code = 'TAIHANG_OLD_AREA' AND b.is_current", Integer.class)).isEqualTo(35);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM bridge_unit_region b JOIN dim_reporting_unit u ON u.unit_key = b.unit_key "
                + "WHERE u.unit_code = '140300' AND b.region_code = ?", Integer.class, YU_COUNTY)).isEqualTo(1);

        // A change dated no later than the current version is refused with a message naming the fix.
        Path v3 = copyCatalog("v3");
        rewrite(v3.resolve("regions.csv"), "140322,盂县,", "140322,盂城区,");
        CatalogLoader.Result refused = loader.load(v3.toString(), LocalDate.of(2025, 1, 1), false);
        assertThat(refused.outcome()).isEqualTo(CatalogLoader.Outcome.FAILED);
        assertThat(refused.failure()).contains("140322").contains("--effective-date");
    }

    private long insertFact(String regionCode, String period, LocalDate periodEnd) {
        Integer regionKey = regionVersions.keyAt(regionCode, periodEnd).orElseThrow();
        Integer unitKey = jdbc.queryForObject("SELECT unit_key FROM dim_reporting_unit WHERE unit_code = '140300'", Integer.class);
        Integer periodKey = jdbc.queryForObject("SELECT period_key FROM dim_period WHERE period_code = ?", Integer.class, period);
        Integer indicatorKey = jdbc.queryForObject("SELECT indicator_key FROM dim_indicator WHERE indicator_code = 'FYP14-01'", Integer.class);
        jdbc.update("INSERT INTO fact_submission (unit_key, period_key, version, file_name, file_sha256, file_size, channel, status, received_at, is_current) "
                + "VALUES (?, ?, 1, 'test.xlsx', REPEAT('a', 64), 1, 'cli', 'accepted', NOW(3), TRUE)", unitKey, periodKey);
        long submissionId = jdbc.queryForObject("SELECT MAX(submission_id) FROM fact_submission", Long.class);
        jdbc.update("INSERT INTO fact_indicator_value (submission_id, region_key, indicator_key, period_key, value) VALUES (?, ?, ?, ?, 6.1)",
                submissionId, regionKey, indicatorKey, periodKey);
        return submissionId;
    }

    private String nameOfFactRegion(long submissionId) {
        return jdbc.queryForObject("SELECT r.name_zh FROM fact_indicator_value f JOIN dim_region r ON r.region_key = f.region_key "
                + "WHERE f.submission_id = ?", String.class, submissionId);
    }

    private Path copyCatalog(String name) throws IOException {
        Path dir = Files.createDirectories(temp.resolve(name));
        try (var files = Files.list(Path.of("etl/reference"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".csv")).toList()) {
                Files.copy(file, dir.resolve(file.getFileName()));
            }
        }
        return dir;
    }

    private static void rewrite(Path file, String from, String to) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(text).contains(from);
        Files.writeString(file, text.replace(from, to), StandardCharsets.UTF_8);
    }
}
