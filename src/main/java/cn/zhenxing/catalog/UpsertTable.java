package cn.zhenxing.catalog;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Type-1 upsert by natural key with change detection: a row whose content hash is unchanged is not
 * touched at all, which is what makes a catalog reload a no-op. Column names come from code, never
 * from input.
 */
final class UpsertTable {

    private final JdbcTemplate jdbc;
    private final String table;
    private final List<String> keyColumns;

    UpsertTable(JdbcTemplate jdbc, String table, String... keyColumns) {
        this.jdbc = jdbc;
        this.table = table;
        this.keyColumns = List.of(keyColumns);
    }

    /** {@code row} holds the key columns and all attribute columns, in a stable order. */
    Change upsert(Map<String, Object> row) {
        String hash = hash(row);
        Object[] key = keyColumns.stream().map(row::get).toArray();
        String where = keyColumns.stream().map(c -> c + " = ?").collect(Collectors.joining(" AND "));
        List<String> existing = jdbc.queryForList("SELECT row_hash FROM " + table + " WHERE " + where, String.class, key);
        if (existing.isEmpty()) {
            Map<String, Object> values = new LinkedHashMap<>(row);
            values.put("row_hash", hash);
            String columns = String.join(", ", values.keySet());
            String marks = values.keySet().stream().map(c -> "?").collect(Collectors.joining(", "));
            jdbc.update("INSERT INTO " + table + " (" + columns + ") VALUES (" + marks + ")", values.values().toArray());
            return Change.INSERTED;
        }
        if (hash.equals(existing.get(0))) {
            return Change.UNCHANGED;
        }
        List<Object> args = new ArrayList<>();
        StringBuilder set = new StringBuilder();
        for (Map.Entry<String, Object> e : row.entrySet()) {
            if (!keyColumns.contains(e.getKey())) {
                set.append(e.getKey()).append(" = ?, ");
                args.add(e.getValue());
            }
        }
        set.append("row_hash = ?, updated_at = CURRENT_TIMESTAMP");
        args.add(hash);
        args.addAll(List.of(key));
        jdbc.update("UPDATE " + table + " SET " + set + " WHERE " + where, args.toArray());
        return Change.UPDATED;
    }

    static String hash(Map<String, Object> row) {
        String canonical = row.entrySet().stream()
                .map(e -> e.getKey() + "=" + canonical(e.getValue()))
                .collect(Collectors.joining("\u001f"));
        return sha256(canonical);
    }

    private static String canonical(Object value) {
        if (value instanceof BigDecimal d) {
            return d.stripTrailingZeros().toPlainString();
        }
        return String.valueOf(value);
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
