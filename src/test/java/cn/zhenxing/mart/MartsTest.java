package cn.zhenxing.mart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import cn.zhenxing.WarehouseFixture;
import cn.zhenxing.WarehouseTest;
import cn.zhenxing.form.FormDefinition;
import cn.zhenxing.ingest.IngestService;
import cn.zhenxing.samples.SampleGenerator;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * Mart rules against hand-computed numbers. Each test works on its own quarter (or indicator) so
 * the tests of this class can share one warehouse.
 */
@WarehouseTest
@TestPropertySource(properties = "zhenxing.test.database=zhenxing_test_marts")
class MartsTest {

    @Autowired
    WarehouseFixture warehouse;
    @Autowired
    MartRefresher refresher;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    SampleGenerator samples;
    @Autowired
    IngestService ingest;
    @TempDir
    Path dir;

    MartFixture facts;

    @BeforeEach
    void catalogLoaded() throws Exception {
        warehouse.catalogLoaded();
        facts = new MartFixture(jdbc);
    }

    static double number(Map<String, Object> row, String column) {
        return ((BigDecimal) row.get(column)).doubleValue();
    }

    @Test
    void additiveIndicatorIsSummedAndAnIncompleteProvinceTotalSaysSo() {
        // 规上工业企业数量 (sum, county level): the five counties of 阳泉市.
        String[] counties = {"140302", "140303", "140311", "140321", "140322"};
        for (int i = 0; i < counties.length; i++) {
            facts.value(counties[i], "FYP14-03", "2025Q2", String.valueOf((i + 1) * 10));
        }
        refresher.refresh("2025Q2", "full", "test");

        Map<String, Object> city = facts.row("2025Q2", "140300", "FYP14-03");
        assertThat(number(city, "value")).isEqualTo(150.0);
        assertThat(city.get("value_source")).isEqualTo("sum");
        assertThat(city.get("contributing_regions")).isEqualTo(5);
        assertThat(city.get("reporting_regions")).isEqualTo(5);

        Map<String, Object> province = facts.row("2025Q2", "140000", "FYP14-03");
        assertThat(number(province, "value")).isEqualTo(150.0);
        assertThat(province.get("contributing_regions")).isEqualTo(11);
        assertThat(province.get("reporting_regions")).isEqualTo(1);
        assertThat(province.get("status_zh")).isEqualTo("数据不全");
    }

    @Test
    void ratioIsRecomputedFromNumeratorsAndDenominatorsNotAveraged() {
        // 工业增加值占地区生产总值比重: 10/100 = 10% and 30/200 = 15% make 40/300 = 13.33%, not 12.5%.
        long s = facts.submissionFor("140300", "2025Q2");
        facts.value(s, "140302", "FYP14-04", "2025Q2", "10", "10", "100");
        facts.value(s, "140303", "FYP14-04", "2025Q2", "15", "30", "200");
        refresher.refresh("2025Q2", "full", "test");

        Map<String, Object> city = facts.row("2025Q2", "140300", "FYP14-04");
        assertThat(number(city, "value")).isCloseTo(40.0 / 300 * 100, within(1e-6));
        assertThat(city.get("value_source")).isEqualTo("recompute");
        assertThat(number(city, "numerator_value")).isEqualTo(40.0);
        assertThat(number(city, "denominator_value")).isEqualTo(300.0);
        assertThat(city.get("reporting_regions")).isEqualTo(2);
        // Compared with the province target (a ratio inherits it): 38.1 (2020) -> 42 (2025).
        assertThat(city.get("target_inherited")).isEqualTo(true);
        assertThat(number(city, "target_value")).isEqualTo(42.0);
    }

    @Test
    void populationWeightedAverageUsesReportedPopulation() {
        // Populations come from the denominators of a per-capita ratio (人均地区生产总值: 常住人口(万人)).
        long populations = facts.submissionFor("140300", "2024Q4");
        facts.value(populations, "140302", "FYP14-B01", "2024Q4", "5", "100", "20");
        facts.value(populations, "140303", "FYP14-B01", "2024Q4", "5", "300", "60");
        long s = facts.submissionFor("140300", "2025Q1");
        facts.value(s, "140302", "YR-10", "2025Q1", "40", null, null);
        facts.value(s, "140303", "YR-10", "2025Q1", "60", null, null);
        refresher.refresh("2025Q1", "full", "test");

        Map<String, Object> city = facts.row("2025Q1", "140300", "YR-10");
        assertThat(number(city, "value")).isCloseTo((40 * 20 + 60 * 60) / 80.0, within(1e-6)); // 55, not the mean 50
        assertThat(city.get("value_source")).isEqualTo("weighted");
        // The city's own weight in the province's average is its population (reference table, 2022).
        assertThat(number(city, "weight_value")).isEqualTo(jdbc.queryForObject(
                "SELECT population_wan FROM ref_region_population WHERE region_code = '140300' AND year = 2022", Double.class));
    }

    @Test
    void countyInTwoAreasCountsOnceInEachAndOnceInTheProvince() {
        String shared = jdbc.queryForObject("SELECT a.region_code FROM bridge_area_region a JOIN bridge_area_region b ON b.region_code = a.region_code "
                + "WHERE a.area_key = (SELECT area_key FROM dim_planning_area WHERE area_code = 'TAIHANG_OLD_AREA') "
                + "AND b.area_key = (SELECT area_key FROM dim_planning_area WHERE area_code = 'YR_PLAN_AREA') ORDER BY 1 LIMIT 1", String.class);
        List<String> counties = jdbc.queryForList("SELECT region_code FROM dim_region WHERE level = 'county' AND is_current", String.class);
        for (String county : counties) {
            facts.value(county, "FYP14-03", "2025Q3", county.equals(shared) ? "100" : "1");
        }
        refresher.refresh("2025Q3", "full", "test");

        int taihang = jdbc.queryForObject("SELECT COUNT(*) FROM bridge_area_region b JOIN dim_planning_area a ON a.area_key = b.area_key "
                + "WHERE a.area_code = 'TAIHANG_OLD_AREA'", Integer.class);
        int yellowRiver = jdbc.queryForObject("SELECT COUNT(*) FROM bridge_area_region b JOIN dim_planning_area a ON a.area_key = b.area_key "
                + "WHERE a.area_code = 'YR_PLAN_AREA'", Integer.class);
        assertThat(taihang).isEqualTo(35);
        assertThat(yellowRiver).isEqualTo(86);
        assertThat(number(facts.row("2025Q3", "TAIHANG_OLD_AREA", "FYP14-03"), "value")).isEqualTo(34 + 100.0);
        assertThat(number(facts.row("2025Q3", "YR_PLAN_AREA", "FYP14-03"), "value")).isEqualTo(85 + 100.0);
        Map<String, Object> province = facts.row("2025Q3", "140000", "FYP14-03");
        assertThat(number(province, "value")).isEqualTo(counties.size() - 1 + 100.0);
        assertThat(province.get("status_zh")).isNotEqualTo("数据不全");
    }

    @Test
    void levelWithAnnualGrowthTargetFollowsTheCompoundPath() {
        // 货物贸易进出口总额: 147.15 (2015) growing 3.4% a year to 174 (2020); at 2018Q4 three years have passed:
        // expected 147.15 x 1.034^3 = 162.67, so 162 has made 95.7% of the expected progress.
        facts.value("140000", "FYP13-04", "2018Q4", "162");
        refresher.refresh("2018Q4", "full", "test");

        Map<String, Object> row = facts.row("2018Q4", "140000", "FYP13-04");
        double expected = 147.15 * Math.pow(1.034, 3);
        assertThat(number(row, "expected_value")).isCloseTo(expected, within(1e-5));
        assertThat(number(row, "growth_target")).isEqualTo(3.4);
        assertThat(number(row, "path_ratio")).isCloseTo((162 - 147.15) / (expected - 147.15), within(1e-4));
        assertThat(number(row, "attainment")).isCloseTo((162 - 147.15) / (174 - 147.15), within(1e-4));
        assertThat(row.get("status_zh")).isEqualTo("正常推进");
    }

    @Test
    void growthRateIndicatorIsComparedWithTheAnnualRate() {
        // 地区生产总值增长: target >8 a year; 7.5 is 93.75% of the rate, 8 is not "more than 8".
        facts.value("140000", "FYP14-01", "2023Q2", "7.5");
        refresher.refresh("2023Q2", "full", "test");
        Map<String, Object> row = facts.row("2023Q2", "140000", "FYP14-01");
        assertThat(number(row, "expected_value")).isEqualTo(8.0);
        assertThat(number(row, "path_ratio")).isCloseTo(0.9375, within(1e-4));
        assertThat(row.get("status_zh")).isEqualTo("正常推进");
    }

    @Test
    void statusThresholdsAtTheirEdges() {
        // 常住人口城镇化率 (province): 59.55 (2019) -> 68 (2025), reported each Q4; at yQ4 (y - 2019) of six years
        // have passed: expected E(y) = 59.55 + 8.45 x (y - 2019) / 6.
        Map<String, String> values = Map.of(
                "2021Q4", "68",         // target reached
                "2022Q4", "63.3525",    // exactly 90% of the expected progress (E = 63.775)
                "2023Q4", "64.61",      // just below 90% (E = 65.183333, 90% at 64.62)
                "2024Q4", "63.775",     // exactly 60% (E = 66.591667)
                "2025Q4", "64.61");     // just below 60% (E = 68, 60% at 64.62)
        values.forEach((period, value) -> facts.value("140000", "FYP14-02", period, value));
        values.keySet().forEach(period -> refresher.refresh(period, "full", "test"));

        assertThat(number(facts.row("2024Q4", "140000", "FYP14-02"), "expected_value")).isCloseTo(59.55 + 8.45 * 5 / 6, within(1e-6));
        assertThat(facts.row("2021Q4", "140000", "FYP14-02").get("status_zh")).isEqualTo("达标");
        assertThat(facts.row("2022Q4", "140000", "FYP14-02").get("status_zh")).isEqualTo("正常推进");
        assertThat(facts.row("2023Q4", "140000", "FYP14-02").get("status_zh")).isEqualTo("滞后");
        assertThat(facts.row("2024Q4", "140000", "FYP14-02").get("status_zh")).isEqualTo("滞后");
        assertThat(facts.row("2025Q4", "140000", "FYP14-02").get("status_zh")).isEqualTo("严重滞后");
        assertThat(facts.row("2024Q4", "140000", "FYP14-02").get("own_baseline")).isEqualTo(true);
    }

    @Test
    void aCityComparedWithTheProvinceTargetIsNotMeasuredFromTheProvincesBaseline() {
        // Cities inherit the province's 68 (2025) for 常住人口城镇化率, not its 59.55 baseline: no attainment.
        facts.value("140100", "FYP14-02", "2024Q4", "68");
        facts.value("140400", "FYP14-02", "2024Q4", "65.88");
        refresher.refresh("2024Q4", "full", "test");

        Map<String, Object> met = facts.row("2024Q4", "140100", "FYP14-02");
        assertThat(met.get("target_inherited")).isEqualTo(true);
        assertThat(met.get("status_zh")).isEqualTo("达标");
        Map<String, Object> behind = facts.row("2024Q4", "140400", "FYP14-02");
        assertThat(behind.get("own_baseline")).isEqualTo(false);
        assertThat(behind.get("attainment")).isNull();
        assertThat(behind.get("path_ratio")).isNull();
        assertThat(behind.get("status_zh")).isEqualTo("无本级基期");
        assertThat(behind.get("value_source")).isEqualTo("reported");
        assertThat(facts.row("2024Q4", "140700", "FYP14-02").get("status_zh")).isEqualTo("无数据");
    }

    @Test
    void yearToDateFlowIsComparedWithTheElapsedShareOfItsAnnualTarget() {
        // 原煤产量 (1-N月累计): the annual target is 10左右 亿吨 (2025). By 2025Q2 half of it is due:
        // 4.6 is 92 % of the 5 due, on track; compared with the annual path (9) it would look far behind.
        facts.value("140000", "FYP14-B18", "2025Q2", "4.6");
        refresher.refresh("2025Q2", "full", "test");
        Map<String, Object> row = facts.row("2025Q2", "140000", "FYP14-B18");
        assertThat(row.get("basis")).isEqualTo("ytd_flow");
        assertThat(number(row, "year_share")).isEqualTo(0.5);
        assertThat(number(row, "expected_value")).isCloseTo(10 * 0.5, within(1e-6));
        assertThat(number(row, "attainment")).isCloseTo(4.6 / 5, within(1e-4));
        assertThat(row.get("status_zh")).isEqualTo("正常推进");
        // By 2025Q3 7.5 is due: 7.6 meets a “左右” target.
        facts.value("140000", "FYP14-B18", "2025Q3", "7.6");
        refresher.refresh("2025Q3", "full", "test");
        assertThat(facts.row("2025Q3", "140000", "FYP14-B18").get("status_zh")).isEqualTo("达标");
    }

    @Test
    void perCapitaGdpIsRecomputedWithItsFactorAndComparedInDollars() {
        // 人均地区生产总值: the form collects 元/人 from 地区生产总值(亿元) / 常住人口(万人) x 10000; the target is 2万美元.
        List<String> counties = jdbc.queryForList("SELECT region_code FROM dim_region WHERE is_current AND parent_code = '140400' "
                + "ORDER BY region_code LIMIT 2", String.class);
        long s = facts.submissionFor("140400", "2023Q4");
        facts.value(s, counties.get(0), "FYP14-B01", "2023Q4", "50000", "100", "20");
        facts.value(s, counties.get(1), "FYP14-B01", "2023Q4", "60000", "360", "60");
        refresher.refresh("2023Q4", "full", "test");

        double rate = jdbc.queryForObject("SELECT cny_per_unit FROM ref_exchange_rate WHERE year = 2023 AND currency = 'USD'", Double.class);
        double yuan = (100 + 360) / 80.0 * 10000; // 57,500 元/人, not (50000 + 60000) / 2
        Map<String, Object> city = facts.row("2023Q4", "140400", "FYP14-B01");
        assertThat(number(city, "value_form_unit")).isCloseTo(yuan, within(1e-4));
        assertThat(number(city, "value")).isCloseTo(yuan / rate, within(1e-4));
        assertThat(city.get("unit")).isEqualTo("美元");
        assertThat(city.get("form_unit")).isEqualTo("元/人");
        assertThat(city.get("exchange_rate_year")).isEqualTo(2023);
        assertThat(number(facts.row("2023Q4", counties.get(0), "FYP14-B01"), "value")).isCloseTo(50000 / rate, within(1e-4));
        assertThat(number(city, "attainment")).isCloseTo(yuan / rate / 20000, within(1e-4));
    }

    @Test
    void populationWeightsComeFromTheReferenceTableWhenNoFormCarriesThem() {
        // PM2.5 of 晋城's six counties in 2023Q3: no form of the year carries a population.
        List<String> counties = jdbc.queryForList("SELECT region_code FROM dim_region WHERE is_current AND parent_code = '140500' "
                + "ORDER BY region_code", String.class);
        double weighted = 0;
        double weights = 0;
        for (int i = 0; i < counties.size(); i++) {
            double value = 30 + 5 * i;
            facts.value(counties.get(i), "YR-10", "2023Q3", String.valueOf(value));
            double population = jdbc.queryForObject("SELECT population_wan FROM ref_region_population WHERE region_code = ? "
                    + "AND year = (SELECT MAX(year) FROM ref_region_population WHERE region_code = ? AND year <= 2023)",
                    Double.class, counties.get(i), counties.get(i));
            weighted += value * population;
            weights += population;
        }
        refresher.refresh("2023Q3", "full", "test");

        Map<String, Object> city = facts.row("2023Q3", "140500", "YR-10");
        assertThat(city.get("value_source")).isEqualTo("weighted");
        assertThat(number(city, "value")).isCloseTo(weighted / weights, within(1e-4));
        assertThat(city.get("reporting_regions")).isEqualTo(counties.size());
    }

    @Test
    void completenessCountsOnTimeLateMissingAndFixedUnits() {
        // 2023Q2: deadline 2023-06-30 + 15 days = 2023-07-15.
        facts.submission("140100", "2023Q2", "accepted", LocalDateTime.of(2023, 7, 10, 9, 0));
        facts.submission("140200", "2023Q2", "accepted", LocalDateTime.of(2023, 7, 20, 9, 0));
        facts.submission("140300", "2023Q2", "rejected", LocalDateTime.of(2023, 7, 12, 9, 0));
        facts.submission("140300", "2023Q2", "accepted", LocalDateTime.of(2023, 7, 14, 9, 0));
        refresher.refresh("2023Q2", "full", "test");

        Map<String, Object> onTime = unit("140100");
        assertThat(onTime.get("status_zh")).isEqualTo("按时报送");
        assertThat(onTime.get("on_time")).isEqualTo(true);
        Map<String, Object> late = unit("140200");
        assertThat(late.get("status_zh")).isEqualTo("逾期报送");
        assertThat(late.get("days_late")).isEqualTo(5);
        Map<String, Object> fixed = unit("140300");
        assertThat(fixed.get("rejected_then_fixed")).isEqualTo(true);
        assertThat(fixed.get("on_time")).isEqualTo(true);
        Map<String, Object> missing = unit("140400");
        assertThat(missing.get("status_zh")).isEqualTo("未报送");
        assertThat(missing.get("missing")).isEqualTo(true);
        assertThat(missing.get("days_late")).isEqualTo((int) ChronoUnit.DAYS.between(LocalDate.of(2023, 7, 15), LocalDate.now()));

        Map<String, Object> province = jdbc.queryForMap("SELECT * FROM mart_completeness_rate WHERE period_key = 20232 AND scope = 'province'");
        assertThat(((Number) province.get("expected")).intValue()).isEqualTo(13);
        assertThat(((Number) province.get("accepted")).intValue()).isEqualTo(3);
        assertThat(((Number) province.get("on_time")).intValue()).isEqualTo(2);
        assertThat(((Number) province.get("late")).intValue()).isEqualTo(1);
        assertThat(((Number) province.get("missing")).intValue()).isEqualTo(10);
        assertThat(((BigDecimal) province.get("reporting_rate")).doubleValue()).isCloseTo(3 / 13.0, within(1e-4));
        // 阳泉市 has two units: the city (fixed, on time) and 盂县 (missing).
        Map<String, Object> yangquan = jdbc.queryForMap("SELECT * FROM mart_completeness_rate WHERE period_key = 20232 AND scope = 'city' AND city_code = '140300'");
        assertThat(((Number) yangquan.get("expected")).intValue()).isEqualTo(2);
        assertThat(((BigDecimal) yangquan.get("reporting_rate")).doubleValue()).isCloseTo(0.5, within(1e-4));
    }

    private Map<String, Object> unit(String unit) {
        return jdbc.queryForMap("SELECT * FROM mart_submission_completeness WHERE period_key = 20232 AND unit_code = ?", unit);
    }

    @Test
    void outlierAgainstOwnHistoryIsFlaggedAndANormalValueIsNot() {
        String[] history = {"2024Q1", "2024Q2", "2024Q3"};
        String[] levels = {"100", "104", "98"};
        for (int i = 0; i < history.length; i++) {
            facts.value("140425", "FYP14-B05", history[i], levels[i]);
            facts.value("140423", "FYP14-B05", history[i], levels[i]);
        }
        facts.value("140425", "FYP14-B05", "2024Q4", "310");
        facts.value("140423", "FYP14-B05", "2024Q4", "103");
        refresher.refresh("2024Q4", "full", "test");

        List<Map<String, Object>> warnings = jdbc.queryForList(
                "SELECT * FROM mart_data_quality WHERE period_key = 20244 AND indicator_code = 'FYP14-B05' AND check_kind = 'history'");
        assertThat(warnings).extracting(w -> w.get("region_code")).containsExactly("140425");
        Map<String, Object> w = warnings.get(0);
        assertThat(number(w, "median_value")).isEqualTo(100.0);
        assertThat(number(w, "mad_value")).isEqualTo(2.0);
        // MAD 2 is below its floor (5% of 100 = 5): z = (310 - 100) / (1.4826 x 5) = 28.33.
        assertThat(number(w, "robust_z")).isCloseTo(210 / (1.4826 * 5), within(0.01));
        assertThat(w.get("message_zh")).asString().contains("明显高于").contains("请核实");
        assertThat(((Number) w.get("needs_follow_up")).intValue()).isEqualTo(1);
    }

    @Test
    void tasksBehindTheTimeElapsedOfTheirPlanLag() {
        // Yellow River plan 2021-2030: at the end of 2025Q3, 4.75 of 10 years = 47.5% have elapsed.
        facts.task("140500", "YR-3-1", "2025Q2", "按计划推进", "30");
        facts.task("140500", "YR-3-1", "2025Q3", "按计划推进", "40");
        facts.task("140500", "YR-3-2", "2025Q3", "按计划推进", "50");
        facts.task("140500", "YR-3-3", "2025Q3", "滞后", "60");
        facts.task("140500", "TH2021-1-1", "2025Q3", "按计划推进", "90");
        facts.task("140500", "YR-4-1", "2025Q3", "按计划推进", "45");
        facts.task("140500", "YR-4-2", "2025Q3", "未启动", null);
        facts.task("140500", "YR-4-3", "2025Q2", "未启动", null);
        refresher.refresh("2025Q2", "full", "test");
        refresher.refresh("2025Q3", "full", "test");

        Map<String, Object> behind = task("YR-3-1");
        assertThat(number(behind, "elapsed_share_pct")).isEqualTo(47.5);
        assertThat(behind.get("is_lagging")).isEqualTo(true);
        assertThat(behind.get("lag_reason_zh")).isEqualTo("进度低于时间进度");
        assertThat(number(behind, "percent_change")).isEqualTo(10.0);
        assertThat(task("YR-3-2").get("is_lagging")).isEqualTo(false);
        assertThat(task("YR-3-3").get("lag_reason_zh")).isEqualTo("填报为滞后");
        // Taihang work plan 2021-2023 has ended: 90% done is behind; it counts for its lead department.
        assertThat(task("TH2021-1-1").get("is_lagging")).isEqualTo(true);
        // Within task.elapsed_tolerance_points (5) of the elapsed time is on plan: 45 >= 47.5 - 5.
        assertThat(task("YR-4-1").get("is_lagging")).isEqualTo(false);
        assertThat(number(task("YR-4-1"), "behind_points")).isEqualTo(2.5);
        // 未启动 after the half-year (from Q3) is flagged; in Q2 it is not.
        assertThat(task("YR-4-2").get("not_started_late")).isEqualTo(true);
        assertThat(task("YR-4-2").get("is_lagging")).isEqualTo(true);
        assertThat(jdbc.queryForObject("SELECT not_started_late FROM mart_task_progress WHERE period_key = 20252 AND task_code = 'YR-4-3'",
                Boolean.class)).isFalse();
        assertThat(task("TH2021-1-1").get("not_started_late")).isEqualTo(false);
        String lead = (String) task("TH2021-1-1").get("lead_department_zh");
        Map<String, Object> department = jdbc.queryForMap("SELECT * FROM mart_task_lagging_by_department WHERE period_key = 20253 "
                + "AND department_zh = ? AND is_lead", lead);
        assertThat(department.get("lagging_tasks")).asString().contains("TH2021-1-1");
        assertThat(((Number) department.get("lagging_rows")).intValue()).isEqualTo(1);
    }

    private Map<String, Object> task(String code) {
        return jdbc.queryForMap("SELECT * FROM mart_task_progress WHERE period_key = 20253 AND region_code = '140500' AND task_code = ?", code);
    }

    @Test
    void projectInvestmentAccumulatesOverYearsAndTwoIdleQuartersMeanStalled() {
        facts.project("140100", "PRJ-062", "2024Q3", "40", "12", "4", "8", "建设");
        facts.project("140100", "PRJ-062", "2024Q4", "40", "12", "2", "10", "建设");
        facts.project("140100", "PRJ-062", "2025Q1", "40", "8", "0", "0", "建设");
        facts.project("140100", "PRJ-062", "2025Q2", "40", "8", "0", "0", "建设");
        refresher.refresh("2025Q1", "full", "test");
        refresher.refresh("2025Q2", "full", "test");

        Map<String, Object> q2 = jdbc.queryForMap("SELECT * FROM mart_project_progress WHERE period_key = 20252 AND project_code = 'PRJ-062'");
        assertThat(number(q2, "cumulative_investment_yi")).isEqualTo(10.0); // 2024's last year-to-date figure + 0
        assertThat(((Number) q2.get("cumulative_from_year")).intValue()).isEqualTo(2024);
        // Nothing of the 8 planned by mid-year (0% < 50% - 10 points): behind its annual plan.
        assertThat(q2.get("is_lagging")).isEqualTo(true);
        assertThat(number(q2, "completion_ratio")).isEqualTo(0.25);
        assertThat(q2.get("is_stalled")).isEqualTo(true);
        assertThat(q2.get("city_code")).isEqualTo("140100");
        Map<String, Object> q1 = jdbc.queryForMap("SELECT * FROM mart_project_progress WHERE period_key = 20251 AND project_code = 'PRJ-062'");
        assertThat(q1.get("is_stalled")).as("2024Q4 still had investment").isEqualTo(false);
    }

    @Test
    void resubmissionChangesTheMartsThroughIngest() throws Exception {
        FormDefinition def = FormDefinition.load();
        Path first = samples.generate("2025Q4", dir, List.of("140322")).get(0);
        assertThat(ingest.ingest(List.of(first), "cli", "test", null, o -> { }).get(0).status())
                .isEqualTo(IngestService.Status.ACCEPTED);
        double before = number(facts.row("2025Q4", "140322", "FYP14-03"), "value");
        double cityBefore = number(facts.row("2025Q4", "140300", "FYP14-03"), "value");

        Path second = dir.resolve("second.xlsx");
        FormDefinition.Table table = def.table("indicators");
        try (InputStream in = Files.newInputStream(first); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            Sheet sheet = wb.getSheet(table.sheet());
            int codeCol = table.column("indicator_code").col().charAt(0) - 'A';
            int valueCol = table.column("value").col().charAt(0) - 'A';
            for (Row row : sheet) {
                if (row.getRowNum() + 1 >= table.firstDataRow() && row.getCell(codeCol) != null
                        && "FYP14-03".equals(row.getCell(codeCol).getStringCellValue())) {
                    row.getCell(valueCol).setCellValue(before + 7);
                }
            }
            try (OutputStream out = Files.newOutputStream(second)) {
                wb.write(out);
            }
        }
        IngestService.Outcome outcome = ingest.ingest(List.of(second), "cli", "test", null, o -> { }).get(0);
        assertThat(outcome.status()).isEqualTo(IngestService.Status.ACCEPTED);
        assertThat(outcome.version()).isEqualTo(2);

        assertThat(number(facts.row("2025Q4", "140322", "FYP14-03"), "value")).isCloseTo(before + 7, within(1e-6));
        assertThat(number(facts.row("2025Q4", "140300", "FYP14-03"), "value")).isCloseTo(cityBefore + 7, within(1e-6));
    }
}
