package cn.zhenxing.cli;

import cn.zhenxing.retention.FileRetention;
import java.io.PrintWriter;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Scope;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code files prune [--dry-run]}: the retention policy for received files (zhenxing.retention.*). */
@Component
@Scope("prototype")
@Command(name = "files", mixinStandardHelpOptions = true, subcommands = FilesCommand.Prune.class,
        description = "Received files (inbox, portal uploads) under the retention policy.")
class FilesCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Component
    @Scope("prototype")
    @Command(name = "prune", mixinStandardHelpOptions = true,
            description = "Delete received files past their retention (rejected files and their feedback after "
                    + "zhenxing.retention.rejected-days, copies of accepted bytes kept elsewhere after duplicate-days); "
                    + "files of accepted versions are never deleted. --dry-run lists what would go and deletes nothing.")
    static class Prune implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Option(names = "--dry-run", description = "List what would be deleted, delete nothing.")
        boolean dryRun;

        private final ObjectProvider<FileRetention> retention;

        Prune(ObjectProvider<FileRetention> retention) {
            this.retention = retention;
        }

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            FileRetention files = retention.getObject();
            FileRetention.Plan plan = files.plan(LocalDateTime.now());
            List<FileRetention.Candidate> listed = dryRun ? plan.prune() : files.prune(plan, "cli " + System.getProperty("user.name"));
            if (!listed.isEmpty()) {
                TextTable t = new TextTable("file", "reason", "bytes", "submission");
                listed.forEach(c -> t.row(c.path(), c.reason().name().toLowerCase(), c.bytes(), c.submissionId()));
                t.print(out);
            }
            long bytes = listed.stream().mapToLong(FileRetention.Candidate::bytes).sum();
            out.printf("%s %d file(s), %s%n", dryRun ? "Would delete" : "Deleted", listed.size(), megabytes(bytes));
            for (Map.Entry<FileRetention.Kept, FileRetention.Tally> e : plan.kept().entrySet()) {
                out.printf("Kept %d file(s), %s: %s%n", e.getValue().files(), megabytes(e.getValue().bytes()), e.getKey().meaning);
            }
            return ExitCodes.OK;
        }

        private static String megabytes(long bytes) {
            return String.format("%.1f MB", bytes / 1048576.0);
        }
    }
}
