package cn.zhenxing.warehouse;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Named SQL statements kept in a {@code .sql} file beside the feature that uses them. Each statement
 * starts with a line {@code -- name: someName}; everything up to the next such line belongs to it.
 */
public final class SqlFile {

    private final String resource;
    private final Map<String, String> statements;

    private SqlFile(String resource, Map<String, String> statements) {
        this.resource = resource;
        this.statements = statements;
    }

    /** Loads {@code fileName} from the package of {@code owner}. */
    public static SqlFile of(Class<?> owner, String fileName) {
        String resource = owner.getPackageName().replace('.', '/') + "/" + fileName;
        try (InputStream in = owner.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("SQL file not found on classpath: " + resource);
            }
            return new SqlFile(resource, parse(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Map<String, String> parse(String text) {
        Map<String, String> result = new LinkedHashMap<>();
        String name = null;
        StringBuilder body = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            String trimmed = line.strip();
            if (trimmed.startsWith("-- name:")) {
                if (name != null) {
                    result.put(name, body.toString().strip());
                }
                name = trimmed.substring("-- name:".length()).strip();
                body.setLength(0);
            } else if (name != null && !trimmed.startsWith("--")) {
                body.append(line).append('\n');
            }
        }
        if (name != null) {
            result.put(name, body.toString().strip());
        }
        return result;
    }

    /** Statement names in file order. */
    public java.util.List<String> names() {
        return java.util.List.copyOf(statements.keySet());
    }

    public String get(String name) {
        String sql = statements.get(name);
        if (sql == null) {
            throw new IllegalArgumentException("No statement '" + name + "' in " + resource);
        }
        return sql.endsWith(";") ? sql.substring(0, sql.length() - 1) : sql;
    }
}
