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

    private static final class Total {
        BigDecimal sum = BigDecimal.ZERO;
        long inClass;
        int readings;
    }

    private final ReadingSink next;
    private final List<Rule> rules;
    /** parameter → positions in {@link #rules} of the rules counting it. */
    private final Map<String, int[]> byParameter = new HashMap<>();
    /** month → point → one total per rule (a form's readings are of one month: the inner map is the one in use). */
    private final Map<LocalDate, Map<String, Total[]>> totals = new HashMap<>();
    private LocalDate lastMonth;
    private Map<String, Total[]> lastPoints;

    RuleTotals(List<Rule> rules, ReadingSink next) {
        this.next = next;
        this.rules = List.copyOf(rules);
        Map<String, List<Integer>> positions = new HashMap<>();
        for (int i = 0; i < this.rules.size(); i++) {
            positions.computeIfAbsent(this.rules.get(i).parameter(), k -> new ArrayList<>()).add(i);
        }
        positions.forEach((parameter, at) -> byParameter.put(parameter, at.stream().mapToInt(Integer::intValue).toArray()));
    }

    @Override
    public boolean hand(List<MonitoringReading> batch) {
        for (MonitoringReading reading : batch) {
            int[] counting = byParameter.get(reading.parameter());
            if (counting == null) {
                continue;
            }
            LocalDate date = reading.date();
            if (lastMonth == null || date.getMonthValue() != lastMonth.getMonthValue() || date.getYear() != lastMonth.getYear()) {
                lastMonth = date.withDayOfMonth(1);
                lastPoints = totals.computeIfAbsent(lastMonth, k -> new HashMap<>());
            }
            Total[] point = lastPoints.computeIfAbsent(reading.pointCode(), k -> new Total[rules.size()]);
            for (int i : counting) {
                Rule rule = rules.get(i);
                Total t = point[i] == null ? (point[i] = new Total()) : point[i];
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

    /** The rows {@link #write} inserts. */
    int size() {
        int n = 0;
        for (Map<String, Total[]> points : totals.values()) {
            for (Total[] point : points.values()) {
                for (Total t : point) {
                    n += t == null ? 0 : 1;
                }
            }
        }
        return n;
    }

    /** Inserts the totals under {@code submissionId} on the landing connection (its transaction). */
    void write(Connection connection, long submissionId) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(BulkSql.sql("totalInsert"))) {
            int pending = 0;
            for (Map.Entry<LocalDate, Map<String, Total[]>> month : totals.entrySet()) {
                Date monthStart = Date.valueOf(month.getKey());
                for (Map.Entry<String, Total[]> point : month.getValue().entrySet()) {
                    for (int i = 0; i < rules.size(); i++) {
                        Total t = point.getValue()[i];
                        if (t == null) {
                            continue;
                        }
                        insert.setLong(1, submissionId);
                        insert.setString(2, rules.get(i).code());
                        insert.setString(3, point.getKey());
                        insert.setDate(4, monthStart);
                        insert.setBigDecimal(5, rules.get(i).share() ? BigDecimal.valueOf(t.inClass) : t.sum);
                        insert.setInt(6, t.readings);
                        insert.addBatch();
                        if (++pending == 1000) {
                            insert.executeBatch();
                            pending = 0;
                        }
                    }
                }
            }
            if (pending > 0) {
                insert.executeBatch();
            }
        }
    }
}
