package cn.zhenxing.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zhenxing.WarehouseFixture;
import cn.zhenxing.WarehouseTest;
import cn.zhenxing.bulk.MonitoringForm;
import cn.zhenxing.bulk.MonitoringIngest;
import cn.zhenxing.bulk.MonitoringSamples;
import cn.zhenxing.bulk.MonitoringWorkbook;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * The monitoring forms through the real ingest: accepted into fact_monitoring_reading, rejected with sheet
 * and cell, a rerun changes nothing, a new version supersedes; the derived indicators of the marts against
 * a computation of their own from the generated rows, with the readings behind them.
 */
@WarehouseTest
@TestPropertySource(properties = "zhenxing.test.database=zhenxing_test_monitoring")
class MonitoringFormsIngestTest {

    static final MonitoringForm WATER = MonitoringForm.load("water_monthly");
    static final MonitoringForm AIR = MonitoringForm.load("air_daily");

    @Autowired
    WarehouseFixture warehouse;
    @Autowired
    IngestService ingest;
    @Autowired
    MonitoringIngest monitoring;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    cn.zhenxing.report.ReportService reports;
    @TempDir
    Path dir;

    @BeforeEach
    void catalogLoaded() throws Exception {
        warehouse.catalogLoaded();
    }

    IngestService.Outcome ingest(Path file) throws Exception {
        return ingest.ingest(List.of(file), "cli", "test", null, o -> { }).get(0);
    }

    Path form(MonitoringForm form, String unit, YearMonth month, Map<String, String> overrides) throws Exception {
        MonitoringSamples samples = MonitoringSamples.month(form, monitoring.pointNames(unit, form.pointKind()), month);
        Path file = dir.resolve(form.formCode() + unit + month + System.nanoTime() + ".xlsx");
        MonitoringWorkbook.write(file, form, unit, month.getYear() + "M" + String.format("%02d", month.getMonthValue()), samples.iterator(), overrides);
        return file;
    }

    long readings(long submission) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM fact_monitoring_reading WHERE submission_id = ?", Long.class, submission);
    }

    @Test
    void bothFormsAreAcceptedRejectedWithTheCellAndNeverLoadedTwice() throws Exception {
        Path water = form(WATER, "140100", YearMonth.of(2024, 3), Map.of());
        IngestService.Outcome accepted = ingest(water);
        assertThat(accepted.status()).as(accepted.problems().toString()).isEqualTo(IngestService.Status.ACCEPTED);
        assertThat(accepted.periodCode()).isEqualTo("2024M03");
        assertThat(accepted.version()).isEqualTo(1);
        // 太原's three sample sections, one sampling each, six parameters (水质类别 and five concentrations).
        assertThat(readings(accepted.submissionId())).isEqualTo(3 * 6);
        assertThat(jdbc.queryForObject("SELECT value FROM fact_monitoring_reading WHERE submission_id = ? AND point_code = 'SW140108A' "
                + "AND parameter = 'water_class'", BigDecimal.class, accepted.submissionId())).isBetween(BigDecimal.ONE, BigDecimal.valueOf(6));

        IngestService.Outcome again = ingest(water);
        assertThat(again.status()).isEqualTo(IngestService.Status.DUPLICATE);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM fact_monitoring_reading f JOIN ops_submission s ON s.submission_id = f.submission_id "
                + "WHERE s.period_key = 202413", Long.class)).isEqualTo(18);

        IngestService.Outcome badClass = ingest(form(WATER, "140100", YearMonth.of(2024, 3), Map.of("D5", "Ⅶ类", "H6", "0.5mg/L左右")));
        assertThat(badClass.status()).isEqualTo(IngestService.Status.REJECTED);
        assertThat(badClass.problems()).anySatisfy(p -> {
            assertThat(p.sheet()).isEqualTo("地表水断面水质");
            assertThat(p.cell()).isEqualTo("D5");
            assertThat(p.messageZh()).contains("水质类别“Ⅶ类”不是可选值");
            assertThat(p.fixZh()).contains("劣Ⅴ类");
        });
        assertThat(badClass.problems()).anySatisfy(p -> assertThat(p.cell()).isEqualTo("H6"));
        assertThat(readings(badClass.submissionId())).isZero();

        Path air = form(AIR, "140100", YearMonth.of(2024, 2), Map.of());
        IngestService.Outcome airOk = ingest(air);
        assertThat(airOk.status()).as(airOk.problems().toString()).isEqualTo(IngestService.Status.ACCEPTED);
        assertThat(readings(airOk.submissionId())).isEqualTo(2 * 29 * 8); // two stations, 29 days of 2024-02, eight parameters
        // A unit's water and air files of a month are two series: neither supersedes the other.
        assertThat(jdbc.queryForObject("SELECT is_current FROM ops_submission WHERE submission_id = ?", Boolean.class, accepted.submissionId())).isTrue();

        IngestService.Outcome wrongClass = ingest(form(AIR, "140100", YearMonth.of(2024, 2), Map.of("J4", "20", "A7", "AQ999999")));
        assertThat(wrongClass.status()).isEqualTo(IngestService.Status.REJECTED);
        assertThat(wrongClass.problems()).anySatisfy(p -> {
            assertThat(p.cell()).isEqualTo("K4");
            assertThat(p.messageZh()).contains("与AQI（20）不符");
            assertThat(p.fixZh()).contains("应为“优”");
        });
        assertThat(wrongClass.problems()).anySatisfy(p -> {
            assertThat(p.cell()).isEqualTo("A7");
            assertThat(p.messageZh()).contains("不在本单位的监测站点名录中");
        });
        assertThat(readings(wrongClass.submissionId())).isZero();

        // Another unit's station and a date outside the month.
        IngestService.Outcome foreign = ingest(form(AIR, "140800", YearMonth.of(2024, 2), Map.of("C4", "2024-03-01")));
        assertThat(foreign.status()).isEqualTo(IngestService.Status.REJECTED);
        assertThat(foreign.problems()).anySatisfy(p -> assertThat(p.messageZh()).contains("不在报告期2024年2月内"));
    }

    @Test
    void derivedIndicatorsAreRecomputedFromTheReadingsAndLinkBackToThem() throws Exception {
        // 2025Q1: 太原 and 运城 water for three months, 太原 air for January and February.
        int[] goodSections = new int[2];
        int[] allSections = new int[2];
        String[] cities = {"140100", "140800"};
        for (int c = 0; c < 2; c++) {
            for (int m = 1; m <= 3; m++) {
                YearMonth month = YearMonth.of(2025, m);
                MonitoringSamples s = MonitoringSamples.month(WATER, monitoring.pointNames(cities[c], "water"), month);
                for (int i = 0; i < s.rows(); i++) {
                    int cls = WATER.column("water_class").choices().indexOf((String) s.row(i).get(3)) + 1;
                    goodSections[c] += cls <= 3 ? 1 : 0;
                    allSections[c]++;
                }
                assertThat(ingest(form(WATER, cities[c], month, Map.of())).status()).isEqualTo(IngestService.Status.ACCEPTED);
            }
        }
        BigDecimal pm25Sum = BigDecimal.ZERO;
        int pm25Days = 0;
        int goodDays = 0;
        long firstAir = 0;
        for (int m = 1; m <= 2; m++) {
            YearMonth month = YearMonth.of(2025, m);
            MonitoringSamples s = MonitoringSamples.month(AIR, monitoring.pointNames("140100", "air"), month);
            for (int i = 0; i < s.rows(); i++) {
                List<Object> row = s.row(i);
                pm25Sum = pm25Sum.add((BigDecimal) row.get(3));
                pm25Days++;
                goodDays += List.of("优", "良").contains((String) row.get(10)) ? 1 : 0;
            }
            IngestService.Outcome o = ingest(form(AIR, "140100", month, Map.of()));
            assertThat(o.status()).isEqualTo(IngestService.Status.ACCEPTED);
            firstAir = firstAir == 0 ? o.submissionId() : firstAir;
        }

        assertThat(derived("WATER_III_YTD", "140100")).isEqualByComparingTo(percent(goodSections[0], allSections[0]));
        assertThat(derived("WATER_III_YTD", "140800")).isEqualByComparingTo(percent(goodSections[1], allSections[1]));
        // The province from the counts of both cities, not from the cities' shares.
        assertThat(derived("WATER_III_YTD", "140000"))
                .isEqualByComparingTo(percent(goodSections[0] + goodSections[1], allSections[0] + allSections[1]));
        assertThat(derived("AIR_PM25_Q", "140100")).isEqualByComparingTo(pm25Sum.divide(BigDecimal.valueOf(pm25Days), 4, RoundingMode.HALF_UP));
        assertThat(derived("AIR_GOOD_DAYS_YTD", "140100")).isEqualByComparingTo(percent(goodDays, pm25Days));
        // The Yellow River plan area holds 太原 and 运城 entirely: all six sections.
        assertThat(jdbc.queryForObject("SELECT denominator FROM mart_monitoring_indicator WHERE period_key = 20251 AND rule_code = 'WATER_III_YTD' "
                + "AND scope_type = 'area' AND scope_code = 'YR_PLAN_AREA'", BigDecimal.class)).isEqualByComparingTo(BigDecimal.valueOf(allSections[0] + allSections[1]));

        // Lineage: exactly the readings counted, each with its file and cell.
        List<Map<String, Object>> behind = jdbc.queryForList("SELECT submission_id, point_code, cell, counted_in_numerator FROM int_monitoring_indicator_lineage "
                + "WHERE period_key = 20251 AND rule_code = 'WATER_III_YTD' AND scope_type = 'region' AND scope_code = '140100'");
        assertThat(behind).hasSize(allSections[0]);
        assertThat(behind.stream().filter(r -> ((Number) r.get("counted_in_numerator")).intValue() == 1)).hasSize(goodSections[0]);
        assertThat(behind).allSatisfy(r -> assertThat((String) r.get("cell")).matches("D[4-6]"));
        assertThat(jdbc.queryForObject("SELECT submissions FROM mart_monitoring_indicator WHERE period_key = 20251 AND rule_code = 'AIR_PM25_Q' "
                + "AND scope_code = '140100'", String.class)).isEqualTo(firstAir + "," + (firstAir + 1));

        // The progress marts (and so the yellow-river report) take the city values from the readings, and
        // recompute the province from their parts.
        assertThat(progress("FYP14-23", "140100")).isEqualByComparingTo(percent(goodSections[0], allSections[0]));
        assertThat(progress("FYP14-22", "140100")).isEqualByComparingTo(percent(goodDays, pm25Days));
        assertThat(progress("FYP14-23", "140000"))
                .isEqualByComparingTo(percent(goodSections[0] + goodSections[1], allSections[0] + allSections[1]));

        // A corrected January file is version 2; the marts follow it.
        IngestService.Outcome v2 = ingest(form(WATER, "140100", YearMonth.of(2025, 1), Map.of("D4", "劣Ⅴ类", "D5", "劣Ⅴ类", "D6", "劣Ⅴ类")));
        assertThat(v2.status()).isEqualTo(IngestService.Status.ACCEPTED);
        assertThat(v2.version()).isEqualTo(2);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ops_submission WHERE form_code = 'water_monthly' AND period_key = 202511 "
                + "AND status = 'superseded'", Integer.class)).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT numerator FROM mart_monitoring_indicator WHERE period_key = 20251 AND rule_code = 'WATER_WORSE_V_Q' "
                + "AND scope_code = '140100'", BigDecimal.class)).isGreaterThanOrEqualTo(BigDecimal.valueOf(3));
    }

    @Test
    void yellowRiverReportShowsTheFiguresOfTheReadingsWithTheirLineage() throws Exception {
        // 2025Q3: 太原 and 运城 water for July to September, 太原 air for July and August.
        for (String city : List.of("140100", "140800")) {
            for (int m = 7; m <= 9; m++) {
                assertThat(ingest(form(WATER, city, YearMonth.of(2025, m), Map.of())).status()).isEqualTo(IngestService.Status.ACCEPTED);
            }
        }
        for (int m = 7; m <= 8; m++) {
            assertThat(ingest(form(AIR, "140100", YearMonth.of(2025, m), Map.of())).status()).isEqualTo(IngestService.Status.ACCEPTED);
        }
        Path pdf = reports.render(cn.zhenxing.report.ReportName.YELLOW_RIVER, "2025Q3", null, List.of("pdf"), dir).get(0);
        String text;
        try (org.apache.pdfbox.pdmodel.PDDocument doc = org.apache.pdfbox.Loader.loadPDF(pdf.toFile())) {
            text = new org.apache.pdfbox.text.PDFTextStripper().getText(doc);
        }
        assertThat(text).contains("由监测数据计算的水和空气指标", "来源文件");
        String section = text.substring(text.indexOf("由监测数据计算的水和空气指标"));

        // Each figure against the readings themselves (not the marts): the rule written out here in SQL,
        // over the current versions' readings of the window, the scope by the points' county, city or area.
        String yr = "SELECT county_code FROM bridge_area_region b JOIN dim_planning_area a ON a.area_key = b.area_key "
                + "WHERE a.area_code = 'YR_PLAN_AREA' AND '2025-09-30' BETWEEN b.valid_from AND b.valid_to";
        record Figure(String name, String parameter, String measure, String from, String scope, String scopeName) { }
        List<Figure> figures = new java.util.ArrayList<>();
        for (String[] scope : List.of(new String[] {"TRUE", "山西省"}, new String[] {"p.county_code IN (" + yr + ")", "黄河流域规划范围"},
                new String[] {"p.city_code = '140100'", "太原市"}, new String[] {"p.city_code = '140800'", "运城市"})) {
            figures.add(new Figure("III_YTD", "water_class", "100 * SUM(f.value <= 3) / COUNT(*)", "2025-01-01", scope[0], scope[1]));
            figures.add(new Figure("WORSE_V_Q", "water_class", "100 * SUM(f.value = 6) / COUNT(*)", "2025-07-01", scope[0], scope[1]));
            figures.add(new Figure("PM25_YTD", "pm25", "AVG(f.value)", "2025-01-01", scope[0], scope[1]));
            figures.add(new Figure("GOOD_Q", "aqi_class", "100 * SUM(f.value <= 2) / COUNT(*)", "2025-07-01", scope[0], scope[1]));
        }
        int checked = 0;
        for (Figure f : figures) {
            Map<String, Object> expected = jdbc.queryForMap("SELECT " + f.measure() + " AS v, COUNT(DISTINCT f.point_code) AS points, COUNT(*) AS readings, "
                    + "MIN(f.reading_date) AS first, MAX(f.reading_date) AS last, COUNT(DISTINCT f.submission_id) AS files "
                    + "FROM fact_monitoring_reading f JOIN ops_submission s ON s.submission_id = f.submission_id AND s.is_current "
                    + "JOIN dim_monitoring_point p ON p.point_code = f.point_code "
                    + "WHERE f.parameter = ? AND f.reading_date BETWEEN ? AND '2025-09-30' AND " + f.scope(), f.parameter(), f.from());
            long readings = ((Number) expected.get("readings")).longValue();
            if (readings == 0) {
                assertThat(f.scopeName()).as("运城 sends no air readings").isEqualTo("运城市");
                continue;
            }
            String value = new BigDecimal(expected.get("v").toString()).setScale(2, RoundingMode.HALF_UP).toPlainString();
            java.time.LocalDate first = ((java.sql.Date) expected.get("first")).toLocalDate();
            java.time.LocalDate last = ((java.sql.Date) expected.get("last")).toLocalDate();
            String months = first.getMonthValue() + (first.getMonthValue() == last.getMonthValue() ? "" : "—" + last.getMonthValue()) + "月";
            // One table row: region, value, unit, (target, status: their text may wrap,) points, readings, months; the
            // files (count and first numbers) wrap in their cell.
            assertThat(section).as(f.toString()).containsPattern(java.util.regex.Pattern.quote(f.scopeName()) + " " + java.util.regex.Pattern.quote(value)
                    + " (%|μg/m3) (?s:.{0,30}?)" + expected.get("points") + " " + new java.text.DecimalFormat("#,##0").format(readings) + " "
                    + java.util.regex.Pattern.quote(months));
            assertThat(section).contains(expected.get("files") + "份：#");
            checked++;
        }
        assertThat(checked).isEqualTo(4 * 4 - 2);
    }

    BigDecimal derived(String rule, String region) {
        return jdbc.queryForObject("SELECT value FROM mart_monitoring_indicator WHERE period_key = 20251 AND rule_code = ? AND scope_type = 'region' "
                + "AND scope_code = ?", BigDecimal.class, rule, region).setScale(4, RoundingMode.HALF_UP);
    }

    BigDecimal progress(String indicator, String region) {
        return jdbc.queryForObject("SELECT value FROM mart_indicator_progress WHERE period_key = 20251 AND indicator_code = ? AND scope_type = 'region' "
                + "AND scope_code = ?", BigDecimal.class, indicator, region).setScale(4, RoundingMode.HALF_UP);
    }

    static BigDecimal percent(int part, int whole) {
        return BigDecimal.valueOf(part * 100L).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_UP);
    }
}
