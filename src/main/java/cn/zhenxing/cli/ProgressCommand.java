package cn.zhenxing.cli;

import cn.zhenxing.mart.MartQueries;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Scope;
import org.springframework.stereotype.Component;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code progress}: indicator progress against the plans' targets for one region or planning area. */
@Component
@Scope("prototype")
@Command(name = "progress", mixinStandardHelpOptions = true,
        description = "Print indicator progress for a quarter: value, year-ago, baseline, target, expected value, attainment, status.")
class ProgressCommand implements Callable<Integer>, NeedsCatalog {

    static final Map<String, String> SOURCES = Map.of("reported", "上报", "sum", "加总", "recompute", "分子分母重算",
            "weighted", "人口加权", "none", "");

    @Spec
    CommandSpec spec;

    @Option(names = "--period", required = true, description = "Quarter, e.g. 2025Q3.")
    String period;

    @ArgGroup(exclusive = true)
    Where where = new Where();

    static class Where {
        @Option(names = "--region", description = "Region code, name or an unambiguous part of it, e.g. 140400, 长治市 or 长治 (default: 山西省).")
        String region;

        @Option(names = "--area", description = "Planning area code, name or an unambiguous part of it, e.g. TAIHANG_OLD_AREA, 太行革命老区 or 黄河流域.")
        String area;
    }

    @Option(names = "--indicator", description = "Only this indicator code, e.g. FYP14-04.")
    String indicator;

    @Option(names = "--status", description = "Only rows with this status: 达标, 正常推进, 滞后, 严重滞后, 无本级基期, 无基期, 无目标, 无数据, 数据不全.")
    String status;

    private final ObjectProvider<MartQueries> queries;
    private final Arguments arguments;

    ProgressCommand(ObjectProvider<MartQueries> queries, Arguments arguments) {
        this.queries = queries;
        this.arguments = arguments;
    }

    @Override
    public Integer call() {
        MartQueries marts = queries.getObject();
        PrintWriter out = spec.commandLine().getOut();
        cn.zhenxing.warehouse.Quarter quarter = arguments.period(spec, period);
        period = quarter.code();
        String label = quarter.labelZh();
        MartQueries.Scope scope = where.area != null ? arguments.area(spec, where.area)
                : arguments.region(spec, where.region != null ? where.region : "140000");
        LocalDateTime asOf = marts.lastRefresh(period);
        if (asOf == null) {
            spec.commandLine().getErr().println(period + " 尚无汇总数据：请先报送并接收该季度的报表，或运行 marts refresh。");
            return ExitCodes.REJECTED;
        }
        List<Map<String, Object>> rows = marts.progress(period, scope, indicator, status);
        out.printf("%s %s 指标进展（数据截至 %s）%n", scope.name(), label, asOf.withNano(0).toString().replace('T', ' '));
        TextTable t = new TextTable("指标编码", "指标名称", "单位", "本期值", "来源", "报送地区", "上年同期", "基期值", "目标值",
                "应达值", "完成度", "状态");
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (Map<String, Object> r : rows) {
            counts.merge((String) r.get("status_zh"), 1, Integer::sum);
            boolean parts = ((Number) r.get("contributing_regions")).intValue() > 1 || !"reported".equals(r.get("value_source"));
            t.row(r.get("indicator_code"), r.get("indicator_name"), r.get("unit"), number(r.get("value")),
                    SOURCES.getOrDefault((String) r.get("value_source"), ""),
                    parts ? r.get("reporting_regions") + "/" + r.get("contributing_regions") : "",
                    number(r.get("value_year_ago")),
                    r.get("baseline_value") == null ? "" : number(r.get("baseline_value")) + "（" + r.get("baseline_year") + "）",
                    target(r), number(r.get("expected_value")), percent(r.get("attainment")), r.get("status_zh"));
        }
        t.print(out);
        StringBuilder summary = new StringBuilder("共 " + rows.size() + " 项：");
        counts.forEach((k, v) -> summary.append(k).append(' ').append(v).append("  "));
        out.println(summary.toString().strip());
        out.println("“目标值”带 * 的为参照全省目标；完成度 = (本期值-基期值)/(目标值-基期值)；口径见 docs/marts.md。");
        out.flush();
        return ExitCodes.OK;
    }

    private static String target(Map<String, Object> r) {
        if (r.get("target_value") == null) {
            return r.get("target_text") == null ? "" : (String) r.get("target_text");
        }
        String text = number(r.get("target_value")) + "（" + r.get("target_year") + "）";
        return Boolean.TRUE.equals(r.get("target_inherited")) ? text + "*" : text;
    }

    static String number(Object value) {
        if (value == null) {
            return "";
        }
        BigDecimal d = (BigDecimal) value;
        return d.setScale(2, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }

    static String percent(Object value) {
        if (value == null) {
            return "";
        }
        return ((BigDecimal) value).movePointRight(2).setScale(1, RoundingMode.HALF_UP).toPlainString() + "%";
    }
}
