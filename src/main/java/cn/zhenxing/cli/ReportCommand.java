package cn.zhenxing.cli;

import cn.zhenxing.report.ReportName;
import cn.zhenxing.report.ReportService;
import cn.zhenxing.report.ReportSettings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Scope;
import org.springframework.stereotype.Component;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code report}: render the quarterly reports as PDF (leaders) and XLSX (staff). */
@Component
@Scope("prototype")
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Render quarterly reports from the marts: revitalization, yellow-river, fyp-indicators, completeness.")
class ReportCommand implements Callable<Integer>, NeedsCatalog {

    @Spec
    CommandSpec spec;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Which which;

    static class Which {
        @Option(names = "--name", description = "revitalization | yellow-river | fyp-indicators | completeness")
        String name;

        @Option(names = "--all", description = "All four reports (province editions).")
        boolean all;
    }

    @Option(names = "--period", required = true, description = "Quarter, e.g. 2025Q3.")
    String period;

    @Option(names = "--region", description = "City edition (revitalization only): a city's code or name, e.g. 140400, 长治市 or 长治.")
    String region;

    @Option(names = "--format", split = ",", defaultValue = "pdf,xlsx", description = "pdf, xlsx or both (default: ${DEFAULT-VALUE}).")
    List<String> formats;

    @Option(names = "--as-of", description = "Report date (e.g. 2026-01-20): on the cover, days overdue are counted to it "
            + "(default: the quarter's report date from the reporting calendar, 20 days after the quarter, not after today).")
    java.time.LocalDate asOf;

    @Option(names = "--out", defaultValue = "out/reports", description = "Output directory (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--preliminary", description = "Figures from data not yet approved in the review round: mark (as 初步数) or omit; "
            + "default: the setting zhenxing.reports.preliminary (mark).")
    String preliminary;

    private final ObjectProvider<ReportService> reports;
    private final Arguments arguments;

    ReportCommand(ObjectProvider<ReportService> reports, Arguments arguments) {
        this.reports = reports;
        this.arguments = arguments;
    }

    @Override
    public Integer call() throws Exception {
        List<ReportName> names = new ArrayList<>();
        try {
            if (which.all) {
                names.addAll(Arrays.asList(ReportName.values()));
            } else {
                names.add(ReportName.of(which.name));
            }
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        period = arguments.period(spec, period).code();
        if (region != null) {
            if (which.all || names.get(0) != ReportName.REVITALIZATION) {
                throw new ParameterException(spec.commandLine(), "--region（市级版）只适用于 --name revitalization。");
            }
            region = arguments.region(spec, region).code();
        }
        for (String format : formats) {
            if (!List.of("pdf", "xlsx").contains(format)) {
                throw new ParameterException(spec.commandLine(), "--format 只能是 pdf、xlsx 或 pdf,xlsx：" + format);
            }
        }
        ReportSettings.Preliminary choice = null;
        if (preliminary != null) {
            choice = switch (preliminary.strip().toLowerCase(java.util.Locale.ROOT)) {
                case "mark" -> ReportSettings.Preliminary.MARK;
                case "omit" -> ReportSettings.Preliminary.OMIT;
                default -> throw new ParameterException(spec.commandLine(), "--preliminary 只能是 mark（标注初步数）或 omit（不列初步数）：" + preliminary);
            };
        }
        try {
            TextTable t = new TextTable("报告", "文件");
            for (ReportName name : names) {
                for (Path file : reports.getObject().render(name, period, region, formats, asOf, out, choice)) {
                    t.row(name.titleZh(), file);
                }
            }
            t.print(spec.commandLine().getOut());
            return ExitCodes.OK;
        } catch (IllegalArgumentException e) {
            spec.commandLine().getErr().println(e.getMessage());
            return ExitCodes.REJECTED;
        }
    }
}
