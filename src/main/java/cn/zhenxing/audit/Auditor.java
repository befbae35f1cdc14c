package cn.zhenxing.audit;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;

/**
 * Evaluates the rule book over rows, the same way for a received form and for the warehouse's
 * accepted data: pure, no database (the caller brings the catalog and the history).
 */
public final class Auditor {

    private final RuleBook book;

    public Auditor(RuleBook book) {
        this.book = book;
    }

    public RuleBook book() {
        return book;
    }

    /** @param quarter 1–4, the quarter of the year the rows are for */
    public List<Finding> indicators(List<AuditInput.IndicatorRow> rows, AuditInput.Catalog catalog, AuditInput.History history, int quarter) {
        Map<String, BigDecimal[]> counties = countySums(rows, catalog);
        List<Finding> findings = new ArrayList<>();
        List<Rule> rules = book.rules(Rule.Sheet.INDICATORS);
        for (AuditInput.IndicatorRow row : rows) {
            AuditInput.Indicator indicator = catalog.indicators().get(row.indicatorCode());
            AuditInput.Region region = catalog.regions().get(row.regionCode());
            if (indicator == null || region == null) {
                continue;
            }
            String key = row.regionCode() + "|" + row.indicatorCode();
            BigDecimal[] sum = counties.get(key);
            boolean own = "region".equals(indicator.scopeType()) && row.regionCode().equals(indicator.scopeCode());
            Map<String, BigDecimal> values = new HashMap<>();
            values.put("value", row.value());
            values.put("prior", row.prior());
            values.put("numerator", row.numerator());
            values.put("denominator", row.denominator());
            values.put("factor", indicator.factor());
            values.put("last_quarter", history.lastQuarter().get(key));
            values.put("last_year", history.lastYear().get(key));
            values.put("other_form", history.otherForm().get(key));
            values.put("plan_baseline", indicator.planBaseline());
            values.put("plan_target", indicator.planTarget());
            values.put("baseline", own ? indicator.planBaseline() : null);
            values.put("target", own ? indicator.planTarget() : null);
            values.put("counties_sum", sum == null ? null : sum[0]);
            values.put("counties_count", sum == null ? BigDecimal.ZERO : sum[1]);
            values.put("counties_rows", sum == null ? BigDecimal.ZERO : sum[2]);
            values.put("own_scope", own ? BigDecimal.ONE : BigDecimal.ZERO);
            values.put("q", BigDecimal.valueOf(quarter));
            Function<String, String> attributes = a -> a.equals("region_level") ? region.level() : a.equals("code") ? indicator.code()
                    : indicator.attributes().get(a);
            for (Rule rule : rules) {
                if (rule.appliesTo(attributes)) {
                    Finding f = evaluate(rule, values, indicator.code(), row.cells(), row.sheet(), region.code(), region.nameZh(),
                            indicator.code(), indicator.nameZh(), indicator.unit(), row.note(), row.unitCode(), row.submissionId());
                    if (f != null) {
                        findings.add(f);
                    }
                }
            }
        }
        return findings;
    }

    public List<Finding> projects(List<AuditInput.ProjectRow> rows, AuditInput.History history, int quarter) {
        List<Finding> findings = new ArrayList<>();
        for (AuditInput.ProjectRow row : rows) {
            Map<String, BigDecimal> values = new HashMap<>();
            values.put("total", row.total());
            values.put("annual_plan", row.annualPlan());
            values.put("quarter", row.quarter());
            values.put("ytd", row.ytd());
            values.put("last_ytd", row.projectCode() == null ? null : history.lastYtd().get(row.unitCode() + "|" + row.projectCode()));
            values.put("q", BigDecimal.valueOf(quarter));
            String item = row.projectCode() == null ? "" : row.projectCode();
            for (Rule rule : book.rules(Rule.Sheet.PROJECTS)) {
                if (rule.appliesTo(a -> a.equals("code") ? item : null)) {
                    Finding f = evaluate(rule, values, item, row.cells(), row.sheet(), null, null, item, "项目“" + row.projectName() + "”",
                            "亿元", row.note(), row.unitCode(), row.submissionId());
                    if (f != null) {
                        findings.add(f);
                    }
                }
            }
        }
        return findings;
    }

    private Finding evaluate(Rule rule, Map<String, BigDecimal> values, String item, Map<String, String> cells, String sheet,
                             String regionCode, String regionName, String itemCode, String itemName, String unit, String note,
                             String unitCode, Long submissionId) {
        Function<String, BigDecimal> vars = name -> {
            Rule.Params p = rule.params().get(name);
            return p != null ? p.forItem(item) : values.get(name);
        };
        if (rule.when() != null && !rule.when().holds(vars)) {
            return null;
        }
        BigDecimal left = rule.left().evaluate(vars);
        BigDecimal right = rule.right().evaluate(vars);
        Boolean passes = rule.passes(left, right);
        if (passes == null || passes) {
            return null;
        }
        Map<String, String> words = Map.of("region", regionName == null ? "" : regionName, "item", itemName, "unit", unit == null ? "" : unit);
        BigDecimal diff = left == null || right == null ? null : left.subtract(right).abs();
        Function<String, BigDecimal> messageVars = name -> switch (name) {
            case "left" -> left;
            case "right" -> right;
            case "diff" -> diff;
            default -> vars.apply(name);
        };
        Function<String, String> text = template -> fill(template, words, messageVars);
        String explanation = rule.severity() == Rule.Severity.VERIFY ? book.explanations().accepted(note) : null;
        String cell = cells.get(rule.cell());
        return new Finding(rule, sheet, cell, regionCode, regionName, itemCode, itemName, left, right, text.apply(rule.messageZh()),
                text.apply(rule.fixZh()), note, explanation, unitCode, submissionId);
    }

    private static String fill(String template, Map<String, String> words, Function<String, BigDecimal> vars) {
        Matcher m = RuleBook.PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String inside = m.group(1).strip();
            String value = words.containsKey(inside) ? words.get(inside) : format(Expression.parse(inside).evaluate(vars));
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** 3,246 or 18.5 or 0.0042: at most 2 decimals above 1, 4 significant ones below, no trailing zeros. */
    static String format(BigDecimal v) {
        if (v == null) {
            return "（空）";
        }
        BigDecimal rounded = v.abs().compareTo(BigDecimal.ONE) >= 0 ? v.setScale(2, RoundingMode.HALF_UP) : v.round(new MathContext(4));
        return rounded.stripTrailingZeros().toPlainString();
    }

    /** For each city row's key: the sum of its county rows' values, how many had one, and how many rows there were. */
    private static Map<String, BigDecimal[]> countySums(List<AuditInput.IndicatorRow> rows, AuditInput.Catalog catalog) {
        Map<String, BigDecimal[]> sums = new HashMap<>();
        for (AuditInput.IndicatorRow row : rows) {
            AuditInput.Region region = catalog.regions().get(row.regionCode());
            if (region == null || !"county".equals(region.level()) || region.cityCode() == null) {
                continue;
            }
            BigDecimal[] s = sums.computeIfAbsent(region.cityCode() + "|" + row.indicatorCode(),
                    k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO});
            s[2] = s[2].add(BigDecimal.ONE);
            if (row.value() != null) {
                s[0] = s[0].add(row.value());
                s[1] = s[1].add(BigDecimal.ONE);
            }
        }
        return sums;
    }
}
