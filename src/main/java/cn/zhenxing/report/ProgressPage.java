package cn.zhenxing.report;

import cn.zhenxing.mart.MartQueries.Scope;
import cn.zhenxing.report.ReportQueries.Indicators;
import cn.zhenxing.report.ReportQueries.Region;
import cn.zhenxing.warehouse.Quarter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import net.sf.jasperreports.engine.JRException;
import org.springframework.stereotype.Component;

/**
 * The portal's 指标进展 page: for a scope, the very rows the quarterly report's table of that scope
 * shows (statement indicatorRows, the report's indicator selection, laggards first), so the page, the
 * PDF and the XLSX always list the same indicators with the same figures. The page may filter them by
 * status and sort them otherwise; each row carries its gap to the expected value and its trend over the
 * last four quarters, and the XLSX download holds exactly the rows shown.
 */
@Component
class ProgressPage {

    /** How the rows may be sorted: the report's order (laggards first), the largest relative gap first, by indicator code. */
    static final Map<String, String> SORTS = sorts();
    static final int TREND_QUARTERS = 4;

    private final ReportQueries queries;
    private final IndicatorSections indicators;
    private final ReportRenderer renderer;

    ProgressPage(ReportQueries queries, IndicatorSections indicators, ReportRenderer renderer) {
        this.queries = queries;
        this.indicators = indicators;
        this.renderer = renderer;
    }

    private static Map<String, String> sorts() {
        Map<String, String> sorts = new LinkedHashMap<>();
        sorts.put("status", "按状态（滞后在前）");
        sorts.put("gap", "按差距（差距大的在前）");
        sorts.put("code", "按指标编码");
        return sorts;
    }

    /** The report whose tables a scope's rows are: the Yellow River report for its areas, else the revitalization report. */
    static ReportName reportOf(Scope scope) {
        return "area".equals(scope.type()) && YellowRiverReport.AREAS.contains(scope.code()) ? ReportName.YELLOW_RIVER : ReportName.REVITALIZATION;
    }

    static Indicators indicatorsOf(Scope scope) {
        return reportOf(scope) == ReportName.YELLOW_RIVER ? YellowRiverReport.INDICATORS : RevitalizationReport.INDICATORS;
    }

    /** @param status one status to keep, or null for all */
    List<Map<String, Object>> rows(String period, Scope scope, String status) {
        return rows(period, scope, status, null);
    }

    /**
     * The report's rows of the scope, filtered and sorted, each with {@code gap} (to the expected value, else
     * the target, in the indicator's unit; positive when behind) and {@code trend} (a {@link Trend}).
     *
     * @param sort a key of {@link #SORTS}; null or unknown keeps the report's order
     */
    List<Map<String, Object>> rows(String period, Scope scope, String status, String sort) {
        Quarter q = queries.quarter(period);
        Indicators selection = indicatorsOf(scope);
        Map<String, List<Map<String, Object>>> history = new LinkedHashMap<>();
        Quarter from = q;
        for (int i = 1; i < TREND_QUARTERS; i++) {
            from = from.previous();
        }
        for (Map<String, Object> r : queries.list("indicatorTrend", q, Map.of("from", from.key(), "scope", scope.code(),
                "plans", selection.plans(), "codes", selection.codes()))) {
            history.computeIfAbsent((String) r.get("indicator_code"), k -> new ArrayList<>()).add(r);
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Map<String, Object> r : indicators.rows(q, scope.code(), selection)) {
            if (status == null || status.equals(r.get("status_zh"))) {
                Map<String, Object> row = new LinkedHashMap<>(r);
                BigDecimal gap = SummarySection.gap(r);
                row.put("gap", gap);
                // As printed: two decimals like the other figures (so a tiny negative gap is 0.00, not -0.00).
                row.put("gap_shown", gap == null ? null : gap.setScale(2, java.math.RoundingMode.HALF_UP));
                row.put("trend", Trend.of(history.getOrDefault((String) r.get("indicator_code"), List.of()), (String) r.get("unit")));
                rows.add(row);
            }
        }
        if ("gap".equals(sort)) {
            rows.sort(Comparator.comparing(ProgressPage::relativeGap, Comparator.nullsLast(Comparator.reverseOrder())));
        } else if ("code".equals(sort)) {
            rows.sort(Comparator.comparing(r -> (String) r.get("indicator_code")));
        }
        return rows;
    }

    /** The gap as a share of the reference value, so indicators in different units compare; null without one. */
    static BigDecimal relativeGap(Map<String, Object> row) {
        BigDecimal gap = (BigDecimal) row.get("gap");
        BigDecimal reference = Sentences.decimal(row.get("expected_value") != null ? row.get("expected_value") : row.get("target_value"));
        return gap == null || reference == null || reference.signum() == 0 ? null : gap.divide(reference.abs(), MathContext.DECIMAL64);
    }

    /**
     * The rows shown, as an XLSX of one sheet laid out as the report's indicator sheet (title rows, units,
     * print setup), titled with the scope, period and the filter and sort applied.
     */
    byte[] xlsx(String period, Scope scope, String status, String sort) throws IOException, JRException {
        Quarter q = queries.quarter(period);
        List<Map<String, Object>> rows = rows(period, scope, status, sort);
        List<String> applied = new ArrayList<>();
        if (status != null) {
            applied.add("状态：" + status);
        }
        if (SORTS.containsKey(sort) && !"status".equals(sort)) {
            applied.add(SORTS.get(sort));
        }
        ReportDocument doc = new ReportDocument(reportOf(scope), "指标进展：" + scope.name(), applied.isEmpty() ? null : String.join("，", applied),
                q.code(), q.labelZh(), DataNoteSection.ISSUER, null,
                List.of(new ReportDocument.Section(scope.name(), null, null, IndicatorSections.indicatorTable(scope.name(), rows))));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        renderer.xlsx(doc, Sentences.dateTime(queries.value("asOf", q, Map.of(), LocalDateTime.class)), out);
        return out.toByteArray();
    }

    /** 指标进展_太行革命老区_2025年第三季度.xlsx */
    static String downloadName(Scope scope, String period) {
        return "指标进展_" + scope.name() + "_" + Quarter.parse(period).labelZh() + ".xlsx";
    }

    List<Region> cities() {
        return queries.cityRegions();
    }

    /**
     * An indicator's values over the last quarters up to the chosen one, drawn by the page as an inline SVG
     * sparkline (server-rendered, no script): the polyline's points in a 64 × 20 box, the last point, and a
     * label naming every quarter's value (the SVG's title, read out by screen readers).
     */
    record Trend(String points, double lastX, double lastY, String lastStatus, String label, int count) {
        static final double WIDTH = 64;
        static final double HEIGHT = 20;
        static final double PAD = 3;

        static Trend of(List<Map<String, Object>> quarters, String unit) {
            List<BigDecimal> values = new ArrayList<>();
            List<String> parts = new ArrayList<>();
            String lastStatus = null;
            for (Map<String, Object> r : quarters) {
                BigDecimal v = Sentences.decimal(r.get("value"));
                String label = Quarter.parse((String) r.get("period_code")).labelZh();
                parts.add(label + (v == null ? "无数据" : v.stripTrailingZeros().toPlainString() + (unit == null ? "" : unit)));
                if (v != null) {
                    values.add(v);
                    lastStatus = (String) r.get("status_zh");
                }
            }
            String label = String.join("；", parts);
            if (values.isEmpty()) {
                return new Trend("", 0, 0, null, label, 0);
            }
            BigDecimal min = values.stream().min(BigDecimal::compareTo).orElseThrow();
            BigDecimal max = values.stream().max(BigDecimal::compareTo).orElseThrow();
            double range = max.subtract(min).doubleValue();
            double step = values.size() == 1 ? 0 : (WIDTH - 2 * PAD) / (values.size() - 1);
            StringBuilder points = new StringBuilder();
            double x = PAD;
            double y = HEIGHT / 2;
            for (int i = 0; i < values.size(); i++) {
                x = values.size() == 1 ? WIDTH / 2 : PAD + i * step;
                y = range == 0 ? HEIGHT / 2 : HEIGHT - PAD - (values.get(i).subtract(min).doubleValue() / range) * (HEIGHT - 2 * PAD);
                points.append(i == 0 ? "" : " ").append(String.format(Locale.ROOT, "%.1f,%.1f", x, y));
            }
            return new Trend(points.toString(), Math.round(x * 10) / 10.0, Math.round(y * 10) / 10.0, lastStatus, label, values.size());
        }
    }
}
