package cn.zhenxing.cli;

import java.io.PrintWriter;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.output.MigrateResult;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Scope;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code db migrate} / {@code db info}: the warehouse schema, owned by Flyway migrations. */
@Component
@Scope("prototype")
@Command(name = "db", mixinStandardHelpOptions = true, description = "Warehouse schema (Flyway migrations).")
class DbCommand {

    @Spec
    CommandSpec spec;

    private final ObjectProvider<Flyway> flyway;

    DbCommand(ObjectProvider<Flyway> flyway) {
        this.flyway = flyway;
    }

    @Command(name = "migrate", mixinStandardHelpOptions = true, description = "Apply pending migrations and print the schema version.")
    int migrate() {
        PrintWriter out = spec.commandLine().getOut();
        Flyway migrations = flyway.getObject();
        MigrateResult result = migrations.migrate();
        out.printf("Warehouse %s: schema at version %s (%d migration(s) applied now).%n",
                jdbcUrl(migrations), migrations.info().current().getVersion(), result.migrationsExecuted);
        return ExitCodes.OK;
    }

    private static String jdbcUrl(Flyway flyway) {
        try (var connection = flyway.getConfiguration().getDataSource().getConnection()) {
            return connection.getMetaData().getURL().replaceAll("\\?.*", "");
        } catch (java.sql.SQLException e) {
            return "(unknown database)";
        }
    }

    @Command(name = "info", mixinStandardHelpOptions = true, description = "List migrations and their state.")
    int info() {
        TextTable t = new TextTable("version", "description", "state", "installed on");
        for (MigrationInfo m : flyway.getObject().info().all()) {
            t.row(m.getVersion(), m.getDescription(), m.getState().getDisplayName(), m.getInstalledOn());
        }
        t.print(spec.commandLine().getOut());
        return ExitCodes.OK;
    }
}
