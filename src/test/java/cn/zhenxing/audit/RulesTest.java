package cn.zhenxing.audit;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zhenxing.workbook.Problem;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every rule of etl/rules broken once and kept once, through the shipped rule files: a threshold
 * changed there changes what these cases find.
 */
class RulesTest {

    static final RuleBook BOOK = RuleBook.load();
    static final Auditor AUDITOR = new Auditor(BOOK);

    static final AuditInput.Catalog CATALOG = new AuditInput.Catalog(Map.of(
            "RATE", indicator("RATE", "城镇化率", "%", "level", "recompute", "county", "quarterly", "100", "60", null),
            "COUNT", indicator("COUNT", "规上工业企业数", "个", "level", "sum", "county", "quarterly", "1", "1000", "1200"),
            "GROW", indicator("GROW", "地区生产总值增长", "%", "growth_rate", "none", "county", "quarterly", "1", null, null),
            "CUM", indicator("CUM", "累计造林面积", "万亩", "cumulative", "sum", "county", "quarterly", "1", null, "500"),
            "DOCTORS", indicator("DOCTORS", "每千人口执业医师数", "人", "level", "recompute", "county", "annual", "1", "2.9", "3.8"),
            "OWN", own(indicator("OWN", "富硒产业产值", "亿元", "level", "sum", "county", "quarterly", "1", null, "0.5"), "140421")),
            Map.of("140000", new AuditInput.Region("140000", "山西省", "province", null),
                    "140400", new AuditInput.Region("140400", "长治市", "city", "140400"),
                    "140421", new AuditInput.Region("140421", "襄垣县", "county", "140400"),
                    "140423", new AuditInput.Region("140423", "平顺县", "county", "140400")));

    static AuditInput.Indicator indicator(String code, String name, String unit, String kind, String rollup, String level, String frequency,
                                          String factor, String baseline, String target) {
        String basis = switch (kind) {
            case "growth_rate" -> "growth_yoy";
            case "cumulative" -> "period_total";
            default -> "level";
        };
        Map<String, String> attributes = new HashMap<>(Map.of("unit", unit, "value_kind", kind, "rollup", rollup, "report_level", level,
                "frequency", frequency, "basis", basis));
        return new AuditInput.Indicator(code, name, unit, attributes, new BigDecimal(factor), "region", "140000",
                baseline == null ? null : new BigDecimal(baseline), target == null ? null : new BigDecimal(target));
    }

    /** The indicator with a target of the region's own (a county's own plan, as 盂县's). */
    static AuditInput.Indicator own(AuditInput.Indicator i, String region) {
        return new AuditInput.Indicator(i.code(), i.nameZh(), i.unit(), i.attributes(), i.factor(), "region", region, i.planBaseline(),
                i.planTarget());
    }

    /** A 表1 row: region, indicator, then pairs of variable and value (value, prior, numerator, denominator, note). */
    static AuditInput.IndicatorRow row(String region, String indicator, String... pairs) {
        Map<String, String> v = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            v.put(pairs[i], pairs[i + 1]);
        }
        return new AuditInput.IndicatorRow("表1 指标季报", Map.of("value", "F5", "numerator", "H5"), region, indicator, num(v.get("value")),
                num(v.get("prior")), num(v.get("numerator")), num(v.get("denominator")), v.get("note"), "140400", null);
    }

    static AuditInput.ProjectRow project(String total, String plan, String quarter, String ytd) {
        return new AuditInput.ProjectRow("表3 重点项目进展", Map.of("ytd", "F5", "total", "C5", "annual_plan", "D5"), "P001", "长治光伏产业园",
                num(total), num(plan), num(quarter), num(ytd), null, "140400", null);
    }

    static BigDecimal num(String s) {
        return s == null ? null : new BigDecimal(s);
    }

    static final AuditInput.History HISTORY = new AuditInput.History(
            Map.of("140421|COUNT", new BigDecimal("100"), "140421|CUM", new BigDecimal("40")),
            Map.of("140421|COUNT", new BigDecimal("100"), "140421|GROW", new BigDecimal("6.5")),
            Map.of("140421|COUNT", new BigDecimal("101")),
            Map.of("140400|P001", new BigDecimal("5"), "140500|P001", new BigDecimal("50")));

    static Set<String> codes(int quarter, AuditInput.IndicatorRow... rows) {
        return AUDITOR.indicators(List.of(rows), CATALOG, HISTORY, quarter).stream().map(f -> f.rule().code()).collect(Collectors.toSet());
    }

    static Set<String> projectCodes(AuditInput.ProjectRow row) {
        return AUDITOR.projects(List.of(row), HISTORY, 2).stream().map(f -> f.rule().code()).collect(Collectors.toSet());
    }

    /** Each rule: rows that break it (the rule is among the findings) and rows that keep it (it is not). */
    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("T01", codes(2, row("140421", "RATE", "value", "21.21", "numerator", "18", "denominator", "100")),
                        codes(2, row("140421", "RATE", "value", "18.00", "numerator", "18", "denominator", "100"))),
                Arguments.of("T02", codes(2, row("140421", "RATE", "value", "55")),
                        codes(2, row("140421", "RATE", "value", "55", "numerator", "55", "denominator", "100"))),
                Arguments.of("T03", codes(2, row("140421", "COUNT", "value", "101.36")), codes(2, row("140421", "COUNT", "value", "101"))),
                Arguments.of("T04", codes(2, row("140421", "RATE", "value", "653", "numerator", "653", "denominator", "100")),
                        codes(2, row("140421", "RATE", "value", "65.3", "numerator", "65.3", "denominator", "100"))),
                Arguments.of("T05", codes(2, row("140421", "COUNT", "value", "-3")), codes(2, row("140421", "GROW", "value", "-3"))),
                Arguments.of("T06", codes(2, row("140421", "RATE", "value", "110", "numerator", "220", "denominator", "200")),
                        codes(2, row("140421", "RATE", "value", "60", "numerator", "120", "denominator", "200"))),
                Arguments.of("H01", codes(2, row("140400", "COUNT", "value", "129"), row("140421", "COUNT", "value", "100"),
                                row("140423", "COUNT", "value", "3146")),
                        codes(2, row("140400", "COUNT", "value", "3246"), row("140421", "COUNT", "value", "100"),
                                row("140423", "COUNT", "value", "3146"))),
                Arguments.of("H02", codes(2, row("140423", "COUNT", "value", "5043")), codes(2, row("140423", "COUNT", "value", "1200"))),
                Arguments.of("H02", codes(2, row("140423", "OWN", "value", "0.6")), codes(2, row("140421", "OWN", "value", "0.6"))),
                Arguments.of("H03", codes(2, row("140421", "COUNT", "value", "110")), codes(2, row("140421", "COUNT", "value", "101"))),
                Arguments.of("P01", codes(2, row("140421", "COUNT", "value", "131")), codes(2, row("140421", "COUNT", "value", "129"))),
                Arguments.of("P02", codes(2, row("140421", "GROW", "value", "-8")), codes(2, row("140421", "GROW", "value", "5.5"))),
                Arguments.of("P03", codes(2, row("140421", "COUNT", "value", "69", "prior", "69")),
                        codes(1, row("140421", "COUNT", "value", "69", "prior", "69"))),
                Arguments.of("P04", codes(2, row("140421", "RATE", "value", "5.36e2"), row("140421", "DOCTORS", "value", "9")),
                        codes(2, row("140421", "DOCTORS", "value", "8.6"))),
                Arguments.of("P05", codes(2, row("140421", "DOCTORS", "value", "0.9")), codes(2, row("140421", "DOCTORS", "value", "1"))),
                Arguments.of("P06", codes(3, row("140421", "CUM", "value", "39.9")), codes(3, row("140421", "CUM", "value", "40"))),
                Arguments.of("J01", projectCodes(project("-1", null, null, null)), projectCodes(project("0", null, null, null))),
                Arguments.of("J02", projectCodes(project(null, null, "3", "2")), projectCodes(project(null, null, "3", "3"))),
                Arguments.of("J03", projectCodes(project("10", "12", null, null)), projectCodes(project("12", "12", null, null))),
                Arguments.of("J04", projectCodes(project(null, null, "1", "4")), projectCodes(project(null, null, "1", "5"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void each_rule_is_broken_by_one_case_and_kept_by_the_other(String rule, Set<String> breaking, Set<String> keeping) {
        assertThat(breaking).contains(rule);
        assertThat(keeping).doesNotContain(rule);
    }

    @Test
    void every_shipped_rule_has_its_case() {
        Set<String> tested = cases().map(a -> (String) a.get()[0]).collect(Collectors.toSet());
        assertThat(tested).isEqualTo(BOOK.rules().stream().map(Rule::code).collect(Collectors.toSet()));
    }

    @Test
    void the_rules_readme_describes_every_rule() throws Exception {
        String readme = java.nio.file.Files.readString(java.nio.file.Path.of("etl/rules/README.md"));
        for (Rule rule : BOOK.rules()) {
            assertThat(readme).as(rule.code()).contains("| " + rule.code() + " | " + rule.group() + " | " + rule.severity().zh + " | ");
        }
    }

    @Test
    void a_city_total_finding_names_both_totals_and_the_counties_sum() {
        List<Finding> findings = AUDITOR.indicators(List.of(row("140400", "COUNT", "value", "129"), row("140421", "COUNT", "value", "100"),
                row("140423", "COUNT", "value", "3146")), CATALOG, AuditInput.History.NONE, 2);
        Problem p = findings.stream().filter(f -> f.rule().code().equals("H01")).findFirst().orElseThrow().problem(BOOK.explanations());
        assertThat(p.messageZh()).contains("长治市合计129，所辖2个县（市、区）合计3246，相差3117");
        assertThat(p.contextZh()).isEqualTo("长治市“规上工业企业数”");
        assertThat(p.cell()).isEqualTo("F5");
        assertThat(p.isError()).isTrue();
        assertThat(p.rule().code()).isEqualTo("H01");
    }

    @Test
    void a_ratio_finding_shows_both_figures_on_the_value_cell() {
        Finding f = AUDITOR.indicators(List.of(row("140421", "RATE", "value", "21.21", "numerator", "18", "denominator", "100")),
                CATALOG, AuditInput.History.NONE, 2).get(0);
        assertThat(f.messageZh()).isEqualTo("本期值21.21与“分子值÷分母值×100”的结果18不一致。");
        assertThat(f.cell()).isEqualTo("F5");
        assertThat(f.blocks()).isTrue();
    }

    @Test
    void a_verify_finding_blocks_without_a_specific_explanation_and_keeps_one_that_is() {
        Finding bare = AUDITOR.indicators(List.of(row("140421", "COUNT", "value", "131", "note", "经核实，数据无误。")), CATALOG, HISTORY, 2)
                .stream().filter(f -> f.rule().code().equals("P01")).findFirst().orElseThrow();
        assertThat(bare.blocks()).isTrue();
        Problem asked = bare.problem(BOOK.explanations());
        assertThat(asked.isError()).isTrue();
        assertThat(asked.messageZh()).contains("与上年同期（100）相比变化31%，超过30%").contains("备注“经核实，数据无误。”不是具体说明");
        assertThat(asked.fixZh()).contains("请在本行“备注”中写明具体原因");

        Finding explained = AUDITOR.indicators(List.of(row("140421", "COUNT", "value", "131", "note", "新引进31家企业纳入规上统计")),
                CATALOG, HISTORY, 2).stream().filter(f -> f.rule().code().equals("P01")).findFirst().orElseThrow();
        assertThat(explained.blocks()).isFalse();
        Problem kept = explained.problem(BOOK.explanations());
        assertThat(kept.isError()).isFalse();
        assertThat(kept.rule().explanationZh()).isEqualTo("新引进31家企业纳入规上统计");
        assertThat(kept.messageZh()).endsWith("已说明：新引进31家企业纳入规上统计");
    }

    @Test
    void a_mandatory_finding_blocks_whatever_the_note_says() {
        Finding f = AUDITOR.indicators(List.of(row("140423", "COUNT", "value", "5043", "note", "单位是亿吨，已换算为万吨后填写")),
                CATALOG, AuditInput.History.NONE, 2).stream().filter(x -> x.rule().code().equals("H02")).findFirst().orElseThrow();
        assertThat(f.blocks()).isTrue();
    }

    @Test
    void stock_phrases_are_no_explanation_and_a_reason_is() {
        Explanations policy = BOOK.explanations();
        for (String stock : List.of("核实无误", "无", "正确", "属实。", "经核实，数据无误，正确", "  已核实  ", "数据正确！")) {
            assertThat(policy.accepted(stock)).as(stock).isNull();
        }
        assertThat(policy.accepted("受疫情影响一季度停产两个月")).isNotNull();
        assertThat(policy.accepted("新建光伏电站并网发电")).isNotNull();
    }
}
