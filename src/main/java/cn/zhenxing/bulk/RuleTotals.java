package cn.zhenxing.bulk;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The totals of a file's readings per derived rule, point and month ({@code fact_monitoring_rule_total},
 * V37), counted on the parsing thread as the batches pass on to the landing statement, and written in the
 * landing transaction. The same arithmetic as the SQL rebuild ({@code refresh.monitoringTotals} in
 * marts.sql): share = readings with class_min &lt;= value &lt;= class_max, mean = sum of the values;
 * denominator = readings. A few thousand rows for a million readings, so the marts refresh never scans
 * the readings.
 */
final class RuleTotals implements ReadingSink {

    /** A row of cfg_monitoring_rule, as far as counting needs it. */
    record Rule(String code, String parameter, boolean share, BigDecimal min, BigDecimal max) { }

    private record Key(String rule, String point, LocalDate month) { }

    private static final class Total {
        final Rule rule;
        BigDecimal sum = BigDecimal.ZERO;
        long inClass;
        int readings;

        Total(Rule rule) {
            this.rule = rule;
        }
    }

    private final ReadingSink next;
    private final Map<String, List<Rule>> byParameter = new HashMap<>();
    private final Map<Key, Total> totals = new HashMap<>();

    RuleTotals(List<Rule> rules, ReadingSink next) {
        this.next = next;
        rules.forEach(r -> byParameter.computeIfAbsent(r.parameter(), k -> new ArrayList<>()).add(r));
    }

    @Override
    public boolean hand(List<MonitoringReading> batch) {
        for (MonitoringReading reading : batch) {
            List<Rule> rules = byParameter.get(reading.parameter());
            if (rules == null) {
                continue;
            }
            LocalDate month = reading.date().withDayOfMonth(1);
            for (Rule rule : rules) {
                Total t = totals.computeIfAbsent(new Key(rule.code(), reading.pointCode(), month), k -> new Total(rule));
                t.readings++;
                if (!rule.share()) {
                    t.sum = t.sum.add(reading.value());
                } else if (rule.min() != null && rule.max() != null && reading.value().compareTo(rule.min()) >= 0
                        && reading.value().compareTo(rule.max()) <= 0) {
                    t.inClass++;
                }
            }
        }
        return next.hand(batch);
    }

    @Override
    public void end() {
        next.end();
    }

    int size() {
        return totals.size();
    }

    /** Inserts the totals under {@code submissionId} on the landing connection (its transaction). */
    void write(Connection connection, long submissionId) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(BulkSql.sql("totalInsert"))) {
            int pending = 0;
            for (Map.Entry<Key, Total> e : totals.entrySet()) {
                Total t = e.getValue();
                insert.setLong(1, submissionId);
                insert.setString(2, e.getKey().rule());
                insert.setString(3, e.getKey().point());
                insert.setDate(4, Date.valueOf(e.getKey().month()));
                insert.setBigDecimal(5, t.rule.share() ? BigDecimal.valueOf(t.inClass) : t.sum);
                insert.setInt(6, t.readings);
                insert.addBatch();
                if (++pending == 1000) {
                    insert.executeBatch();
                    pending = 0;
                }
            }
            if (pending > 0) {
                insert.executeBatch();
            }
        }
    }
}
