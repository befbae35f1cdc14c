package db.migration;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Quartz's JDBC job store tables, from the DDL Quartz ships for MySQL/InnoDB in its own jar, so the
 * schema always matches the Quartz version in use. Its DROP statements are skipped: a migration
 * never drops (Quartz's initialize-schema=always would drop every trigger on each restart).
 */
public class V7__quartz_tables extends BaseJavaMigration {

    static final String DDL = "org/quartz/impl/jdbcjobstore/tables_mysql_innodb.sql";

    @Override
    public void migrate(Context context) throws Exception {
        String script;
        try (InputStream in = V7__quartz_tables.class.getClassLoader().getResourceAsStream(DDL)) {
            if (in == null) {
                throw new IOException("Quartz DDL not on the class path: " + DDL);
            }
            script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        StringBuilder sql = new StringBuilder();
        for (String line : script.split("\n")) {
            String trimmed = line.strip();
            if (!trimmed.startsWith("#") && !trimmed.startsWith("--")) {
                sql.append(line).append('\n');
            }
        }
        try (Statement statement = context.getConnection().createStatement()) {
            for (String part : sql.toString().split(";")) {
                String command = part.strip();
                if (!command.isEmpty() && !command.toUpperCase().startsWith("DROP") && !command.equalsIgnoreCase("commit")) {
                    statement.execute(command);
                }
            }
        }
    }
}
