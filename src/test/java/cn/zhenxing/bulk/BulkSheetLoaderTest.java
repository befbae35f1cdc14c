package cn.zhenxing.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zhenxing.WarehouseTest;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Date;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

@WarehouseTest
class BulkSheetLoaderTest {

    @Autowired
    BulkSheetLoader loader;

    @Autowired
    JdbcTemplate jdbc;

    @TempDir
    Path dir;

    @Test
    void loadsEveryRowOfAGeneratedSheetWithItsValues() throws Exception {
        Path sheet = dir.resolve("bulk.xlsx");
        BulkSheetGenerator.writeWorkbook(sheet, 5_000, Map.of("H50", "含\t制表符\\反斜杠\n换行"));
        long loadId = loader.nextLoadId();

        BulkSheetLoader.Result result = loader.load(sheet, loadId, null);

        assertThat(result.errorsZh()).isEmpty();
        assertThat(result.accepted()).isTrue();
        assertThat(result.dataRows()).isEqualTo(5_000);
        assertThat(result.rowsLoaded()).isEqualTo(5_000);
        assertThat(loader.count(loadId)).isEqualTo(5_000);
        assertThat(jdbc.queryForMap("SELECT MIN(row_no) lo, MAX(row_no) hi FROM stg_monitoring_reading WHERE load_id = ?", loadId))
                .containsEntry("lo", 2).containsEntry("hi", 5001);

        // Excel row 2, the first reading, as written by the generator.
        Map<String, Object> first = jdbc.queryForMap("SELECT * FROM stg_monitoring_reading WHERE load_id = ? AND row_no = 2", loadId);
        assertThat(first).containsEntry("station_code", "SX14082101").containsEntry("station_name", "临猗县黄河入境断面")
                .containsEntry("region_code", "140821").containsEntry("reading_date", Date.valueOf("2025-01-01"))
                .containsEntry("parameter", "化学需氧量").containsEntry("unit", "mg/L").containsEntry("note", null)
                .containsEntry("submission_id", null);
        assertThat((BigDecimal) first.get("value")).isEqualByComparingTo("24.0");

        // Every field of a later row (another parameter, another day) equals what was generated.
        BulkReading expected = BulkSheetGenerator.reading(4_321);
        Map<String, Object> row = jdbc.queryForMap("SELECT * FROM stg_monitoring_reading WHERE load_id = ? AND row_no = ?", loadId, 4_323);
        assertThat(row).containsEntry("station_code", expected.stationCode()).containsEntry("station_name", expected.stationName())
                .containsEntry("region_code", expected.regionCode()).containsEntry("reading_date", Date.valueOf(expected.readingDate()))
                .containsEntry("parameter", expected.parameter()).containsEntry("unit", expected.unit()).containsEntry("note", expected.note());
        assertThat((BigDecimal) row.get("value")).isEqualByComparingTo(expected.value());
        assertThat(expected.parameter()).isNotEqualTo("化学需氧量");

        // Tabs, newlines and backslashes in a cell survive the tab-separated stream.
        assertThat(jdbc.queryForObject("SELECT note FROM stg_monitoring_reading WHERE load_id = ? AND row_no = 50", String.class, loadId))
                .isEqualTo("含\t制表符\\反斜杠\n换行");
        // Notes the generator writes now and then arrive; the others are NULL, not ''.
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM stg_monitoring_reading WHERE load_id = ? AND note = ''", Integer.class, loadId)).isZero();

        // Loading the same load_id again replaces its rows instead of adding to them.
        assertThat(loader.load(sheet, loadId, null).accepted()).isTrue();
        assertThat(loader.count(loadId)).isEqualTo(5_000);
        loader.delete(loadId);
    }

    @Test
    void rejectsASheetWithABadValueAndABadDateAndLoadsNothing() throws Exception {
        Path good = dir.resolve("good.xlsx");
        BulkSheetGenerator.writeWorkbook(good, 300, Map.of());
        long other = loader.nextLoadId();
        assertThat(loader.load(good, other, null).accepted()).isTrue();

        Path bad = dir.resolve("bad.xlsx");
        BulkSheetGenerator.writeWorkbook(bad, 3_000, Map.of(
                "F12", "12mg/L",
                "D20", "2025-02-30",
                "C30", "14082",
                "A2500", ""));
        long loadId = other + 1;

        BulkSheetLoader.Result result = loader.load(bad, loadId, null);

        assertThat(result.accepted()).isFalse();
        assertThat(result.rowsLoaded()).isZero();
        assertThat(result.dataRows()).isEqualTo(3_000);
        assertThat(result.errorCount()).isEqualTo(4);
        assertThat(result.errorsZh()).hasSize(4);
        assertThat(result.errorsZh().get(0)).startsWith("第12行 F列 ").contains("“12mg/L”不是数字");
        assertThat(result.errorsZh().get(1)).startsWith("第20行 D列 ").contains("“2025-02-30”不是有效日期");
        assertThat(result.errorsZh().get(2)).startsWith("第30行 C列 ").contains("6位数字");
        assertThat(result.errorsZh().get(3)).startsWith("第2500行 A列 ").contains("断面编码未填写");
        assertThat(loader.count(loadId)).isZero();
        assertThat(loader.count(other)).isEqualTo(300);
        loader.delete(other);
    }

    @Test
    void rejectsAWorkbookWithTheWrongHeader() throws Exception {
        Path bad = dir.resolve("header.xlsx");
        BulkSheetGenerator.writeWorkbook(bad, 10, Map.of("F1", "数值"));
        long loadId = loader.nextLoadId();

        BulkSheetLoader.Result result = loader.load(bad, loadId, null);

        assertThat(result.accepted()).isFalse();
        assertThat(result.errorsZh()).singleElement().asString().startsWith("第1行 表头应依次为").contains("监测值");
        assertThat(loader.count(loadId)).isZero();
    }
}
