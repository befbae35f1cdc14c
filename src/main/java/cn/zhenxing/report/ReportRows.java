package cn.zhenxing.report;

import cn.zhenxing.report.ReportDocument.Row;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/** The typed rows of the report tables and charts; {@link Row#fields()} names them as the templates do. */
final class ReportRows {

    private ReportRows() {
    }

    private static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            m.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return m;
    }

    /** One bar or point: bar-chart and line-chart. */
    record ChartPoint(String series, String category, double value) implements Row {
        public Map<String, Object> fields() {
            return map("series", series, "category", category, "value", value);
        }
    }

    /** indicator-table */
    record IndicatorRow(String indicatorName, String attribute, String unit, BigDecimal value, BigDecimal valueYearAgo, String baseline,
                        String target, BigDecimal expectedValue, BigDecimal attainment, String status) implements Row {
        IndicatorRow named(String name) {
            return new IndicatorRow(name, attribute, unit, value, valueYearAgo, baseline, target, expectedValue, attainment, status);
        }

        public Map<String, Object> fields() {
            return map("indicator_name", indicatorName, "attribute", attribute, "unit", unit, "value", value, "value_year_ago", valueYearAgo,
                    "baseline", baseline, "target", target, "expected_value", expectedValue, "attainment", attainment, "status", status);
        }
    }

    /** task-table */
    record TaskRow(String task, String region, String department, String status, BigDecimal percent, BigDecimal change, String reason) implements Row {
        public Map<String, Object> fields() {
            return map("task", task, "region", region, "department", department, "status", status, "percent", percent, "change", change,
                    "reason", reason);
        }
    }

    /** project-table */
    record ProjectRow(String city, Integer projects, BigDecimal total, BigDecimal annualPlan, BigDecimal quarter, BigDecimal ytd,
                      BigDecimal cumulative, BigDecimal annualCompletion, Integer stalled) implements Row {
        public Map<String, Object> fields() {
            return map("city", city, "projects", projects, "total", total, "annual_plan", annualPlan, "quarter", quarter, "ytd", ytd,
                    "cumulative", cumulative, "annual_completion", annualCompletion, "stalled", stalled);
        }
    }

    /** completeness-table */
    record UnitRow(String unit, String deadline, String status, String firstReceived, Integer daysLate, Integer rejected, Integer versions) implements Row {
        public Map<String, Object> fields() {
            return map("unit", unit, "deadline", deadline, "status", status, "first_received", firstReceived, "days_late", daysLate,
                    "rejected", rejected, "versions", versions);
        }
    }

    /** rate-table */
    record RateRow(String city, Integer expected, Integer accepted, Integer onTime, Integer late, Integer missing, Integer fixed,
                   BigDecimal reportingRate, BigDecimal onTimeRate) implements Row {
        public Map<String, Object> fields() {
            return map("city", city, "expected", expected, "accepted", accepted, "on_time", onTime, "late", late, "missing", missing,
                    "fixed", fixed, "reporting_rate", reportingRate, "on_time_rate", onTimeRate);
        }
    }
}
