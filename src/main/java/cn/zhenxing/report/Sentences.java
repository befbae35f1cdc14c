package cn.zhenxing.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The sentences and number formats the reports share. */
final class Sentences {

    static final List<String> SCORED = List.of("达标", "正常推进", "滞后", "严重滞后");
    static final List<String> STATUSES = List.of("达标", "正常推进", "滞后", "严重滞后", "数据不全", "无数据", "无目标", "无本级基期", "无基期", "不可汇总");
    private static final Pattern CATEGORY = Pattern.compile("([一二三四五六七八九十]+、[^(（\\s]+)");

    private Sentences() {
    }

    /** Project totals over cities. */
    record ProjectTotals(BigDecimal plan, BigDecimal ytd, int projects, int stalled) {
    }

    /** "长治市指标26项：达标5项、正常推进5项……。" */
    static String statusSentence(String subject, Map<String, Integer> counts) {
        int total = counts.values().stream().mapToInt(Integer::intValue).sum();
        if (total == 0) {
            return subject + "本期无指标数据。";
        }
        List<String> parts = new ArrayList<>();
        for (String status : STATUSES) {
            if (counts.getOrDefault(status, 0) > 0) {
                parts.add(status + counts.get(status) + "项");
            }
        }
        return subject + "指标" + total + "项：" + String.join("、", parts) + "。";
    }

    static String taskSentence(Map<String, Object> counts) {
        int rows = ((Number) counts.get("task_rows")).intValue();
        int notStarted = ((Number) counts.get("not_started_late")).intValue();
        return rows == 0 ? "" : "重点任务进展" + rows + "条，其中滞后" + ((Number) counts.get("lagging")).intValue() + "条"
                + (notStarted == 0 ? "" : "，时间过半仍未启动" + notStarted + "条") + "。";
    }

    /** "2026年1月10日 9:00", as Chinese documents write a time. */
    static String dateTime(Object value) {
        if (value == null) {
            return null;
        }
        LocalDateTime t = value instanceof Timestamp ts ? ts.toLocalDateTime() : (LocalDateTime) value;
        return date(t.toLocalDate()) + " " + t.getHour() + ":" + String.format("%02d", t.getMinute());
    }

    /** "2026年1月15日". */
    static String date(Object value) {
        if (value == null) {
            return null;
        }
        LocalDate d = value instanceof Date sd ? sd.toLocalDate() : (LocalDate) value;
        return d.getYear() + "年" + d.getMonthValue() + "月" + d.getDayOfMonth() + "日";
    }

    /** A BOOLEAN column as the driver returns it (Boolean, or a number). */
    static boolean flag(Object value) {
        return value instanceof Boolean b ? b : value instanceof Number n && n.intValue() != 0;
    }

    static String projectSentence(ProjectTotals totals) {
        if (totals.projects() == 0) {
            return "";
        }
        BigDecimal plan = totals.plan();
        BigDecimal ytd = totals.ytd();
        String share = plan.signum() == 0 ? "" : "，完成年度计划的" + ytd.multiply(BigDecimal.valueOf(100)).divide(plan, 1, RoundingMode.HALF_UP) + "%";
        return "重大项目" + totals.projects() + "个，年度计划投资" + plain(plan) + "亿元，年初至今完成" + plain(ytd) + "亿元" + share
                + "；连续两个季度无进展的项目" + totals.stalled() + "个。";
    }

    /** "三、绿色生态" from a dim_indicator section heading. */
    static String category(String section) {
        if (section == null) {
            return "其他";
        }
        Matcher m = CATEGORY.matcher(section);
        return m.find() ? m.group(1) : "其他";
    }

    static String plain(Object value) {
        return ((BigDecimal) value).setScale(2, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }

    static String percent(Object ratio) {
        return ratio == null ? "—" : ((BigDecimal) ratio).movePointRight(2).setScale(1, RoundingMode.HALF_UP).toPlainString() + "%";
    }

    static double number(Object value) {
        return value == null ? 0 : ((Number) value).doubleValue();
    }

    static double hundred(Object ratio) {
        return ratio == null ? 0 : ((Number) ratio).doubleValue() * 100;
    }

    static Integer integer(Object value) {
        return value == null ? null : ((Number) value).intValue();
    }

    static BigDecimal decimal(Object value) {
        return value == null ? null : value instanceof BigDecimal d ? d : new BigDecimal(value.toString());
    }
}
