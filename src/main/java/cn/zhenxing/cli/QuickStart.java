package cn.zhenxing.cli;

import cn.zhenxing.ZhenxingProperties;
import cn.zhenxing.catalog.CatalogQueries;
import cn.zhenxing.warehouse.EmbeddedDataSourceConfiguration;
import cn.zhenxing.warehouse.SchemaState;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.CommandLineRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.context.PropertyPlaceholderAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.JdbcTemplateAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import picocli.CommandLine.IFactory;

/**
 * Read-only queries ({@code catalog show}) start a context of the data source and their queries only:
 * no component scan, Flyway, Batch, Quartz, mail, reports or metrics. A full start loads about 7,500
 * classes and evaluates every auto-configuration (Flyway alone brings in 900 classes, Jackson's among
 * them); these commands need a connection and a query. They run this way only on a warehouse whose
 * schema has every migration of this jar: otherwise the full start runs instead and migrates it.
 * Commands other than the quick ones are built with null dependencies, as for help: picocli builds the
 * whole command tree, but only the quick command runs. Not a {@code @Configuration}: the full start's
 * component scan must not find it (its runner would run the command a second time).
 */
@ImportAutoConfiguration({PropertyPlaceholderAutoConfiguration.class, DataSourceAutoConfiguration.class,
        JdbcTemplateAutoConfiguration.class})
@EnableConfigurationProperties(ZhenxingProperties.class)
@Import({EmbeddedDataSourceConfiguration.class, CatalogQueries.class, ZhenxingCommand.class, CatalogCommand.class})
public class QuickStart {

    /** Command paths answered by this context; each must need only the beans imported above. */
    private static final List<List<String>> QUICK = List.of(List.of("catalog", "show"));

    private static final Logger log = LoggerFactory.getLogger(QuickStart.class);

    /** Whether these (picocli's own) arguments name a quick command. */
    public static boolean answers(String[] own) {
        return QUICK.stream().anyMatch(path -> own.length >= path.size()
                && List.of(own).subList(0, path.size()).equals(path));
    }

    /**
     * Runs the quick command in the application {@code build} makes from this class; returns its exit
     * code, or null (having run nothing) when the warehouse's schema is behind this jar.
     */
    public static Integer run(Function<Class<?>, SpringApplication> build, String[] args) {
        try (ConfigurableApplicationContext context = build.apply(QuickStart.class).run(args)) {
            Runner runner = context.getBean(Runner.class);
            if (runner.schemaBehind) {
                log.info("Quick start: the warehouse schema lacks migrations of this jar; starting in full to migrate it");
                return null;
            }
            log.info("Quick start: ran {} without the full application context", String.join(" ", runner.path));
            return runner.exitCode;
        }
    }

    @Bean
    Runner quickRunner(ZhenxingCommand command, ApplicationContext context, JdbcTemplate jdbc) {
        return new Runner(command, factory(context), jdbc);
    }

    private static IFactory factory(ApplicationContext context) {
        IFactory bare = HelpWithoutSpring.bareFactory();
        return new IFactory() {
            @Override
            public <K> K create(Class<K> type) throws Exception {
                K bean = context.getBeanProvider(type).getIfAvailable();
                return bean != null ? bean : bare.create(type);
            }
        };
    }

    /** Checks the schema, then runs the command as {@link CliRunner} does. */
    static final class Runner implements CommandLineRunner, ExitCodeGenerator {
        private final ZhenxingCommand command;
        private final IFactory factory;
        private final JdbcTemplate jdbc;
        boolean schemaBehind;
        int exitCode;
        List<String> path = List.of();

        Runner(ZhenxingCommand command, IFactory factory, JdbcTemplate jdbc) {
            this.command = command;
            this.factory = factory;
            this.jdbc = jdbc;
        }

        @Override
        public void run(String... args) {
            schemaBehind = !SchemaState.current(jdbc);
            if (!schemaBehind) {
                String[] own = Arrays.stream(args).filter(a -> !cn.zhenxing.ZhenxingApplication.isSpringProperty(a)).toArray(String[]::new);
                path = QUICK.stream().filter(p -> List.of(own).subList(0, p.size()).equals(p)).findFirst().orElseThrow();
                exitCode = CliRunner.newCommandLine(command, factory).execute(own);
            }
        }

        @Override
        public int getExitCode() {
            return exitCode;
        }
    }
}
