package cn.zhenxing.cli;

import java.lang.reflect.Constructor;
import java.util.Arrays;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.IFactory;

/**
 * {@code --help}, {@code --version} and a bare {@code zhenxing}: answered by picocli alone, before Spring
 * starts (a start costs 2–3 s; these need no bean). The commands are built with null dependencies, which
 * their constructors only store: nothing but the usage text is read from them.
 */
public final class HelpWithoutSpring {

    private static final Set<String> HELP = Set.of("-h", "--help", "-V", "--version");

    private HelpWithoutSpring() {
    }

    /** Whether picocli's own help answers these arguments (Spring Boot's --x.y=z already removed). */
    public static boolean answers(String[] own) {
        return own.length == 0 || Arrays.stream(own).anyMatch(HELP::contains);
    }

    /** Prints the usage (or a usage error, in Chinese, as every command does) and returns the exit code. */
    public static int run(String[] own) {
        return run(own, new java.io.PrintWriter(System.out, true), new java.io.PrintWriter(System.err, true));
    }

    static int run(String[] own, java.io.PrintWriter out, java.io.PrintWriter err) {
        CommandLine cli = new CommandLine(ZhenxingCommand.class, bareFactory());
        cli.setOut(out);
        cli.setErr(err);
        cli.setParameterExceptionHandler(CliRunner::usageError);
        cli.setExecutionStrategy(parseResult -> {
            Integer help = CommandLine.executeHelpRequest(parseResult);
            if (help != null) {
                return help;
            }
            parseResult.commandSpec().commandLine().usage(parseResult.commandSpec().commandLine().getOut());
            return ExitCodes.OK;
        });
        return cli.execute(own);
    }

    static IFactory bareFactory() {
        return new BareFactory();
    }

    /** Picocli's factory, and for the Spring-built commands their one constructor with nulls. */
    private static final class BareFactory implements IFactory {
        private final IFactory plain = CommandLine.defaultFactory();

        @Override
        public <K> K create(Class<K> type) throws Exception {
            Constructor<?>[] constructors = type.getDeclaredConstructors();
            if (type.isInterface() || Arrays.stream(constructors).anyMatch(c -> c.getParameterCount() == 0)) {
                return plain.create(type);
            }
            Constructor<?> constructor = constructors[0];
            Object[] args = Arrays.stream(constructor.getParameterTypes()).map(HelpWithoutSpring::zero).toArray();
            constructor.setAccessible(true);
            return type.cast(constructor.newInstance(args));
        }
    }

    private static Object zero(Class<?> type) {
        if (!type.isPrimitive()) {
            return null;
        }
        return type == boolean.class ? Boolean.FALSE : type == char.class ? (Object) '\0' : type == long.class ? (Object) 0L
                : type == double.class ? (Object) 0.0 : type == float.class ? (Object) 0f : (Object) 0;
    }
}
