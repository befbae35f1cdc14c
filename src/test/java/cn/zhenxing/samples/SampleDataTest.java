package cn.zhenxing.samples;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zhenxing.WarehouseFixture;
import cn.zhenxing.WarehouseTest;
import cn.zhenxing.form.FormDefinition;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * The sample data pass the 审核 rules of issue #13, checked on the ingested facts of three quarters
 * of 2025 (Q4 carries the annual rows): each query lists the rows that break a rule, and must list none.
 */
@WarehouseTest
@TestPropertySource(properties = "zhenxing.test.database=zhenxing_test_samples")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SampleDataTest {

    /** The facts of the current submissions with their catalog attributes and the target the samples follow. */
    private static final String FACTS = "SELECT f.*, r.region_code, r.level, r.city_code, p.period_code, i.indicator_code, i.unit, "
            + "i.rollup, i.basis, i.report_level, i.ratio_factor, i.value_kind, t.baseline_value, t.target_value, u.unit_code "
            + "FROM fact_indicator_value f JOIN ops_submission s ON s.submission_id = f.submission_id AND s.is_current "
            + "JOIN dim_reporting_unit u ON u.unit_key = s.unit_key "
            + "JOIN dim_region r ON r.region_key = f.region_key JOIN dim_period p ON p.period_key = f.period_key "
            + "JOIN dim_indicator i ON i.indicator_key = f.indicator_key "
            + "LEFT JOIN fact_indicator_target t ON t.indicator_key = i.indicator_key AND t.scope_code = '140000' "
            + "WHERE f.value IS NOT NULL";

    @Autowired
    WarehouseFixture warehouse;
    @Autowired
    SampleGenerator samples;
    @Autowired
    JdbcTemplate jdbc;

    @BeforeAll
    void threeQuartersIngested() throws Exception {
        for (String period : List.of("2025Q2", "2025Q3", "2025Q4")) {
            Path forms = Files.createTempDirectory("samples-" + period);
            LocalDateTime received = period.endsWith("Q4") ? LocalDateTime.parse("2026-01-05T10:00")
                    : LocalDateTime.parse(period.substring(0, 4) + (period.endsWith("Q3") ? "-09-30T10:00" : "-06-30T10:00"));
            warehouse.quarterIngested(period, forms, received, List.of());
        }
        assertThat(count(FACTS + " AND p.period_code = '2025Q4'")).isGreaterThan(1000);
    }

    @Test
    void countsAreWholeAndPercentagesWithin0To100() {
        // Counts; a per-万人 or per-千人 rate in 件 or 个 (a recomputed ratio) is not one.
        assertThat(rows("x.unit IN ('户','个','家','座','所','项','件','条') AND x.rollup <> 'recompute' "
                + "AND (x.value <> ROUND(x.value) OR x.prior_year_value <> ROUND(x.prior_year_value))")).isEmpty();
        assertThat(rows("x.unit = '%' AND x.value_kind = 'level' AND (x.value < 0 OR x.value > 100)")).isEmpty();
        assertThat(rows("x.value_kind = 'growth_rate' AND ABS(x.value) > 30")).isEmpty();
    }

    @Test
    void ratioPartsAgreeWithTheValue() {
        assertThat(rows("x.rollup = 'recompute' AND (x.numerator_value IS NULL OR x.denominator_value IS NULL "
                + "OR ABS(x.numerator_value / x.denominator_value * x.ratio_factor - x.value) > 0.001 * ABS(x.value))")).isEmpty();
        // 常住人口 denominators are the reference table's population.
        assertThat(count("SELECT COUNT(*) FROM (" + FACTS + ") x JOIN dim_indicator i ON i.indicator_code = x.indicator_code "
                + "JOIN ref_region_population p ON p.region_code = x.region_code AND p.year = 2021 "
                + "WHERE i.denominator_name_zh = '常住人口(万人)' AND ABS(x.denominator_value - p.population_wan) > 0.01")).isZero();
    }

    @Test
    void lastYearsValueIsWithinTenPercent() {
        // (a count of 1 or 2 cannot move by less than 1)
        assertThat(rows("x.prior_year_value IS NULL OR ABS(x.prior_year_value - x.value) > GREATEST(0.1 * ABS(x.value), "
                + "IF(x.value = ROUND(x.value), 1, 0))")).isEmpty();
    }

    @Test
    void additiveCountyValuesAreSharesOfTheProvinceAndCitiesAreRolledUp() {
        assertThat(rows("x.rollup = 'sum' AND x.level = 'county' AND x.value > GREATEST(COALESCE(x.baseline_value, 0), "
                + "COALESCE(x.target_value, 0)) AND (x.baseline_value IS NOT NULL OR x.target_value IS NOT NULL)")).isEmpty();
        // A city's or the province's own row of a county indicator that is rolled up is left blank.
        assertThat(rows("x.report_level = 'county' AND x.level <> 'county' AND x.rollup <> 'none'")).isEmpty();
        // 规划范围国土面积 (YR-01): the 86 counties' shares of the plan area's 11.46 万平方公里.
        Double area = jdbc.queryForObject("SELECT SUM(x.value) FROM (" + FACTS + ") x WHERE x.indicator_code = 'YR-01' "
                + "AND x.period_code = '2025Q4' AND x.level = 'county'", Double.class);
        assertThat(area).isBetween(11.46 * 0.95, 11.46 * 1.05);
    }

    @Test
    void nonAdditiveLevelsStayNearThePlan() {
        assertThat(rows("x.rollup IN ('recompute', 'weighted') AND x.value_kind = 'level' AND x.baseline_value IS NOT NULL "
                + "AND (x.value < 0.5 * LEAST(x.baseline_value, COALESCE(x.target_value, x.baseline_value)) "
                + "OR x.value > 2 * GREATEST(x.baseline_value, COALESCE(x.target_value, x.baseline_value)))")).isEmpty();
    }

    @Test
    void flowsAccumulateAndLevelsMoveLittleBetweenQuarters() {
        String pairs = "SELECT a.region_code, a.indicator_code, a.basis, a.value AS q2, b.value AS q3 FROM (" + FACTS + ") a JOIN ("
                + FACTS + ") b ON b.region_code = a.region_code AND b.indicator_code = a.indicator_code AND b.unit_code = a.unit_code "
                + "WHERE a.period_code = '2025Q2' AND b.period_code = '2025Q3'";
        assertThat(count("SELECT COUNT(*) FROM (" + pairs + ") y WHERE y.basis = 'ytd_flow'")).isPositive();
        assertThat(jdbc.queryForList(pairs.replace("WHERE a.period_code", "WHERE a.basis = 'ytd_flow' AND b.value <= a.value AND a.period_code"))).isEmpty();
        assertThat(jdbc.queryForList(pairs.replace("WHERE a.period_code",
                "WHERE a.basis = 'level' AND ABS(b.value - a.value) > 0.1 * ABS(a.value) + 0.5 AND a.period_code"))).isEmpty();
    }

    @Test
    void aCountyHasTheSameValueOnItsOwnFormAndOnItsCitys() {
        // 盂县 (140322) reports itself and is on 阳泉's form (140300).
        assertThat(count("SELECT COUNT(*) FROM (" + FACTS + ") x WHERE x.region_code = '140322' AND x.unit_code = '140300'")).isPositive();
        assertThat(jdbc.queryForList("SELECT x.indicator_code, x.period_code FROM (" + FACTS + ") x WHERE x.region_code = '140322' "
                + "GROUP BY x.indicator_code, x.period_code HAVING COUNT(DISTINCT x.value) > 1 OR COUNT(*) < 2")).isEmpty();
    }

    @Test
    void projectsAreConsistent() {
        assertThat(count("SELECT COUNT(*) FROM fact_project_progress WHERE annual_plan_investment_yi > total_investment_yi "
                + "OR ytd_investment_yi < quarter_investment_yi")).isZero();
        assertThat(count("SELECT COUNT(*) FROM fact_project_progress a JOIN fact_project_progress b ON b.project_key = a.project_key "
                + "AND b.submission_id <> a.submission_id AND b.period_key = a.period_key + 1 "
                + "JOIN ops_submission sa ON sa.submission_id = a.submission_id JOIN ops_submission sb ON sb.submission_id = b.submission_id "
                + "AND sb.unit_key = sa.unit_key WHERE b.ytd_investment_yi < a.ytd_investment_yi")).isZero();
    }

    @Test
    void theJumpHookChangesOneRowAndWritesItsExplanation() throws Exception {
        Path dir = Files.createTempDirectory("jump");
        Path plain = samples.generate("2025Q3", Files.createDirectories(dir.resolve("plain")), List.of("140400")).get(0);
        Path jumped = samples.generateWithJump("2025Q3", Files.createDirectories(dir.resolve("jump")), "140400", "140403",
                "FYP14-03", 1.6, "新建园区投产，新增规上企业较多");
        FormDefinition.Table t1 = FormDefinition.load().table("indicators");
        Map<String, String[]> a = cells(plain, t1);
        Map<String, String[]> b = cells(jumped, t1);
        assertThat(b.keySet()).isEqualTo(a.keySet());
        a.forEach((row, cells) -> {
            if (row.equals("140403|FYP14-03")) {
                assertThat(Double.parseDouble(b.get(row)[0])).isCloseTo(1.6 * Double.parseDouble(cells[0]), org.assertj.core.api.Assertions.within(1.0));
                assertThat(b.get(row)[1]).isEqualTo("新建园区投产，新增规上企业较多");
            } else {
                assertThat(b.get(row)).as(row).containsExactly(cells);
            }
        });
        assertThat(a).containsKey("140403|FYP14-03");
    }

    /** Region|indicator of each 表1 row → {value, note}. */
    private static Map<String, String[]> cells(Path file, FormDefinition.Table t1) throws Exception {
        Map<String, String[]> out = new java.util.TreeMap<>();
        try (InputStream in = Files.newInputStream(file); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            Sheet sheet = wb.getSheet(t1.sheet());
            for (int i = 0; i < 2000; i++) {
                String code = text(sheet, t1.cell("indicator_code", i));
                if (code.isEmpty()) {
                    break;
                }
                out.put(text(sheet, t1.cell("region_code", i)) + "|" + code,
                        new String[] {text(sheet, t1.cell("value", i)), text(sheet, t1.cell("note", i))});
            }
        }
        return out;
    }

    private static String text(Sheet sheet, String address) {
        Cell cell = cn.zhenxing.workbook.SheetCells.at(sheet, address);
        return switch (cell.getCellType()) {
            case NUMERIC -> String.valueOf(cell.getNumericCellValue());
            case STRING -> cell.getStringCellValue().trim();
            default -> "";
        };
    }

    private List<Map<String, Object>> rows(String where) {
        return jdbc.queryForList("SELECT x.region_code, x.indicator_code, x.period_code, x.value, x.prior_year_value, "
                + "x.numerator_value, x.denominator_value FROM (" + FACTS + ") x WHERE " + where + " LIMIT 10");
    }

    private int count(String sql) {
        return jdbc.queryForObject(sql.startsWith("SELECT COUNT") ? sql : "SELECT COUNT(*) FROM (" + sql + ") c", Integer.class);
    }
}
