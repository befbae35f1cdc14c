package cn.zhenxing;

import cn.zhenxing.cli.HelpWithoutSpring;
import cn.zhenxing.cli.QuickStart;
import java.util.Arrays;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.actuate.autoconfigure.metrics.JvmMetricsAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.metrics.LogbackMetricsAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.metrics.SystemMetricsAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.metrics.jdbc.DataSourcePoolMetricsAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.metrics.startup.StartupTimeMetricsListenerAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.metrics.task.TaskExecutorMetricsAutoConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.quartz.QuartzAutoConfiguration;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.core.env.ConfigurableEnvironment;

/** Entry point: every run is one CLI command (see {@code cn.zhenxing.cli.ZhenxingCommand}). */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ZhenxingApplication {

    /**
     * Spring Boot's command-line properties, {@code --server.port=18080}: a dotted name and a value.
     * Every other argument belongs to picocli, and picocli never sees these.
     */
    private static final Pattern SPRING_PROPERTY = Pattern.compile("--[A-Za-z][\\w-]*(\\.[\\w\\[\\]-]+)+=.*", Pattern.DOTALL);

    /**
     * Health and metrics belong to `serve`. For every other command the health endpoint and these eager
     * metrics beans would open the database at start (the meter registry binds the connection pool), even
     * for `--help`; meters still count, lazily, where a command records any. Quartz stays excluded as in
     * application.yml, which this list replaces.
     */
    private static final String[] WITHOUT_MONITORING = {
            "--management.endpoints.access.default=none",
            "--spring.autoconfigure.exclude=" + String.join(",", QuartzAutoConfiguration.class.getName(),
                    TaskExecutorMetricsAutoConfiguration.class.getName(), StartupTimeMetricsListenerAutoConfiguration.class.getName(),
                    DataSourcePoolMetricsAutoConfiguration.class.getName(), JvmMetricsAutoConfiguration.class.getName(),
                    LogbackMetricsAutoConfiguration.class.getName(), SystemMetricsAutoConfiguration.class.getName())};

    /** Only --x.y=z become properties: picocli's own options (--period 2025Q3) stay out of the environment. */
    private static SpringApplication application(Class<?> source, String[] springProperties, WebApplicationType web) {
        SpringApplication app = new SpringApplication(source) {
            @Override
            protected void configurePropertySources(ConfigurableEnvironment environment, String[] all) {
                super.configurePropertySources(environment, springProperties);
            }
        };
        // Only `serve` runs the web portal; every other command stays a plain process.
        app.setWebApplicationType(web);
        return app;
    }

    public static boolean isSpringProperty(String arg) {
        return SPRING_PROPERTY.matcher(arg).matches();
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs one command and returns its exit code. */
    public static int run(String... args) {
        String[] own = Arrays.stream(args).filter(a -> !isSpringProperty(a)).toArray(String[]::new);
        if (HelpWithoutSpring.answers(own)) {
            return HelpWithoutSpring.run(own);
        }
        String[] properties = Arrays.stream(args).filter(ZhenxingApplication::isSpringProperty).toArray(String[]::new);
        String command = Arrays.stream(args).filter(a -> !isSpringProperty(a)).findFirst().orElse("");
        if (!command.equals("serve")) {
            properties = Stream.concat(Stream.of(WITHOUT_MONITORING), Arrays.stream(properties)).toArray(String[]::new);
        }
        String[] springProperties = properties;
        WebApplicationType web = command.equals("serve") ? WebApplicationType.SERVLET : WebApplicationType.NONE;
        Function<Class<?>, SpringApplication> build = source -> application(source, springProperties, web);
        if (!command.equals("serve")) {
            // Boot warms up Jackson, validation and HTTP converters in a second thread: a one-shot command
            // on two cores only waits for it.
            System.setProperty("spring.backgroundpreinitializer.ignore", "true");
        }
        if (QuickStart.answers(own)) {
            Integer code = QuickStart.run(build, args);
            if (code != null) {
                return code;
            }
        }
        SpringApplication app = build.apply(ZhenxingApplication.class);
        return SpringApplication.exit(app.run(args));
    }
}
