package cn.zhenxing.cli;

import cn.zhenxing.bulk.MonitoringFiles;
import cn.zhenxing.samples.MonitoringSampleGenerator;
import cn.zhenxing.samples.SampleGenerator;
import java.nio.file.Path;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Scope;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code samples generate}: every unit's form filled with plausible, deterministic values. */
@Component
@Scope("prototype")
@Command(name = "samples", mixinStandardHelpOptions = true, description = "Sample submissions for demos and tests.")
class SamplesCommand implements NeedsCatalog {

    @Spec
    CommandSpec spec;

    private final ObjectProvider<SampleGenerator> generator;
    private final ObjectProvider<MonitoringSampleGenerator> monitoring;

    SamplesCommand(ObjectProvider<SampleGenerator> generator, ObjectProvider<MonitoringSampleGenerator> monitoring) {
        this.generator = generator;
        this.monitoring = monitoring;
    }

    @Command(name = "monitoring", mixinStandardHelpOptions = true,
            description = "A unit's filled monitoring forms (地表水断面水质月报, 环境空气质量日报) for some months: every section and station "
                    + "of the unit, deterministic plausible readings that pass every check.")
    int monitoring(@Option(names = "--month", required = true, split = ",", description = "Months, e.g. 2025M10 (repeatable or comma-separated).")
                   List<String> months,
                   @Option(names = "--unit", defaultValue = "140000", description = "Reporting unit (default: ${DEFAULT-VALUE}, the province: every point).")
                   String unit,
                   @Option(names = "--form", split = ",", description = "Only these forms (water_monthly, air_daily; default: both).") List<String> forms,
                   @Option(names = "--out", defaultValue = "./out/samples/monitoring", description = "Directory (default: ${DEFAULT-VALUE}).") Path out)
            throws Exception {
        try {
            List<MonitoringFiles.Written> files = monitoring.getObject().generate(unit, months.stream().map(MonitoringFiles::month).toList(), forms, out);
            files.forEach(f -> spec.commandLine().getOut().println(f.file()));
            spec.commandLine().getOut().printf("%d monitoring sample form(s) of %s in %s%n", files.size(), unit, out);
            return ExitCodes.OK;
        } catch (IllegalArgumentException e) {
            spec.commandLine().getErr().println(e.getMessage());
            return ExitCodes.REJECTED;
        }
    }

    @Command(name = "generate", mixinStandardHelpOptions = true,
            description = "Fill every unit's form for a quarter (values follow each indicator's path from baseline to target).")
    int generate(@Option(names = "--period", required = true, description = "Quarter, e.g. 2025Q3.") String period,
                 @Option(names = "--out", defaultValue = "./out/samples", description = "Directory (default: ${DEFAULT-VALUE}).") Path out,
                 @Option(names = "--unit", description = "Only these units (default: all).") List<String> units,
                 @Option(names = "--except", description = "All units but these (a demo's missing or late units).") List<String> except)
            throws Exception {
        try {
            List<Path> files = generator.getObject().generate(period, out, units, except);
            files.forEach(f -> spec.commandLine().getOut().println(f));
            spec.commandLine().getOut().printf("%d sample form(s) for %s in %s%n", files.size(), period, out);
            return ExitCodes.OK;
        } catch (IllegalArgumentException e) {
            spec.commandLine().getErr().println(e.getMessage());
            return ExitCodes.REJECTED;
        }
    }

    @Command(name = "jump", mixinStandardHelpOptions = true,
            description = "One unit's sample form with one row's 本期值 multiplied (a 核实 finding against last year), with or without "
                    + "a 说明 in its 备注: the demo's planted mistake.")
    int jump(@Option(names = "--period", required = true, description = "Quarter, e.g. 2025Q4.") String period,
             @Option(names = "--out", defaultValue = "./out/samples", description = "Directory (default: ${DEFAULT-VALUE}).") Path out,
             @Option(names = "--unit", required = true, description = "The unit whose form it is, e.g. 140400.") String unit,
             @Option(names = "--region", required = true, description = "The row's region code, e.g. 140423.") String region,
             @Option(names = "--indicator", required = true, description = "The row's indicator code, e.g. FYP14-B18.") String indicator,
             @Option(names = "--factor", defaultValue = "1.6", description = "How many times the plausible value (default: ${DEFAULT-VALUE}).")
             double factor,
             @Option(names = "--note", description = "The 说明 written into the row's 备注 (default: none).") String note)
            throws Exception {
        try {
            List<Path> files = List.of(generator.getObject().generateWithJump(period, out, unit, region, indicator, factor, note));
            files.forEach(f -> spec.commandLine().getOut().println(f));
            spec.commandLine().getOut().printf("%d sample form(s) for %s in %s%n", files.size(), period, out);
            return ExitCodes.OK;
        } catch (IllegalArgumentException e) {
            spec.commandLine().getErr().println(e.getMessage());
            return ExitCodes.REJECTED;
        }
    }
}
