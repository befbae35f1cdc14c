package cn.zhenxing.cli;

import org.springframework.boot.CommandLineRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import picocli.CommandLine;
import picocli.CommandLine.IFactory;

/** Runs the command named on the command line, then lets the application exit with its code. */
@Component
@ConditionalOnProperty(name = "zhenxing.cli.enabled", havingValue = "true", matchIfMissing = true)
class CliRunner implements CommandLineRunner, ExitCodeGenerator {

    private final ZhenxingCommand command;
    private final IFactory factory;
    private int exitCode;

    CliRunner(ZhenxingCommand command, IFactory factory) {
        this.command = command;
        this.factory = factory;
    }

    @Override
    public void run(String... args) {
        exitCode = newCommandLine(command, factory).execute(args);
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }

    /**
     * Exit codes: 0 done, 1 system failure, 2 rejected input (see README). Subcommands are prototype
     * beans: picocli takes a reused object's current field values as defaults, so a singleton would
     * carry one run's options into the next run in the same JVM (demo, tests).
     */
    static CommandLine newCommandLine(ZhenxingCommand command, IFactory factory) {
        CommandLine cli = new CommandLine(command, factory);
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            commandLine.getErr().println("error: " + ex.getMessage());
            org.slf4j.LoggerFactory.getLogger(CliRunner.class).error("Command failed", ex);
            return ExitCodes.SYSTEM_FAILURE;
        });
        return cli;
    }
}
