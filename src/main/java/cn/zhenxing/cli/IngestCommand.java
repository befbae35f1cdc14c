package cn.zhenxing.cli;

import cn.zhenxing.ingest.IngestService;
import cn.zhenxing.ingest.SubmissionProperties;
import cn.zhenxing.workbook.Problem;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Scope;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ingest}: validate and load submitted workbooks. */
@Component
@Scope("prototype")
@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = {"Validate and load submitted forms (files or directories).",
                "One line per file: ACCEPTED|REJECTED|DUPLICATE, file, unit, period, version, errors, warnings, feedback file.",
                "Exit code 0 when nothing was rejected, 2 when any file was rejected, 1 on a system failure."})
class IngestCommand implements Callable<Integer>, NeedsCatalog {

    @Spec
    CommandSpec spec;

    @Parameters(arity = "0..*", paramLabel = "PATH", description = "Workbooks (.xlsx/.xls) or directories of them.")
    List<Path> paths = new ArrayList<>();

    @Option(names = "--dry-run", description = "Check only, as a real ingest decides (duplicates, --unit, --received-on): print the findings, write nothing.")
    boolean dryRun;

    @Option(names = "--inbox", description = "Process every file in the inbox's incoming folder and move it to processed/ or rejected/.")
    boolean inbox;

    @Option(names = "--unit", description = "The submitter's unit code: forms of any other unit are refused.")
    String unit;

    @Option(names = "--by", description = "Who submitted (recorded with the submission).")
    String by;

    @Option(names = "--received-on", description = "Date the files were received (default: now), when loading archived submissions.")
    java.time.LocalDate receivedOn;

    private final ObjectProvider<IngestService> service;
    private final ObjectProvider<SubmissionProperties> properties;

    /** Files accepted by the last run (a dry run accepts nothing): the demo skips refreshing unchanged marts. */
    int accepted;

    IngestCommand(ObjectProvider<IngestService> service, ObjectProvider<SubmissionProperties> properties) {
        this.service = service;
        this.properties = properties;
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (paths.isEmpty() && !inbox) {
            throw new ParameterException(spec.commandLine(), "请给出要导入的文件或目录，或使用 --inbox 处理收件箱。");
        }
        for (Path path : paths) {
            if (!Files.isRegularFile(path) && !Files.isDirectory(path)) {
                throw new ParameterException(spec.commandLine(), "找不到文件或目录：" + path);
            }
        }
        IngestService ingest = service.getObject();
        LocalDateTime receivedAt = receivedOn == null ? null : receivedOn.atTime(9, 0);
        List<IngestService.Outcome> outcomes = new ArrayList<>();
        if (dryRun) {
            // The same decision as a real ingest of the same arguments, minus every write.
            List<Path> checked = inbox ? List.of(properties.getObject().incoming()) : paths;
            if (inbox && !Files.isDirectory(checked.get(0))) {
                out.println("收件箱为空：" + checked.get(0));
            } else {
                outcomes.addAll(ingest.dryRun(checked, unit, receivedAt, o -> print(out, o, true)));
            }
        } else if (inbox) {
            outcomes.addAll(ingest.ingestInbox(o -> print(out, o, false)));
        } else {
            outcomes.addAll(ingest.ingest(paths, "cli", by, unit, receivedAt, o -> print(out, o, false)));
        }
        accepted = dryRun ? 0 : (int) outcomes.stream().filter(o -> o.status() == IngestService.Status.ACCEPTED).count();
        if (outcomes.stream().anyMatch(o -> o.status() == IngestService.Status.FAILED)) {
            return ExitCodes.SYSTEM_FAILURE;
        }
        return outcomes.stream().anyMatch(o -> o.status() == IngestService.Status.REJECTED) ? ExitCodes.REJECTED : ExitCodes.OK;
    }

    private static void print(PrintWriter out, IngestService.Outcome o, boolean dryRun) {
        String status = dryRun && o.status() == IngestService.Status.ACCEPTED ? "OK(dry-run)" : o.status().name();
        out.printf("%-9s %s  unit=%s  period=%s  version=%s  errors=%d  warnings=%d  feedback=%s%n", status, o.file(),
                dash(o.unitCode()), dash(o.periodCode()), o.version() == null || o.version() == 0 ? "-" : o.version(), o.errors(), o.warnings(),
                o.feedback() == null ? "-" : o.feedback());
        if (o.failure() != null) {
            out.println("    system failure: " + o.failure());
        }
        if (o.status() == IngestService.Status.DUPLICATE) {
            out.flush();
            return; // its findings were printed when it was first received: nothing new to say
        }
        int shown = 0;
        for (Problem p : o.problems()) {
            if (p.isError() || o.status() != IngestService.Status.REJECTED) {
                if (shown++ == 20) {
                    out.println("    ……其余问题见反馈文件");
                    break;
                }
                out.println("    " + p.describeZh());
            }
        }
        out.flush();
    }

    private static String dash(String s) {
        return s == null ? "-" : s;
    }
}
