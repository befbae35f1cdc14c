package cn.zhenxing.cli;

import cn.zhenxing.catalog.CatalogQueries;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The {@code zhenxing} command line: {@code java -jar target/zhenxing.jar <command>}. */
@Component
@Command(name = "zhenxing",
        mixinStandardHelpOptions = true,
        version = "Zhenxing 0.1.0",
        description = "Progress monitoring warehouse for Shanxi's old-area revitalization and Yellow River plans.",
        subcommands = {AuditCommand.class, BenchCommand.class, CatalogCommand.class, DbCommand.class, DemoCommand.class, IngestCommand.class, SubmissionsCommand.class, MartsCommand.class, ProgressCommand.class, ReportCommand.class, SamplesCommand.class, SchedulesCommand.class, ReviewCommand.class, ServeCommand.class, UsersCommand.class, TemplateCommand.class, FilesCommand.class, MailCommand.class},
        footer = {"", "Database: SPRING_DATASOURCE_URL/_USERNAME/_PASSWORD, or the embedded MariaDB under ./data when unset.",
                "Spring Boot properties work with every command: --server.port=18080, --spring.datasource.url=jdbc:mysql://..."})
public class ZhenxingCommand implements Runnable {

    @Spec
    CommandSpec spec;

    private final ObjectProvider<CatalogQueries> catalog;

    ZhenxingCommand(ObjectProvider<CatalogQueries> catalog) {
        this.catalog = catalog;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    boolean catalogLoaded() {
        return catalog.getObject().loaded();
    }
}
