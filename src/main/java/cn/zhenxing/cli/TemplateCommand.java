package cn.zhenxing.cli;

import cn.zhenxing.bulk.MonitoringFiles;
import cn.zhenxing.bulk.MonitoringForm;
import java.time.YearMonth;

import cn.zhenxing.form.FormContent;
import cn.zhenxing.form.FormContentService;
import cn.zhenxing.form.FormDefinition;
import cn.zhenxing.form.TemplateWriter;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashSet;
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

/** {@code template}: the blank quarterly forms the province sends to its reporting units. */
@Component
@Scope("prototype")
@Command(name = "template", mixinStandardHelpOptions = true,
        description = "Write the blank quarterly form (.xlsx) of one or more reporting units, or of every unit, for a quarter. "
                + "Prints one line per file: unit, period, rows of 表1/表2/表3, path. With a month (--period 2025M10): the monitoring forms "
                + "(地表水断面水质月报, 环境空气质量日报) pre-filled with the unit's sections and stations.")
class TemplateCommand implements Callable<Integer>, NeedsCatalog {

    static class Which {
        @Option(names = "--unit", paramLabel = "CODE", required = true, split = ",",
                description = "Reporting unit code, e.g. 140400 (长治市); repeatable or comma-separated.")
        List<String> units;

        @Option(names = "--all", required = true, description = "Every reporting unit.")
        boolean all;
    }

    @Spec
    CommandSpec spec;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Which which;

    @Option(names = "--period", required = true, paramLabel = "YYYYQn|YYYYMmm", description = "Quarter, e.g. 2025Q3; or a month, e.g. 2025M10, for the monitoring forms.")
    String period;

    @Option(names = "--form", paramLabel = "CODE", split = ",",
            description = "With a month: only these monitoring forms (water_monthly, air_daily; default: both).")
    List<String> forms;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "./out/forms", description = "Output directory (default: ${DEFAULT-VALUE}).")
    Path out;

    private final ObjectProvider<FormContentService> contents;
    private final ObjectProvider<TemplateWriter> writer;
    private final ObjectProvider<MonitoringFiles> monitoring;

    TemplateCommand(ObjectProvider<FormContentService> contents, ObjectProvider<TemplateWriter> writer, ObjectProvider<MonitoringFiles> monitoring) {
        this.contents = contents;
        this.writer = writer;
        this.monitoring = monitoring;
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter stdout = spec.commandLine().getOut();
        FormContentService service = contents.getObject();
        List<String> units;
        YearMonth month = null;
        List<MonitoringForm> monitoringForms = null;
        try {
            // Check the period and every unit before writing anything: a typo writes no file.
            if (period.contains("M")) {
                month = MonitoringFiles.month(period);
                monitoringForms = monitoring.getObject().forms(forms);
            } else {
                service.period(period);
            }
            units = which.all ? service.unitCodes() : List.copyOf(new LinkedHashSet<>(which.units));
            units.forEach(service::unit);
        } catch (IllegalArgumentException e) {
            spec.commandLine().getErr().println(e.getMessage());
            return ExitCodes.REJECTED;
        }
        if (month != null) {
            return monitoringTemplates(stdout, units, month, monitoringForms);
        }
        FormDefinition def = FormDefinition.load();
        int n = 0;
        for (String unit : units) {
            FormContent content = service.content(unit, period);
            Path file = writer.getObject().write(def, content, out);
            stdout.printf("[%d/%d] %s  %s  %d/%d/%d  %s%n", ++n, units.size(), unit, content.period().code(),
                    content.indicators().size(), content.tasks().size(), content.projects().size(), file);
            stdout.flush();
        }
        stdout.printf("%d form(s) written to %s (rows: 表1/表2/表3).%n", n, out);
        return ExitCodes.OK;
    }

    private int monitoringTemplates(PrintWriter stdout, List<String> units, YearMonth month, List<MonitoringForm> monitoringForms) throws Exception {
        int n = 0;
        for (String unit : units) {
            for (MonitoringFiles.Written w : monitoring.getObject().templates(unit, month, monitoringForms, out)) {
                stdout.printf("[%d] %s  %s  %s  %d rows  %s%n", ++n, unit, w.period(), w.form().formCode(), w.rows(), w.file());
                stdout.flush();
            }
        }
        stdout.printf("%d monitoring form(s) written to %s (units without sections or stations of a form get none of it).%n", n, out);
        return ExitCodes.OK;
    }
}
