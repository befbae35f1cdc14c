package cn.zhenxing.audit;

import cn.zhenxing.warehouse.Quarter;
import cn.zhenxing.warehouse.SqlFile;
import java.math.BigDecimal;
import java.sql.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Reads what the rules need from the warehouse: the catalog as of a quarter and the accepted history around it. */
@Component
public class AuditData {

    static final SqlFile SQL = SqlFile.of(AuditData.class, "audit.sql");
    private static final List<String> ATTRIBUTE_COLUMNS = List.of("unit", "value_kind", "rollup", "additivity", "report_level",
            "frequency", "direction", "attribute", "target_kind", "basis");

    private final JdbcTemplate jdbc;

    public AuditData(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public AuditInput.Catalog catalog(Quarter quarter) {
        Map<String, AuditInput.Indicator> indicators = new LinkedHashMap<>();
        jdbc.query(SQL.get("indicators"), rs -> {
            Map<String, String> attributes = new HashMap<>();
            for (String column : ATTRIBUTE_COLUMNS) {
                attributes.put(column, rs.getString(column));
            }
            BigDecimal factor = rs.getBigDecimal("ratio_factor");
            indicators.put(rs.getString("indicator_code"), new AuditInput.Indicator(rs.getString("indicator_code"), rs.getString("name_zh"),
                    rs.getString("unit"), attributes, factor == null ? BigDecimal.ONE : factor, rs.getString("scope_type"),
                    rs.getString("scope_code"), rs.getBigDecimal("baseline_value"), rs.getBigDecimal("target_value")));
        }, quarter.year(), quarter.year());
        Map<String, AuditInput.Region> regions = new HashMap<>();
        jdbc.query(SQL.get("regions"), rs -> {
            regions.put(rs.getString("region_code"), new AuditInput.Region(rs.getString("region_code"), rs.getString("name_zh"),
                    rs.getString("level"), rs.getString("city_code")));
        }, Date.valueOf(quarter.end()));
        return new AuditInput.Catalog(indicators, regions);
    }

    /**
     * Accepted values around the quarter.
     *
     * @param unitCode the unit whose form is checked (its own current values are not "another form"),
     *                 or null for the warehouse audit (then other forms are found per row, see {@link #valuesByUnit})
     */
    public AuditInput.History history(Quarter quarter, String unitCode) {
        Map<String, BigDecimal> other = new HashMap<>();
        if (unitCode != null) {
            valuesByUnit(quarter).forEach((key, byUnit) -> byUnit.entrySet().stream().filter(e -> !e.getKey().equals(unitCode))
                    .findFirst().ifPresent(e -> other.put(key, e.getValue())));
        }
        Map<String, BigDecimal> lastYtd = new HashMap<>();
        if (quarter.quarter() > 1) {
            jdbc.query(SQL.get("projectYtd"), rs -> {
                lastYtd.put(rs.getString("unit_code") + "|" + rs.getString("project_code"), rs.getBigDecimal("ytd_investment_yi"));
            }, quarter.previous().key());
        }
        return new AuditInput.History(values(quarter.previous()), values(quarter.yearAgo()), other, lastYtd);
    }

    /** Every current form's value of the quarter by "region|indicator", then by the unit that sent it. */
    Map<String, Map<String, BigDecimal>> valuesByUnit(Quarter quarter) {
        Map<String, Map<String, BigDecimal>> byKey = new HashMap<>();
        jdbc.query(SQL.get("valuesByUnit"), rs -> {
            byKey.computeIfAbsent(rs.getString("region_code") + "|" + rs.getString("indicator_code"), k -> new LinkedHashMap<>())
                    .put(rs.getString("unit_code"), rs.getBigDecimal("value"));
        }, quarter.key());
        return byKey;
    }

    private Map<String, BigDecimal> values(Quarter quarter) {
        Map<String, BigDecimal> values = new HashMap<>();
        jdbc.query(SQL.get("currentValues"), rs -> {
            values.put(rs.getString("region_code") + "|" + rs.getString("indicator_code"), rs.getBigDecimal("value"));
        }, quarter.key());
        return values;
    }
}
