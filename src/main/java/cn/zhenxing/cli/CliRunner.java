package cn.zhenxing.cli;

import cn.zhenxing.ZhenxingApplication;
import cn.zhenxing.warehouse.EmbeddedMariaDb;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.slf4j.LoggerFactory;
import org.springframework.boot.CommandLineRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import picocli.CommandLine;
import picocli.CommandLine.IFactory;
import picocli.CommandLine.MissingParameterException;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/** Runs the command named on the command line, then lets the application exit with its code. */
@Component
@ConditionalOnProperty(name = "zhenxing.cli.enabled", havingValue = "true", matchIfMissing = true)
class CliRunner implements CommandLineRunner, ExitCodeGenerator {

    static final String CATALOG_NOT_LOADED = "尚未导入规划目录，请先执行 catalog load。";

    private final ZhenxingCommand command;
    private final IFactory factory;
    private int exitCode;

    CliRunner(ZhenxingCommand command, IFactory factory) {
        this.command = command;
        this.factory = factory;
    }

    @Override
    public void run(String... args) {
        // Spring Boot took --x.y=z as properties (ZhenxingApplication); picocli gets the rest.
        String[] own = Arrays.stream(args).filter(a -> !ZhenxingApplication.isSpringProperty(a)).toArray(String[]::new);
        exitCode = newCommandLine(command, factory).execute(own);
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }

    /**
     * Exit codes: 0 done, 1 system failure, 2 rejected input or usage error (see README). Subcommands are
     * prototype beans: picocli takes a reused object's current field values as defaults, so a singleton
     * would carry one run's options into the next run in the same JVM (demo, tests).
     */
    static CommandLine newCommandLine(ZhenxingCommand command, IFactory factory) {
        CommandLine cli = new CommandLine(command, factory);
        cli.setParameterExceptionHandler(CliRunner::usageError);
        cli.setExecutionStrategy(parseResult -> execute(command, parseResult));
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            EmbeddedMariaDb.InUseException inUse = cause(ex, EmbeddedMariaDb.InUseException.class);
            if (inUse != null) {
                commandLine.getErr().println(inUse.getMessage());
                return ExitCodes.SYSTEM_FAILURE;
            }
            commandLine.getErr().println("error: " + ex.getMessage());
            LoggerFactory.getLogger(CliRunner.class).error("Command failed", ex);
            return ExitCodes.SYSTEM_FAILURE;
        });
        return cli;
    }

    /** Commands that read the catalog refuse to run before it is loaded, instead of failing on its first missing row. */
    private static int execute(ZhenxingCommand root, ParseResult parseResult) {
        Integer help = CommandLine.executeHelpRequest(parseResult);
        if (help != null) {
            return help;
        }
        ParseResult leaf = parseResult;
        boolean needsCatalog = false;
        while (true) {
            Object command = leaf.commandSpec().userObject();
            needsCatalog |= command instanceof NeedsCatalog n && n.needsCatalog();
            if (!leaf.hasSubcommand()) {
                break;
            }
            leaf = leaf.subcommand();
        }
        if (needsCatalog && !root.catalogLoaded()) {
            leaf.commandSpec().commandLine().getErr().println(CATALOG_NOT_LOADED);
            return ExitCodes.REJECTED;
        }
        return new CommandLine.RunLast().execute(parseResult);
    }

    /** Usage errors in Chinese, with the way to the command's help; exit code 2. */
    static int usageError(ParameterException ex, String[] args) {
        CommandLine cli = ex.getCommandLine();
        PrintWriter err = cli.getErr();
        err.println(messageZh(ex));
        if (ex instanceof UnmatchedArgumentException unmatched) {
            UnmatchedArgumentException.printSuggestions(unmatched, err);
        }
        err.println("用法见：" + cli.getCommandSpec().qualifiedName() + " --help");
        err.flush();
        return ExitCodes.REJECTED;
    }

    static String messageZh(ParameterException ex) {
        if (ex instanceof UnmatchedArgumentException unmatched) {
            return (unmatched.isUnknownOption() ? "未知的选项：" : "无法识别的参数：") + String.join(" ", unmatched.getUnmatched());
        }
        if (ex instanceof MissingParameterException missing) {
            boolean oneOf = String.valueOf(ex.getMessage()).contains("specify one of these");
            return (oneOf ? "缺少必需的选项（任选其一）：" : "缺少必需的选项：")
                    + missing.getMissing().stream().map(CliRunner::name).collect(Collectors.joining(oneOf ? " 或 " : "、"));
        }
        if (ex instanceof CommandLine.MutuallyExclusiveArgsException) {
            return "选项冲突，只能选其一：" + ex.getMessage().replaceFirst("^Error: ", "");
        }
        if (ex.getArgSpec() != null && ex.getValue() != null) {
            return name(ex.getArgSpec()) + " 的值“" + ex.getValue() + "”无法识别"
                    + (ex.getArgSpec().type() == java.time.LocalDate.class ? "，日期请写成 2026-01-10。" : "。");
        }
        return ex.getMessage();
    }

    private static String name(ArgSpec arg) {
        return arg instanceof OptionSpec o ? o.longestName() : arg.paramLabel();
    }

    private static <T extends Throwable> T cause(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
