package cn.zhenxing.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zhenxing.WarehouseTest;
import cn.zhenxing.ingest.IngestService;
import cn.zhenxing.samples.SampleGenerator;
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
    SampleGenerator samples;
    @Autowired
    IngestService ingest;
    @Autowired
    JdbcTemplate jdbc;
    @TempDir
    Path temp;

    @Test
    void renamedCountyKeepsOldFactsUnderOldName() throws Exception {
        Path v1 = copyCatalog("v1");
        assertThat(loader.load(v1.toString(), LocalDate.of(2024, 1, 1), false).outcome()).isEqualTo(CatalogLoader.Outcome.LOADED);
        long oldFact = ingestSample("2024Q4", LocalDate.of(2025, 1, 10));

        Path v2 = copyCatalog("v2");
        rewrite(v2.resolve("regions.csv"), "140322,盂县,", "140322,盂州区,");
        CatalogLoader.Result renamed = loader.load(v2.toString(), LocalDate.of(2025, 1, 1), false);
        assertThat(renamed.outcome()).isEqualTo(CatalogLoader.Outcome.LOADED);
        assertThat(renamed.updated()).isPositive();
        long newFact = ingestSample("2025Q1", LocalDate.of(2025, 4, 10));

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

    /** 阳泉's form (which carries 盂县's rows) for a quarter, through the real ingest; returns the submission. */
    private long ingestSample(String period, LocalDate receivedOn) throws Exception {
        Path file = samples.generate(period, Files.createDirectories(temp.resolve("forms-" + period)), List.of("140300")).get(0);
        IngestService.Outcome o = ingest.ingest(List.of(file), "cli", "test", null, receivedOn.atStartOfDay(), x -> { }).get(0);
        assertThat(o.status()).as(o.problems().toString()).isEqualTo(IngestService.Status.ACCEPTED);
        return jdbc.queryForObject("SELECT submission_id FROM ops_submission WHERE is_current AND period_key = "
                + "(SELECT period_key FROM dim_period WHERE period_code = ?)", Long.class, period);
    }

    private String nameOfFactRegion(long submissionId) {
        return jdbc.queryForObject("SELECT DISTINCT r.name_zh FROM fact_indicator_value f JOIN dim_region r ON r.region_key = f.region_key "
                + "WHERE f.submission_id = ? AND r.region_code = ?", String.class, submissionId, YU_COUNTY);
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
