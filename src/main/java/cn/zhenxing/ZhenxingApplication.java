package cn.zhenxing;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Entry point: every run is one CLI command (see {@code cn.zhenxing.cli.ZhenxingCommand}). */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ZhenxingApplication {

    public static void main(String[] args) {
        SpringApplication app = new SpringApplication(ZhenxingApplication.class);
        // Arguments belong to picocli; configuration comes from the environment and application.yml.
        app.setAddCommandLineProperties(false);
        System.exit(SpringApplication.exit(app.run(args)));
    }
}
