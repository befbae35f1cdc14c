package cn.zhenxing.cli;

import cn.zhenxing.submission.FormContent;
import cn.zhenxing.submission.FormContentService;
import cn.zhenxing.submission.FormDefinition;
import cn.zhenxing.submission.TemplateWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code template}: the blank quarterly forms the province sends to its reporting units. */
@Component
@Command(name = "template", mixinStandardHelpOptions = true,
        description = "Write the blank quarterly form (.xlsx) of a reporting unit, or of every unit, for a quarter.")
class TemplateCommand implements Callable<Integer> {

    static class Which {
        @Option(names = "--unit", required = true, description = "Reporting unit code, e.g. 140400 (长治市).")
        List<String> units;

        @Option(names = "--all", required = true, description = "Every reporting unit.")
        boolean all;
    }

    @Spec
    CommandSpec spec;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Which which;

    @Option(names = "--period", required = true, description = "Quarter, e.g. 2025Q3.")
    String period;

    @Option(names = "--out", defaultValue = "./out/forms", description = "Directory (default: ${DEFAULT-VALUE}).")
    Path out;

    private final ObjectProvider<FormContentService> contents;
    private final ObjectProvider<TemplateWriter> writer;

    TemplateCommand(ObjectProvider<FormContentService> contents, ObjectProvider<TemplateWriter> writer) {
        this.contents = contents;
        this.writer = writer;
    }

    @Override
    public Integer call() throws Exception {
        FormDefinition def = FormDefinition.load();
        List<String> units = which.all ? contents.getObject().unitCodes() : which.units;
        int n = 0;
        for (String unit : units) {
            FormContent content;
            try {
                content = contents.getObject().content(unit, period);
            } catch (IllegalArgumentException e) {
                spec.commandLine().getErr().println(e.getMessage());
                return ExitCodes.REJECTED;
            }
            Path file = writer.getObject().write(def, content, out);
            spec.commandLine().getOut().printf("[%d/%d] %s  %s  表1 %d行 表2 %d行 表3 %d行  %s%n", ++n, units.size(), unit, period,
                    content.indicators().size(), content.tasks().size(), content.projects().size(), file);
        }
        return ExitCodes.OK;
    }
}
