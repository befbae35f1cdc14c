package cn.zhenxing.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;
import picocli.CommandLine.IFactory;

/** Runs a command line in another feature's test context (the review round's tests), as CliTest does in its own. */
public final class CliHarness {

    public record Run(int exitCode, String out, String err) {
    }

    private CliHarness() {
    }

    public static Run execute(ZhenxingCommand root, IFactory factory, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = CliRunner.newCommandLine(root, factory);
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute(args);
        return new Run(code, out.toString(), err.toString());
    }
}
