package cn.zhenxing.cli;

import cn.zhenxing.ingest.IngestService;
import cn.zhenxing.workbook.Problem;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Scope;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ingest}: validate and load submitted workbooks. */
@Component
@Scope("prototype")
@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = {"Validate and load submitted forms (files or directories).",
                "One line per file: ACCEPTED|REJECTED|DUPLICATE, file, unit, period, version, errors, warnings, feedback file.",
                "Exit code 0 when nothing was rejected, 2 when any file was rejected, 1 on a system failure."})
class IngestCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(arity = "0..*", paramLabel = "PATH", description = "Workbooks (.xlsx/.xls) or directories of them.")
    List<Path> paths = new ArrayList<>();

    @Option(names = "--dry-run", description = "Check only: print the findings, load nothing, write nothing.")
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

    IngestCommand(ObjectProvider<IngestService> service) {
        this.service = service;
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (paths.isEmpty() && !inbox) {
            spec.commandLine().getErr().println("Give files or directories to ingest, or --inbox.");
            return ExitCodes.REJECTED;
        }
        for (Path path : paths) {
            if (!java.nio.file.Files.exists(path)) {
                spec.commandLine().getErr().println("No such file or directory: " + path);
                return ExitCodes.REJECTED;
            }
        }
        IngestService ingest = service.getObject();
        List<IngestService.Outcome> outcomes = new ArrayList<>();
        if (dryRun) {
            for (Path path : paths) {
                IngestService.Outcome o = ingest.dryRun(path);
                print(out, o, true);
                outcomes.add(o);
            }
        } else if (inbox) {
            outcomes.addAll(ingest.ingestInbox(o -> print(out, o, false)));
        } else {
            outcomes.addAll(ingest.ingest(paths, "cli", by, unit, receivedOn == null ? null : receivedOn.atTime(9, 0),
                    o -> print(out, o, false)));
        }
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
