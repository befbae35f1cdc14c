package cn.zhenxing.report;

import cn.zhenxing.mart.MartQueries.Scope;
import cn.zhenxing.report.ReportQueries.Indicators;
import cn.zhenxing.report.ReportQueries.Region;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The portal's 指标进展 page: for a scope, the very rows the quarterly report's table of that scope
 * shows (statement indicatorRows, the report's indicator selection, laggards first), so the page, the
 * PDF and the XLSX always list the same indicators with the same figures.
 */
@Component
class ProgressPage {

    private final ReportQueries queries;
    private final IndicatorSections indicators;

    ProgressPage(ReportQueries queries, IndicatorSections indicators) {
        this.queries = queries;
        this.indicators = indicators;
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
        return indicators.rows(queries.quarter(period), scope.code(), indicatorsOf(scope)).stream()
                .filter(r -> status == null || status.equals(r.get("status_zh"))).toList();
    }

    List<Region> cities() {
        return queries.cityRegions();
    }
}
