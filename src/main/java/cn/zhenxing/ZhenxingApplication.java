package cn.zhenxing;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
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
        // Only `serve` runs the web portal; every other command stays a plain process.
        app.setWebApplicationType(args.length > 0 && args[0].equals("serve") ? WebApplicationType.SERVLET : WebApplicationType.NONE);
        System.exit(SpringApplication.exit(app.run(args)));
    }
}
