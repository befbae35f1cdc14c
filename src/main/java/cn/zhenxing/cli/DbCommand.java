package cn.zhenxing.cli;

import cn.zhenxing.backup.BackupService;
import java.io.PrintWriter;
import java.nio.file.Path;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.output.MigrateResult;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Scope;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code db migrate} / {@code db info}: the warehouse schema, owned by Flyway migrations; {@code db backup} / {@code db restore}. */
@Component
@Scope("prototype")
@Command(name = "db", mixinStandardHelpOptions = true, description = "Warehouse schema (Flyway migrations), backup and restore.")
class DbCommand {

    @Spec
    CommandSpec spec;

    private final ObjectProvider<Flyway> flyway;
    private final ObjectProvider<BackupService> backups;

    DbCommand(ObjectProvider<Flyway> flyway, ObjectProvider<BackupService> backups) {
        this.flyway = flyway;
        this.backups = backups;
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

    @Command(name = "backup", mixinStandardHelpOptions = true,
            description = "Write a consistent backup (mariadb-dump --single-transaction, gzipped) with its SHA-256 and a manifest "
                    + "into a new folder zhenxing-<time> under DIR.")
    int backup(@Option(names = "--out", paramLabel = "DIR", description = "default: zhenxing.backup.dir (<data-dir>/backups)") Path out)
            throws Exception {
        BackupService service = backups.getObject();
        BackupService.Backup b = service.backup(out != null ? out : service.defaultRoot());
        BackupService.Manifest m = b.manifest();
        spec.commandLine().getOut().printf("Backup of %s (schema version %s, %d tables, %d rows) written to %s in %.1f s%n"
                        + "  %s  %d bytes  sha256 %s%n",
                m.database(), m.schemaVersion() == null ? "none" : m.schemaVersion(), m.tables().size(), m.rows(), b.dir().toAbsolutePath(), m.durationMillis() / 1000.0,
                m.dumpFile(), m.dumpBytes(), m.sha256());
        return ExitCodes.OK;
    }

    @Command(name = "restore", mixinStandardHelpOptions = true,
            description = "Restore a backup folder into the configured (empty) database after checking its SHA-256.")
    int restore(@Parameters(paramLabel = "DIR", description = "a folder written by db backup") Path dir,
                @Option(names = "--force", description = "drop everything in a non-empty database first") boolean force) throws Exception {
        BackupService.Restored r;
        try {
            r = backups.getObject().restore(dir, force);
        } catch (BackupService.Refused refused) {
            spec.commandLine().getErr().println(refused.getMessage());
            return ExitCodes.REJECTED;
        }
        PrintWriter out = spec.commandLine().getOut();
        out.printf("Restored %s (taken %s, schema version %s, %d tables, %d rows) into %s in %.1f s%s; row counts checked%n",
                dir.toAbsolutePath(), r.manifest().createdAt(), r.manifest().schemaVersion(), r.manifest().tables().size(), r.manifest().rows(),
                r.database(), r.durationMillis() / 1000.0, r.droppedObjects() > 0 ? " (" + r.droppedObjects() + " tables and views dropped first)" : "");
        for (String d : r.differences()) {
            out.println("  note: " + d + " (written outside ingest and marts while the backup ran)");
        }
        return ExitCodes.OK;
    }
}
