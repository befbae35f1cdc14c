package cn.zhenxing.report;

import static cn.zhenxing.report.Sentences.decimal;
import static cn.zhenxing.report.Sentences.integer;
import static cn.zhenxing.report.Sentences.number;

import cn.zhenxing.report.ReportDocument.Chart;
import cn.zhenxing.report.ReportDocument.Section;
import cn.zhenxing.report.ReportDocument.Table;
import cn.zhenxing.report.ReportRows.ChartPoint;
import cn.zhenxing.report.ReportRows.ProjectItem;
import cn.zhenxing.report.ReportRows.ProjectRow;
import cn.zhenxing.report.ReportRows.TaskRow;
import cn.zhenxing.report.Sentences.ProjectTotals;
import cn.zhenxing.warehouse.Quarter;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Key tasks and major projects: their sections and the counts and totals the overviews state. */
@Component
class ProgressSections {

    static final List<String> ALL_CATEGORIES = List.of("culture-tourism", "digital", "ecology", "energy", "industry", "other", "transport", "water");

    private final ReportQueries queries;

    ProgressSections(ReportQueries queries) {
        this.queries = queries;
    }

    Map<String, Object> taskCounts(Quarter q, List<String> plans, List<String> regions) {
        return queries.one("taskCounts", q, Map.of("plans", plans, "regions", regions));
    }

    Section taskSection(String heading, Quarter q, List<String> plans, List<String> regions, boolean laggingOnly) {
        List<TaskRow> rows = new ArrayList<>();
        for (Map<String, Object> r : queries.list("tasks", q, Map.of("plans", plans, "regions", regions, "laggingOnly", laggingOnly ? 1 : 0))) {
            boolean notStartedLate = Sentences.flag(r.get("not_started_late"));
            String reason = notStartedLate ? "时间过半仍未启动" : (String) r.get("lag_reason_zh");
            rows.add(new TaskRow(r.get("task_code") + " " + r.get("task_title"), (String) r.get("region_name"), (String) r.get("lead_department_zh"),
                    (String) r.get("status"), decimal(r.get("percent_done")), decimal(r.get("percent_change")), reason,
                    Sentences.flag(r.get("is_lagging")), notStartedLate));
        }
        Map<String, Object> counts = taskCounts(q, plans, regions);
        List<ChartPoint> chart = new ArrayList<>();
        for (Map<String, Object> r : queries.list("laggingByDepartment", q, Map.of("plans", plans, "regions", regions))) {
            chart.add(new ChartPoint("滞后任务", (String) r.get("department"), ((Number) r.get("n")).doubleValue()));
        }
        String text = ((Number) counts.get("task_rows")).intValue() == 0 ? "本期无任务进展数据。"
                : Sentences.taskSentence(counts) + (laggingOnly ? "下表列出滞后任务（填报为滞后，或完成进度低于规划期时间进度）和时间过半仍未启动的任务，"
                + "落后最多的在前；图为滞后任务最多的牵头单位。" : "滞后和时间过半仍未启动的任务排在前面。");
        return new Section(heading, text, chart.isEmpty() ? null : new Chart("bar-chart", "滞后任务数（按牵头单位，项）", "项", chart),
                rows.isEmpty() ? null : new Table("task-table", laggingOnly ? "滞后任务" : "重点任务", rows));
    }

    /** @param categories project categories; empty for all */
    Section projectSection(String heading, Quarter q, List<String> cities, List<String> categories) {
        List<ProjectRow> rows = new ArrayList<>();
        List<ChartPoint> chart = new ArrayList<>();
        for (Map<String, Object> r : projectRows(q, cities, categories)) {
            String city = (String) r.get("city_name");
            rows.add(new ProjectRow(city, integer(r.get("projects")), decimal(r.get("total")), decimal(r.get("annual_plan")), decimal(r.get("quarter")),
                    decimal(r.get("ytd")), decimal(r.get("cumulative")), decimal(r.get("annual_completion")), integer(r.get("stalled"))));
            chart.add(new ChartPoint("年度计划投资", city, number(r.get("annual_plan"))));
            chart.add(new ChartPoint("年初至今完成", city, number(r.get("ytd"))));
        }
        return new Section(heading, rows.isEmpty() ? "本期无项目进展数据。" : Sentences.projectSentence(projectTotals(q, cities, categories)),
                chart.isEmpty() ? null : new Chart("bar-chart", "年度计划投资与年初至今完成（亿元）", "亿元", chart),
                rows.isEmpty() ? null : new Table("project-table", "重大项目", rows));
    }

    /** The lagging and stalled projects by name, stalled first; null when there are none. */
    Section laggingProjectSection(String heading, Quarter q, List<String> cities, List<String> categories) {
        List<ProjectItem> rows = new ArrayList<>();
        for (Map<String, Object> r : queries.list("laggingProjects", q, Map.of("cities", cities, "categories", categories(categories)))) {
            boolean stalled = Sentences.flag(r.get("is_stalled"));
            rows.add(new ProjectItem((String) r.get("project_name"), (String) r.get("city_name"), decimal(r.get("total_investment_yi")),
                    decimal(r.get("annual_plan_investment_yi")), decimal(r.get("ytd_investment_yi")), decimal(r.get("cumulative")),
                    decimal(r.get("annual_completion")), decimal(r.get("completion_ratio")), (String) r.get("milestone"),
                    stalled ? "停滞" : "滞后"));
        }
        if (rows.isEmpty()) {
            return null;
        }
        BigDecimal tolerance = queries.list("taskRule", q, Map.of()).stream().filter(r -> "project.lagging_tolerance_points".equals(r.get("rule_key")))
                .map(r -> decimal(r.get("rule_value"))).findFirst().orElse(BigDecimal.ZERO);
        long stalled = rows.stream().filter(r -> r.flag().equals("停滞")).count();
        String text = "滞后或停滞的项目" + rows.size() + "个，其中停滞（连续两个季度无投资且形象进度未变）" + stalled + "个；滞后指年初至今完成投资占本年计划的比例"
                + "低于全年时间进度（" + (q.quarter() * 25) + "%）" + tolerance.stripTrailingZeros().toPlainString() + "个百分点以上。"
                + "累计完成自项目纳入监测的首个年度起计算，只有本年度数据的项目不另列累计。";
        return new Section(heading, text, null, new Table("project-list", "滞后和停滞项目", rows));
    }

    private static List<String> categories(List<String> categories) {
        return categories.isEmpty() ? ALL_CATEGORIES : categories;
    }

    ProjectTotals projectTotals(Quarter q, List<String> cities, List<String> categories) {
        BigDecimal plan = BigDecimal.ZERO;
        BigDecimal ytd = BigDecimal.ZERO;
        int projects = 0;
        int stalled = 0;
        for (Map<String, Object> r : projectRows(q, cities, categories)) {
            plan = plan.add(r.get("annual_plan") == null ? BigDecimal.ZERO : (BigDecimal) r.get("annual_plan"));
            ytd = ytd.add(r.get("ytd") == null ? BigDecimal.ZERO : (BigDecimal) r.get("ytd"));
            projects += integer(r.get("projects"));
            stalled += integer(r.get("stalled"));
        }
        return new ProjectTotals(plan, ytd, projects, stalled);
    }

    private List<Map<String, Object>> projectRows(Quarter q, List<String> cities, List<String> categories) {
        return queries.list("projectsByCity", q, Map.of("cities", cities, "categories", categories(categories)));
    }
}
