package cn.zhenxing.report;

import cn.zhenxing.report.ReportDocument.Row;
import java.math.BigDecimal;
import java.util.List;
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

    /**
     * indicator-table
     *
     * @param attainmentText 超额完成 or 低于基期 where the attainment is printed as words instead of a percentage (then it is null)
     * @param preliminary 初步数 for a figure from data not yet approved at province level, else null
     */
    record IndicatorRow(String indicatorName, String attribute, String unit, BigDecimal value, BigDecimal valueYearAgo, String baseline,
                        String target, BigDecimal expectedValue, BigDecimal attainment, String attainmentText, String status,
                        String preliminary) implements Row {
        IndicatorRow named(String name) {
            return new IndicatorRow(name, attribute, unit, value, valueYearAgo, baseline, target, expectedValue, attainment, attainmentText,
                    status, preliminary);
        }

        public Map<String, Object> fields() {
            return map("indicator_name", indicatorName, "attribute", attribute, "unit", unit, "value", value, "value_year_ago", valueYearAgo,
                    "baseline", baseline, "target", target, "expected_value", expectedValue, "attainment", attainment,
                    "attainment_text", attainmentText, "status", status, "preliminary", preliminary);
        }
    }

    /** task-table */
    record TaskRow(String task, String region, String department, String status, BigDecimal percent, BigDecimal change, String reason,
                   boolean lagging, boolean notStartedLate) implements Row {
        public Map<String, Object> fields() {
            return map("task", task, "region", region, "department", department, "status", status, "percent", percent, "change", change,
                    "reason", reason, "lagging", lagging, "not_started_late", notStartedLate);
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

    /** headline: one tile of the summary's figures; status picks its colour */
    record Tile(String label, int n, String unit, String status) implements Row {
        public Map<String, Object> fields() {
            return map("label", label, "n", n, "unit", unit, "status", status);
        }
    }

    /** lagging-indicators: the summary's most lagging indicators with their gap to the expected value */
    record LaggingIndicator(int rank, String indicator, String unit, BigDecimal value, BigDecimal expected, BigDecimal gap,
                            BigDecimal progress, String status) implements Row {
        public Map<String, Object> fields() {
            return map("rank", rank, "indicator", indicator, "unit", unit, "value", value, "expected", expected, "gap", gap,
                    "progress", progress, "status", status);
        }
    }

    /** lagging-tasks: the summary's tasks furthest behind their plan */
    record LaggingTask(int rank, String task, String region, String status, BigDecimal percent, BigDecimal elapsed, BigDecimal behind,
                       boolean notStartedLate) implements Row {
        public Map<String, Object> fields() {
            return map("rank", rank, "task", task, "region", region, "status", status, "percent", percent, "elapsed", elapsed,
                    "behind", behind, "not_started_late", notStartedLate);
        }
    }

    /** project-list: a lagging or stalled project by name */
    record ProjectItem(String project, String city, BigDecimal total, BigDecimal annualPlan, BigDecimal ytd, BigDecimal cumulative,
                       BigDecimal annualCompletion, BigDecimal completion, String milestone, String flag) implements Row {
        public Map<String, Object> fields() {
            return map("project", project, "city", city, "total", total, "annual_plan", annualPlan, "ytd", ytd, "cumulative", cumulative,
                    "annual_completion", annualCompletion, "completion", completion, "milestone", milestone, "flag", flag);
        }
    }

    /** ranking-table: a city's rank and the status of each key indicator (h1..h6 name the columns, s1..s6 the statuses) */
    record RankingRow(Integer rank, String city, int scored, int onTrack, int seriously, BigDecimal share, List<String> headers,
                      List<String> statuses) implements Row {
        public Map<String, Object> fields() {
            Map<String, Object> m = map("rank", rank, "city", city, "scored", scored, "on_track", onTrack, "seriously", seriously, "share", share);
            for (int i = 0; i < headers.size(); i++) {
                m.put("h" + (i + 1), headers.get(i));
                m.put("s" + (i + 1), statuses.get(i));
            }
            return m;
        }
    }

    /** county-map: the one drawing of the 示意图 */
    record MapRow(CountyMap drawing) implements Row {
        public Map<String, Object> fields() {
            return map("map", drawing);
        }
    }
}
