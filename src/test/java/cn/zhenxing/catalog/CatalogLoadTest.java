package cn.zhenxing.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zhenxing.WarehouseTest;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

@WarehouseTest
class CatalogLoadTest {

    static final List<String> CATALOG_TABLES = List.of("dim_plan", "dim_region", "dim_planning_area", "bridge_area_region",
            "dim_period", "dim_indicator", "fact_indicator_target", "dim_department", "dim_task", "bridge_task_department",
            "dim_project", "bridge_project_region", "project_mention", "dim_reporting_unit", "bridge_unit_region",
            "ref_region_population", "ref_exchange_rate");

    @Autowired
    CatalogLoader loader;
    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void loadBundledCatalog() throws Exception {
        CatalogLoader.Result result = loader.load(null, LocalDate.of(2025, 1, 1), false);
        assertThat(result.outcome()).isIn(CatalogLoader.Outcome.LOADED, CatalogLoader.Outcome.ALREADY_LOADED);
    }

    @Test
    void referenceTablesHoldPopulationAndExchangeRatesWithTheirSources() {
        // Every county has a population; published city figures add up to the province's (census 2020, survey 2021).
        assertThat(count("SELECT COUNT(DISTINCT p.region_code) FROM ref_region_population p JOIN dim_region r "
                + "ON r.region_code = p.region_code AND r.is_current AND r.level = 'county'")).isEqualTo(117);
        for (int year : new int[] {2020, 2021}) {
            BigDecimal cities = jdbc.queryForObject("SELECT SUM(p.population_wan) FROM ref_region_population p JOIN dim_region r "
                    + "ON r.region_code = p.region_code AND r.is_current AND r.level = 'city' WHERE p.year = ?", BigDecimal.class, year);
            BigDecimal province = jdbc.queryForObject("SELECT population_wan FROM ref_region_population WHERE region_code = '140000' "
                    + "AND year = ?", BigDecimal.class, year);
            assertThat(cities.subtract(province).abs()).as("cities vs province %d", year).isLessThan(new BigDecimal("0.05"));
            // County estimates are shares of their city: they add up to it.
            assertThat(count("SELECT COUNT(*) FROM (SELECT r.city_code, SUM(p.population_wan) AS s FROM ref_region_population p "
                    + "JOIN dim_region r ON r.region_code = p.region_code AND r.is_current AND r.level = 'county' WHERE p.year = ? "
                    + "GROUP BY r.city_code) c JOIN ref_region_population cp ON cp.region_code = c.city_code AND cp.year = ? "
                    + "WHERE ABS(c.s - cp.population_wan) > 0.01", year, year)).isZero();
        }
        assertThat(count("SELECT COUNT(*) FROM ref_region_population WHERE is_estimate AND method IN ('census', 'sample_survey')")).isZero();
        assertThat(count("SELECT COUNT(*) FROM ref_region_population WHERE source_zh = ''")).isZero();
        assertThat(jdbc.queryForObject("SELECT cny_per_unit FROM ref_exchange_rate WHERE year = 2022 AND currency = 'USD'",
                BigDecimal.class)).isEqualByComparingTo("6.7261");
        assertThat(jdbc.queryForObject("SELECT form_unit FROM dim_indicator WHERE indicator_code = 'FYP14-B01'", String.class))
                .isEqualTo("元/人");
        assertThat(count("SELECT COUNT(*) FROM dim_indicator WHERE basis IS NULL")).isZero();
        assertThat(jdbc.queryForObject("SELECT basis FROM dim_indicator WHERE indicator_code = 'FYP14-B18'", String.class))
                .isEqualTo("ytd_flow");
    }

    @Test
    void regionsAreOneProvinceElevenCities117Counties() {
        assertThat(count("SELECT COUNT(*) FROM dim_region WHERE is_current AND level = 'province'")).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM dim_region WHERE is_current AND level = 'city'")).isEqualTo(11);
        assertThat(count("SELECT COUNT(*) FROM dim_region WHERE is_current AND level = 'county'")).isEqualTo(117);
        assertThat(count("SELECT COUNT(*) FROM dim_region WHERE is_current AND level = 'county' AND parent_code = '141000'")).isEqualTo(17);
        assertThat(jdbc.queryForObject("SELECT name_zh FROM dim_region WHERE region_code = '140322' AND is_current", String.class)).isEqualTo("盂县");
    }

    @Test
    void planningAreasHaveThePlansCountyCounts() {
        Map<String, Integer> expected = Map.of("TAIHANG_OLD_AREA", 35, "YR_PLAN_AREA", 86, "YR_MAINSTEM", 19,
                "FEN_BELT", 31, "LVLIANG_BARRIER", 17, "TAIYUE_ZHONGTIAO_BARRIER", 5, "LVLIANG_OLD_AREA", 0);
        expected.forEach((area, n) -> assertThat(count(
                "SELECT COUNT(*) FROM bridge_area_region b JOIN dim_planning_area a ON a.area_key = b.area_key "
                        + "WHERE b.is_current AND a.area_code = ?", area)).as(area).isEqualTo(n));
        // DOMAIN.md §2: Taihang ∩ plan area = 15 counties; 11 counties are in neither.
        assertThat(count("SELECT COUNT(*) FROM bridge_area_region t JOIN bridge_area_region y ON y.region_code = t.region_code "
                + "WHERE t.area_key = (SELECT area_key FROM dim_planning_area WHERE area_code = 'TAIHANG_OLD_AREA') "
                + "AND y.area_key = (SELECT area_key FROM dim_planning_area WHERE area_code = 'YR_PLAN_AREA')")).isEqualTo(15);
        assertThat(count("SELECT COUNT(*) FROM dim_region r WHERE r.is_current AND r.level = 'county' AND NOT EXISTS "
                + "(SELECT 1 FROM bridge_area_region b JOIN dim_planning_area a ON a.area_key = b.area_key "
                + "WHERE b.region_code = r.region_code AND a.area_code IN ('TAIHANG_OLD_AREA', 'YR_PLAN_AREA'))")).isEqualTo(11);
    }

    @Test
    void the38FypIndicatorsCarryBaselineAndTarget() {
        assertThat(count("SELECT COUNT(*) FROM dim_indicator WHERE plan_code = 'FYP14' AND indicator_code REGEXP '^FYP14-[0-9]{2}$'")).isEqualTo(38);
        assertThat(count("SELECT COUNT(*) FROM dim_indicator")).isEqualTo(219);
        assertThat(count("SELECT COUNT(*) FROM dim_indicator i JOIN fact_indicator_target t ON t.indicator_key = i.indicator_key "
                + "WHERE i.indicator_code REGEXP '^FYP14-[0-9]{2}$' AND t.target_year = 2025 AND t.scope_code = '140000'")).isEqualTo(38);

        Map<String, Object> urbanisation = target("FYP14-02");
        assertThat(urbanisation.get("baseline_year")).isEqualTo(2019); // printed 59.55* in the 2020 column: 2019 data
        assertThat((BigDecimal) urbanisation.get("baseline_value")).isEqualByComparingTo("59.55");
        assertThat((BigDecimal) urbanisation.get("target_value")).isEqualByComparingTo("68");
        assertThat(urbanisation.get("target_kind")).isEqualTo("number");

        Map<String, Object> enterprises = target("FYP14-03");
        assertThat(enterprises.get("target_operator")).isEqualTo("gt");
        assertThat((BigDecimal) enterprises.get("target_value")).isEqualByComparingTo("10000");

        Map<String, Object> gdpGrowth = target("FYP14-01");
        assertThat(gdpGrowth.get("target_kind")).isEqualTo("growth_rate");
        assertThat(gdpGrowth.get("target_operator")).isEqualTo("gt");
        assertThat((BigDecimal) gdpGrowth.get("target_value")).isEqualByComparingTo("8");

        for (String nationalTarget : List.of("FYP14-22", "FYP14-23", "FYP14-25", "FYP14-26")) {
            Map<String, Object> t = target(nationalTarget);
            assertThat(t.get("target_kind")).as(nationalTarget).isEqualTo("national_assessment");
            assertThat(t.get("target_value")).as(nationalTarget + " has no invented number").isNull();
            assertThat((String) t.get("target_text")).startsWith("完成国家");
        }
        assertThat(count("SELECT COUNT(*) FROM dim_indicator WHERE indicator_code REGEXP '^FYP14-[0-9]{2}$' AND attribute = '约束性'"))
                .isGreaterThan(0);
    }

    @Test
    void everySeedsTasksWithResponsibleUnits() {
        Map<String, Integer> expected = Map.of("TH2021", 15, "LQ2026", 21, "YU2023", 26, "YR2020", 48);
        expected.forEach((plan, n) -> assertThat(count("SELECT COUNT(*) FROM dim_task WHERE plan_code = ?", plan)).as(plan).isEqualTo(n));
        // Seed 000 names 30 distinct responsible units for its 12 numbered tasks.
        assertThat(count("SELECT COUNT(DISTINCT b.department_key) FROM bridge_task_department b JOIN dim_task t ON t.task_key = b.task_key "
                + "WHERE t.task_code REGEXP '^TH2021-[0-9]'")).isEqualTo(30);
        assertThat(jdbc.queryForObject("SELECT d.name_zh FROM bridge_task_department b JOIN dim_department d ON d.department_key = b.department_key "
                + "JOIN dim_task t ON t.task_key = b.task_key WHERE t.task_code = 'TH2021-1-2' AND b.position = 1", String.class)).isEqualTo("省水利厅");
    }

    @Test
    void projectsKeepEveryMentionAndResolveRegions() {
        assertThat(count("SELECT COUNT(*) FROM project_mention")).isEqualTo(306);
        assertThat(count("SELECT COUNT(*) FROM dim_project")).isBetween(150, 306);
        // 长治黎城—平顺—壶关—陵川夺火高速公路 lies in four named counties of two cities.
        assertThat(jdbc.queryForList("SELECT b.region_code FROM bridge_project_region b JOIN dim_project p ON p.project_key = b.project_key "
                + "WHERE p.name_zh = '长治黎城—平顺—壶关—陵川夺火高速公路' ORDER BY b.region_code", String.class))
                .containsExactly("140425", "140426", "140427", "140524");
    }

    @Test
    void reportingUnitsCoverTheirJurisdiction() {
        assertThat(count("SELECT COUNT(*) FROM dim_reporting_unit WHERE unit_kind = 'city'")).isEqualTo(11);
        assertThat(count("SELECT COUNT(*) FROM bridge_unit_region b JOIN dim_reporting_unit u ON u.unit_key = b.unit_key "
                + "WHERE u.unit_code = '140400'")).isEqualTo(13); // 长治市 and its 12 counties
        assertThat(count("SELECT COUNT(*) FROM bridge_unit_region b JOIN dim_reporting_unit u ON u.unit_key = b.unit_key "
                + "WHERE u.unit_code = '140322'")).isEqualTo(1);
    }

    @Test
    void periodsHaveChineseLabels() {
        assertThat(jdbc.queryForObject("SELECT label_zh FROM dim_period WHERE period_code = '2025Q3'", String.class)).isEqualTo("2025年第三季度");
        assertThat(jdbc.queryForObject("SELECT end_date FROM dim_period WHERE period_code = '2025Q3'", LocalDate.class)).isEqualTo(LocalDate.of(2025, 9, 30));
        assertThat(count("SELECT COUNT(*) FROM dim_period WHERE period_type = 'Q'")).isEqualTo(21 * 4);
    }

    @Test
    void loadingAgainChangesNothing() throws Exception {
        String before = snapshot();
        assertThat(loader.load(null, LocalDate.of(2025, 6, 1), false).outcome()).isEqualTo(CatalogLoader.Outcome.ALREADY_LOADED);

        CatalogLoader.Result forced = loader.load(null, LocalDate.of(2025, 6, 1), true);
        assertThat(forced.outcome()).isEqualTo(CatalogLoader.Outcome.LOADED);
        assertThat(forced.inserted()).isZero();
        assertThat(forced.updated()).isZero();
        assertThat(forced.unchanged()).isGreaterThan(1000);
        assertThat(snapshot()).isEqualTo(before);
    }

    /** Every row of every catalog table, including surrogate keys and updated_at. */
    private String snapshot() {
        StringBuilder all = new StringBuilder();
        for (String table : CATALOG_TABLES) {
            all.append(table).append('\n');
            jdbc.queryForList("SELECT * FROM " + table).stream().map(String::valueOf).sorted()
                    .forEach(row -> all.append(row).append('\n'));
        }
        return all.toString();
    }

    private Map<String, Object> target(String code) {
        return jdbc.queryForMap("SELECT t.* FROM fact_indicator_target t JOIN dim_indicator i ON i.indicator_key = t.indicator_key "
                + "WHERE i.indicator_code = ?", code);
    }

    private int count(String sql, Object... args) {
        return jdbc.queryForObject(sql, Integer.class, args);
    }
}
