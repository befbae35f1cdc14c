package cn.zhenxing.warehouse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Whether a warehouse's schema has every migration of this jar, read from Flyway's history table with
 * one query: for commands that must not pay Flyway's start (its plugins and a validation of every
 * migration) when there is nothing to migrate.
 */
public final class SchemaState {

    private static final SqlFile SQL = SqlFile.of(SchemaState.class, "warehouse.sql");
    private static final Pattern VERSIONED = Pattern.compile("V(\\d+(?:[._]\\d+)*)__[^/]*$");

    private SchemaState() {
    }

    /** Every migration of this jar applied and none failed; false on a database Flyway never touched. */
    public static boolean current(JdbcTemplate jdbc) {
        List<Map.Entry<String, Boolean>> applied;
        try {
            applied = jdbc.query(SQL.get("appliedMigrations"), (rs, i) -> Map.entry(rs.getString(1), rs.getBoolean(2)));
        } catch (DataAccessException noHistory) {
            return false;
        }
        Set<String> done = applied.stream().filter(Map.Entry::getValue).map(Map.Entry::getKey).collect(Collectors.toSet());
        return applied.stream().allMatch(Map.Entry::getValue) && done.containsAll(migrationVersions());
    }

    /** The versions of this jar's migrations (SQL files and Java classes under db/migration), as Flyway writes them. */
    public static Set<String> migrationVersions() {
        try {
            Resource[] resources = new PathMatchingResourcePatternResolver().getResources("classpath*:db/migration/V*__*");
            return Arrays.stream(resources).map(r -> VERSIONED.matcher(String.valueOf(r.getFilename())))
                    .filter(Matcher::find).map(m -> m.group(1).replace('_', '.')).collect(Collectors.toSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
