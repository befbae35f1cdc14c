package cn.zhenxing.report;

import cn.zhenxing.report.ReportDocument.Row;
import cn.zhenxing.report.ReportDocument.Section;
import cn.zhenxing.report.ReportDocument.Table;
import cn.zhenxing.warehouse.Quarter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The water and air indicators the marts compute from the monitoring forms' readings
 * (mart_monitoring_indicator): for the province, a planning area and its cities, each figure with the
 * target of the indicator it feeds and its lineage (points, readings, months, files). Table template
 * {@code monitoring-table}.
 */
@Component
class MonitoringSection {

    /** Files listed by number in a row; more are counted only. */
    static final int FILES_LISTED = 4;

    /** monitoring-table */
    record MonitoringRow(String indicator, String region, BigDecimal value, String unit, String target, String status, Integer points,
                         Integer readings, String months, String files) implements Row {
        public Map<String, Object> fields() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("indicator", indicator);
            m.put("region", region);
            m.put("value", value);
            m.put("unit", unit);
            m.put("target", target);
            m.put("status", status);
            m.put("points", points);
            m.put("readings", readings);
            m.put("months", months);
            m.put("files", files);
            return m;
        }
    }

    private final ReportQueries queries;

    MonitoringSection(ReportQueries queries) {
        this.queries = queries;
    }

    /** The section, or null when the quarter has no figure from monitoring readings. */
    Section section(String heading, Quarter q, String area, List<String> cities) {
        List<Map<String, Object>> marts = queries.list("monitoringIndicators", q, Map.of("area", area, "cities", cities));
        if (marts.isEmpty()) {
            return null;
        }
        List<MonitoringRow> rows = marts.stream().map(MonitoringSection::row).toList();
        String text = "以下指标由各单位报送的地表水断面水质月报和环境空气质量日报的监测读数计算：比例为符合条件的断面·月次或站点·日数占全部读数之比，"
                + "浓度为读数的算术平均；全省、规划范围和各市均由所辖断面、站点的读数重新计算，不由下级比例平均。年初至今的比例和浓度即相应规划指标的本期值"
                + "（有目标值的一并列出）。每项所依据的读数可逐条追溯到报送文件及单元格，“来源文件”列出其报送编号。";
        return new Section(heading, text, null, new Table("monitoring-table", "监测数据指标", rows));
    }

    static MonitoringRow row(Map<String, Object> r) {
        String target = r.get("target_value") != null
                ? plain(r.get("target_value")) + (r.get("target_year") == null ? "" : "（" + r.get("target_year") + "）")
                : (String) r.get("target_text");
        if (target != null && Boolean.TRUE.equals(r.get("target_inherited"))) {
            target += "*";
        }
        BigDecimal value = r.get("value") == null ? null : new BigDecimal(r.get("value").toString()).setScale(2, RoundingMode.HALF_UP);
        return new MonitoringRow((String) r.get("indicator_name"), (String) r.get("scope_name"), value, (String) r.get("unit"), target,
                r.get("feeds_indicator") == null ? null : (String) r.get("status_zh"), integer(r.get("points")), integer(r.get("readings")),
                months(date(r.get("first_month")), date(r.get("last_month"))), files(integer(r.get("files")), (String) r.get("submissions")));
    }

    /** 10—12月, or 12月 for one month (of the report's year: a window never spans two). */
    static String months(LocalDate first, LocalDate last) {
        if (first == null || last == null) {
            return null;
        }
        return first.getMonthValue() + (first.equals(last) ? "" : "—" + last.getMonthValue()) + "月";
    }

    /** "3份：#12、#13、#15", or the first few numbers and 等 when there are more. */
    static String files(Integer count, String submissions) {
        if (count == null || submissions == null || submissions.isEmpty()) {
            return null;
        }
        List<String> ids = Arrays.asList(submissions.split(","));
        String listed = String.join("、", ids.stream().limit(FILES_LISTED).map(id -> "#" + id).toList());
        return count + "份：" + listed + (count > FILES_LISTED ? "等" : "");
    }

    private static LocalDate date(Object o) {
        return o instanceof java.sql.Date d ? d.toLocalDate() : o instanceof LocalDate l ? l : null;
    }

    private static Integer integer(Object o) {
        return o == null ? null : ((Number) o).intValue();
    }

    private static String plain(Object number) {
        return new BigDecimal(number.toString()).stripTrailingZeros().toPlainString();
    }
}
