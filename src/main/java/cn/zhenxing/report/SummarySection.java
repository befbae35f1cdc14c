package cn.zhenxing.report;

import static cn.zhenxing.report.Sentences.decimal;

import cn.zhenxing.report.ReportDocument.Chart;
import cn.zhenxing.report.ReportDocument.Section;
import cn.zhenxing.report.ReportDocument.Table;
import cn.zhenxing.report.ReportRows.LaggingIndicator;
import cn.zhenxing.report.ReportRows.LaggingTask;
import cn.zhenxing.report.ReportRows.Tile;
import cn.zhenxing.warehouse.Quarter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The 摘要 every report opens with, on a page of its own: the headline counts by status, the five
 * most lagging indicators and tasks by name with their gap, the units that have not reported, and
 * sentences that say it in words. Every figure comes from the same rows the report's tables show.
 */
@Component
class SummarySection {

    static final String HEADING = "摘要";
    /** The headline tiles; every other status (无目标, 无本级基期, 无基期, 不可汇总, 数据不全) is counted as 不评价. */
    static final List<String> HEADLINE = List.of("达标", "正常推进", "滞后", "严重滞后", "无数据");
    static final String NOT_SCORED = "不评价";
    static final int TOP = 5;
    private static final List<String> SEVERITY = List.of("严重滞后", "滞后");

    private final ReportQueries queries;

    SummarySection(ReportQueries queries) {
        this.queries = queries;
    }

    /**
     * What the summary says about who has not reported, for the report's cities (and the province unit): a
     * missing unit with its days overdue counted to the report date (盂县（逾期5天）).
     */
    record Units(List<String> missing, List<String> late) {
    }

    Units units(Quarter q, LocalDate reportDate, List<String> cities) {
        List<String> missing = new ArrayList<>();
        List<String> late = new ArrayList<>();
        for (Map<String, Object> u : queries.completeness(q, reportDate, cities)) {
            String status = (String) u.get("status_zh");
            if (status.equals("未报送") || status.equals("已退回")) {
                String overdue = u.get("days_late") == null ? null : "逾期" + ((Number) u.get("days_late")).intValue() + "天";
                String note = status.equals("已退回") ? (overdue == null ? "已退回" : "已退回，" + overdue) : overdue;
                missing.add(u.get("unit_name") + (note == null ? "" : "（" + note + "）"));
            } else if (status.equals("逾期报送")) {
                late.add((String) u.get("unit_name"));
            }
        }
        return new Units(missing, late);
    }

    /** Status counts in headline order: the five headline statuses, then 不评价. */
    static Map<String, Integer> headline(List<Map<String, Object>> indicatorRows) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        HEADLINE.forEach(s -> counts.put(s, 0));
        counts.put(NOT_SCORED, 0);
        for (Map<String, Object> r : indicatorRows) {
            String status = (String) r.get("status_zh");
            counts.merge(HEADLINE.contains(status) ? status : NOT_SCORED, 1, Integer::sum);
        }
        return counts;
    }

    /** Mart rows in reading order for a leader: 严重滞后, 滞后, 数据不全, 无数据, 正常推进, 达标, then the unscored; the furthest behind first. */
    static final Comparator<Map<String, Object>> LAGGARDS_FIRST = Comparator
            .<Map<String, Object>>comparingInt(r -> rank((String) r.get("status_zh")))
            .thenComparing(r -> decimal(r.get("path_ratio")), Comparator.nullsLast(Comparator.naturalOrder()));
    private static final List<String> ORDER = List.of("严重滞后", "滞后", "数据不全", "无数据", "正常推进", "达标");

    private static int rank(String status) {
        int i = ORDER.indexOf(status);
        return i < 0 ? ORDER.size() : i;
    }

    /** The rows of 严重滞后 and 滞后 indicators, the furthest behind their path first. */
    static List<Map<String, Object>> mostLagging(List<Map<String, Object>> indicatorRows) {
        return indicatorRows.stream().filter(r -> SEVERITY.contains(r.get("status_zh"))).sorted(LAGGARDS_FIRST).limit(TOP).toList();
    }

    /** Distance still to go to the expected value (else the target), in the indicator's unit: positive when behind. */
    static BigDecimal gap(Map<String, Object> r) {
        BigDecimal value = decimal(r.get("value"));
        BigDecimal reference = decimal(r.get("expected_value") != null ? r.get("expected_value") : r.get("target_value"));
        if (value == null || reference == null) {
            return null;
        }
        return "lower_better".equals(r.get("direction")) ? value.subtract(reference) : reference.subtract(value);
    }

    /**
     * @param subject who the figures are about (太行革命老区, 长治市, 全省)
     * @param indicatorRows the rows the report's indicator table shows for the headline scope
     * @param plans task plans, or null for a report without tasks
     */
    List<Section> sections(Quarter q, LocalDate reportDate, String subject, List<Map<String, Object>> indicatorRows, List<String> plans, List<String> taskRegions,
                           List<String> cities) {
        Map<String, Integer> counts = headline(indicatorRows);
        List<Map<String, Object>> lagging = mostLagging(indicatorRows);
        List<Tile> tiles = new ArrayList<>();
        counts.forEach((status, n) -> tiles.add(new Tile(status, n, "项", status)));
        StringBuilder text = new StringBuilder(indicatorSentence(subject, indicatorRows.size(), counts, indicatorRows));
        text.append(laggingSentence(lagging));
        List<LaggingTask> tasks = new ArrayList<>();
        if (plans != null) {
            Map<String, Object> taskCounts = queries.one("taskCounts", q, Map.of("plans", plans, "regions", taskRegions));
            text.append(taskSentence(taskCounts, ruleValue(q, "task.elapsed_tolerance_points")));
            int rank = 1;
            for (Map<String, Object> t : queries.list("tasks", q, Map.of("plans", plans, "regions", taskRegions, "laggingOnly", 1))) {
                if (tasks.size() == TOP) {
                    break;
                }
                tasks.add(new LaggingTask(rank++, t.get("task_code") + " " + t.get("task_title"), (String) t.get("region_name"),
                        (String) t.get("status"), decimal(t.get("percent_done")), decimal(t.get("elapsed_share_pct")), decimal(t.get("behind_points")),
                        Sentences.flag(t.get("not_started_late"))));
            }
        }
        text.append(unitSentence(units(q, reportDate, cities)));
        List<Section> sections = new ArrayList<>();
        sections.add(new Section(HEADING, text.toString(), new Chart("headline", subject + "纳入监测的" + indicatorRows.size() + "项指标", "项", tiles), null));
        List<LaggingIndicator> rows = new ArrayList<>();
        for (int i = 0; i < lagging.size(); i++) {
            Map<String, Object> r = lagging.get(i);
            rows.add(new LaggingIndicator(i + 1, (String) r.get("indicator_name"), (String) r.get("unit"), decimal(r.get("value")),
                    decimal(r.get(r.get("expected_value") != null ? "expected_value" : "target_value")), gap(r), decimal(r.get("path_ratio")),
                    (String) r.get("status_zh")));
        }
        if (!rows.isEmpty()) {
            sections.add(new Section("滞后程度最大的指标", null, null, new Table("lagging-indicators", null, rows)));
        }
        if (!tasks.isEmpty()) {
            sections.add(new Section("进度最落后的重点任务", null, null, new Table("lagging-tasks", null, tasks)));
        }
        return sections;
    }

    /** The summary of a report without indicators (数据报送情况通报): tiles of units by reporting status. */
    Section submissionsOnly(Quarter q, LocalDate reportDate, Map<String, Object> province, List<String> cities) {
        List<Tile> tiles = new ArrayList<>();
        String text;
        if (province == null) {
            text = "本期尚无报送记录。";
        } else {
            tiles.add(new Tile("应报单位", Sentences.integer(province.get("expected")), "个", null));
            tiles.add(new Tile("按时报送", Sentences.integer(province.get("on_time")), "个", "达标"));
            tiles.add(new Tile("逾期报送", Sentences.integer(province.get("late")), "个", "滞后"));
            tiles.add(new Tile("未报送", Sentences.integer(province.get("missing")), "个", "严重滞后"));
            tiles.add(new Tile("退回后补正", Sentences.integer(province.get("rejected_then_fixed")), "个", null));
            text = "本期应报单位" + province.get("expected") + "个，已接收" + province.get("accepted") + "个，其中按时" + province.get("on_time")
                    + "个、逾期" + province.get("late") + "个；未报送" + province.get("missing") + "个。报送率" + Sentences.percent(province.get("reporting_rate"))
                    + "，及时率" + Sentences.percent(province.get("on_time_rate")) + "。" + unitSentence(units(q, reportDate, cities));
        }
        return new Section(HEADING, text, tiles.isEmpty() ? null : new Chart("headline", "全省报送情况", "个", tiles), null);
    }

    BigDecimal ruleValue(Quarter q, String key) {
        return queries.list("taskRule", q, Map.of()).stream().filter(r -> key.equals(r.get("rule_key")))
                .map(r -> decimal(r.get("rule_value"))).findFirst().orElse(BigDecimal.ZERO);
    }

    static String indicatorSentence(String subject, int total, Map<String, Integer> c, List<Map<String, Object>> rows) {
        if (total == 0) {
            return subject + "本期无纳入监测的指标数据。";
        }
        int ahead = c.get("达标") + c.get("正常推进");
        StringBuilder s = new StringBuilder(subject).append("纳入监测的").append(total).append("项指标中，").append(ahead)
                .append("项达到或超过序时进度（达标").append(c.get("达标")).append("项、正常推进").append(c.get("正常推进")).append("项）；");
        s.append("滞后").append(c.get("滞后")).append("项、严重滞后").append(c.get("严重滞后")).append("项；无数据").append(c.get("无数据")).append("项");
        if (c.get(NOT_SCORED) > 0) {
            Map<String, Integer> other = new LinkedHashMap<>();
            rows.stream().map(r -> (String) r.get("status_zh")).filter(st -> !HEADLINE.contains(st)).forEach(st -> other.merge(st, 1, Integer::sum));
            List<String> parts = new ArrayList<>();
            other.forEach((st, n) -> parts.add(st + n + "项"));
            s.append("；另有").append(c.get(NOT_SCORED)).append("项不评价（").append(String.join("、", parts)).append("）");
        }
        return s.append("。").toString();
    }

    static String laggingSentence(List<Map<String, Object>> lagging) {
        if (lagging.isEmpty()) {
            return "没有滞后或严重滞后的指标。";
        }
        List<String> names = new ArrayList<>();
        for (Map<String, Object> r : lagging) {
            BigDecimal ratio = decimal(r.get("path_ratio"));
            names.add(r.get("indicator_name") + (ratio == null ? "" : ratio.signum() < 0 ? "（较基期倒退）"
                    : "（完成应达进展的" + ratio.movePointRight(2).setScale(0, RoundingMode.HALF_UP).toPlainString() + "%）"));
        }
        return "滞后程度最大的是" + String.join("、", names) + "。";
    }

    static String taskSentence(Map<String, Object> counts, BigDecimal tolerance) {
        int rows = ((Number) counts.get("task_rows")).intValue();
        if (rows == 0) {
            return "本期无重点任务进展数据。";
        }
        return "重点任务进展" + rows + "条，滞后" + ((Number) counts.get("lagging")).intValue() + "条（填报为滞后，或完成进度低于时间进度"
                + tolerance.stripTrailingZeros().toPlainString() + "个百分点以上），时间过半仍未启动"
                + ((Number) counts.get("not_started_late")).intValue() + "条。";
    }

    static String unitSentence(Units units) {
        String s = units.missing().isEmpty() ? "各应报单位均已报送。"
                : "本期未报送（或退回后未重报）的单位" + units.missing().size() + "个：" + String.join("、", units.missing()) + "，其数据显示为“无数据”。";
        return units.late().isEmpty() ? s : s + "逾期报送" + units.late().size() + "个：" + String.join("、", units.late()) + "。";
    }
}
