package cn.zhenxing.cli;

import cn.zhenxing.calendar.ReportingCalendar;
import cn.zhenxing.mart.MartQueries;
import cn.zhenxing.warehouse.Quarter;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/**
 * Reads the arguments users type that name something in the warehouse (a quarter, a planning area, a
 * region). A value that names nothing, or more than one thing, is a usage error (exit code 2) with a
 * Chinese message that says what to type instead.
 */
@Component
class Arguments {

    private final ObjectProvider<ReportingCalendar> calendar;
    private final ObjectProvider<MartQueries> marts;

    Arguments(ObjectProvider<ReportingCalendar> calendar, ObjectProvider<MartQueries> marts) {
        this.calendar = calendar;
        this.marts = marts;
    }

    /** A quarter of the catalog's calendar: 2025Q3. */
    Quarter period(CommandSpec spec, String code) {
        try {
            return calendar.getObject().knownQuarter(code);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    /** A planning area by code, full name or an unambiguous part of its name (黄河流域). */
    MartQueries.Scope area(CommandSpec spec, String key) {
        return one(spec, key, marts.getObject().areasMatching(key.strip()), "规划区域",
                "规划区域可用代码或名称，如 TAIHANG_OLD_AREA、太行革命老区、黄河流域；现有："
                        + marts.getObject().areas().stream().map(a -> (String) a.get("name_zh")).collect(Collectors.joining("、")) + "。");
    }

    /** A current region by code, full name or an unambiguous part of its name (长治). */
    MartQueries.Scope region(CommandSpec spec, String key) {
        return one(spec, key, marts.getObject().regionsMatching(key.strip()), "地区",
                "地区可用行政区划代码或名称，如 140400、长治市、长治。");
    }

    private MartQueries.Scope one(CommandSpec spec, String key, List<MartQueries.Scope> found, String what, String hint) {
        if (found.size() == 1) {
            return found.get(0);
        }
        if (found.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "未找到" + what + "“" + key + "”。" + hint);
        }
        throw new ParameterException(spec.commandLine(), "“" + key + "”可指多个" + what + "："
                + found.stream().map(marts.getObject()::describe).collect(Collectors.joining("、")) + "。请写全称或代码。");
    }
}
