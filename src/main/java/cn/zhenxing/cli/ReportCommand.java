package cn.zhenxing.cli;

import cn.zhenxing.report.ReportName;
import cn.zhenxing.report.ReportService;
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
import picocli.CommandLine.Spec;

/** {@code report}: render the quarterly reports as PDF (leaders) and XLSX (staff). */
@Component
@Scope("prototype")
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Render quarterly reports from the marts: revitalization, yellow-river, fyp-indicators, completeness.")
class ReportCommand implements Callable<Integer> {

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

    @Option(names = "--region", description = "City edition (revitalization only), e.g. 140400.")
    String region;

    @Option(names = "--format", split = ",", defaultValue = "pdf,xlsx", description = "pdf, xlsx or both (default: ${DEFAULT-VALUE}).")
    List<String> formats;

    @Option(names = "--out", defaultValue = "out/reports", description = "Output directory (default: ${DEFAULT-VALUE}).")
    Path out;

    private final ObjectProvider<ReportService> reports;

    ReportCommand(ObjectProvider<ReportService> reports) {
        this.reports = reports;
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
            if (region != null && (which.all || names.get(0) != ReportName.REVITALIZATION)) {
                throw new IllegalArgumentException("--region (city edition) is available for --name revitalization only");
            }
            TextTable t = new TextTable("报告", "文件");
            for (ReportName name : names) {
                for (Path file : reports.getObject().render(name, period, region, formats, out)) {
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
