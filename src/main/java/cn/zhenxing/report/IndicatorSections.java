package cn.zhenxing.report;

import static cn.zhenxing.report.Sentences.decimal;
import static cn.zhenxing.report.Sentences.number;
import static cn.zhenxing.report.Sentences.plain;

import cn.zhenxing.report.ReportDocument.Chart;
import cn.zhenxing.report.ReportDocument.Table;
import cn.zhenxing.report.ReportQueries.Indicators;
import cn.zhenxing.report.ReportRows.ChartPoint;
import cn.zhenxing.report.ReportRows.IndicatorRow;
import cn.zhenxing.warehouse.Quarter;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Indicator tables and the status and trend charts over them. */
@Component
class IndicatorSections {

    private final ReportQueries queries;

    IndicatorSections(ReportQueries queries) {
        this.queries = queries;
    }

    /**
     * A scope's indicator rows as the marts give them, laggards first: the one list its table and the summary
     * show, each with {@code attainment_text} where the attainment is printed in words.
     */
    List<Map<String, Object>> rows(Quarter q, String scope, Indicators indicators) {
        return bounded(queries.list("indicatorRows", q, Map.of("scope", scope, "plans", indicators.plans(), "codes", indicators.codes())));
    }

    /**
     * Sets {@code attainment_text} on each row: 超额完成 above the rule {@code attainment.display_cap}, 低于基期 below
     * zero (the value went back past the baseline), else null (the percentage is printed).
     */
    List<Map<String, Object>> bounded(List<Map<String, Object>> rows) {
        BigDecimal cap = queries.rule("attainment.display_cap");
        for (Map<String, Object> r : rows) {
            BigDecimal a = decimal(r.get("attainment"));
            r.put("attainment_text", a == null ? null : cap != null && a.compareTo(cap) > 0 ? "超额完成" : a.signum() < 0 ? "低于基期" : null);
        }
        return rows;
    }

    Table indicatorTable(String sheet, Quarter q, String scope, Indicators indicators) {
        return indicatorTable(sheet, rows(q, scope, indicators));
    }

    static Table indicatorTable(String sheet, List<Map<String, Object>> marts) {
        List<IndicatorRow> rows = new ArrayList<>();
        marts.forEach(r -> rows.add(indicatorRow(r)));
        return new Table("indicator-table", sheet, rows);
    }

    static IndicatorRow indicatorRow(Map<String, Object> r) {
        String baseline = r.get("baseline_value") == null ? null : plain(r.get("baseline_value")) + "（" + r.get("baseline_year") + "）";
        String target = r.get("target_value") != null
                ? plain(r.get("target_value")) + (r.get("target_year") == null ? "" : "（" + r.get("target_year") + "）")
                : (String) r.get("target_text");
        return new IndicatorRow((String) r.get("indicator_name"), (String) r.get("attribute"), (String) r.get("unit"), decimal(r.get("value")),
                decimal(r.get("value_year_ago")), baseline, target != null && Boolean.TRUE.equals(r.get("target_inherited")) ? target + "*" : target,
                decimal(r.get("expected_value")), r.get("attainment_text") == null ? decimal(r.get("attainment")) : null,
                (String) r.get("attainment_text"), (String) r.get("status_zh"), preliminary(r) ? PRELIMINARY : null);
    }

    static final String PRELIMINARY = "初步数";

    /** Whether the row's figure comes from data not yet approved at province level (mart_indicator_approval.approved false). */
    static boolean preliminary(Map<String, Object> r) {
        Object approved = r.get("approved");
        return approved instanceof Boolean b ? !b : approved instanceof Number n && n.intValue() == 0;
    }

    /** Scored indicators per status and scope (bars). */
    Chart statusChart(String title, Quarter q, List<String> scopes, Indicators indicators) {
        List<ChartPoint> rows = new ArrayList<>();
        Map<String, String> names = new LinkedHashMap<>();
        List<Map<String, Object>> raw = queries.list("statusCounts", q, ReportQueries.select(scopes, indicators));
        raw.forEach(r -> names.put((String) r.get("scope_code"), (String) r.get("scope_name")));
        for (String status : Sentences.SCORED) {
            for (String scope : scopes) {
                int n = raw.stream().filter(r -> scope.equals(r.get("scope_code")) && status.equals(r.get("status_zh")))
                        .mapToInt(r -> ((Number) r.get("n")).intValue()).sum();
                if (names.containsKey(scope)) {
                    rows.add(new ChartPoint(status, names.get(scope), n));
                }
            }
        }
        return rows.isEmpty() ? null : new Chart("bar-chart", title, "项", rows);
    }

    /** Share on track per quarter of the year (lines); none with fewer than two points. */
    Chart trendChart(String title, Quarter q, List<String> scopes, Indicators indicators) {
        List<ChartPoint> rows = new ArrayList<>();
        for (Map<String, Object> r : queries.list("onTrackTrend", q, ReportQueries.select(scopes, indicators))) {
            if (r.get("share") != null) {
                rows.add(new ChartPoint((String) r.get("scope_name"), (String) r.get("period_code"), number(r.get("share"))));
            }
        }
        return rows.size() < 2 ? null : new Chart("line-chart", title + "，" + q.year() + "年各季度", "%", rows);
    }
}
