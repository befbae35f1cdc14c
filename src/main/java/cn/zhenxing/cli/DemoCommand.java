package cn.zhenxing.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IFactory;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code demo}: the main job end to end on whatever database is configured (the embedded MariaDB by
 * default), as a script of the other commands. Today: migrate, load the catalog, print a summary.
 */
@Component
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Run the main job end to end: migrate the warehouse, load the catalog, print a summary.")
class DemoCommand implements Callable<Integer> {

    private static final List<List<String>> SCRIPT = List.of(
            List.of("db", "migrate"),
            List.of("catalog", "load"),
            List.of("catalog", "show", "summary"),
            List.of("catalog", "show", "areas"));

    @Spec
    CommandSpec spec;

    private final ZhenxingCommand root;
    private final IFactory factory;

    DemoCommand(@Lazy ZhenxingCommand root, IFactory factory) {
        this.root = root;
        this.factory = factory;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        int step = 0;
        for (List<String> command : SCRIPT) {
            out.printf("[%d/%d] zhenxing %s%n", ++step, SCRIPT.size(), String.join(" ", command));
            out.flush();
            CommandLine cli = CliRunner.newCommandLine(root, factory);
            cli.setOut(out);
            cli.setErr(spec.commandLine().getErr());
            int code = cli.execute(command.toArray(String[]::new));
            if (code != ExitCodes.OK) {
                return code;
            }
        }
        out.println("Demo finished.");
        return ExitCodes.OK;
    }
}
