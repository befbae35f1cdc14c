package cn.zhenxing.mart;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/** Reads the marts for the CLI and the reports. */
@Component
public class MartQueries {

    private final NamedParameterJdbcTemplate jdbc;

    public MartQueries(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A region or planning area the marts have rows for. */
    public record Scope(String type, String code, String name) {
    }

    /** A planning area by code or Chinese name (TAIHANG_OLD_AREA, 太行革命老区), or null. */
    public Scope area(String key) {
        return first("area", jdbc.queryForList(MartRefresher.SQL.get("findArea"), Map.of("key", key)));
    }

    /** A current region by code or Chinese name (140400, 长治市), or null. */
    public Scope region(String key) {
        return first("region", jdbc.queryForList(MartRefresher.SQL.get("findRegion"), Map.of("key", key)));
    }

    private static Scope first(String type, List<Map<String, Object>> rows) {
        return rows.isEmpty() ? null : new Scope(type, (String) rows.get(0).get("scope_code"), (String) rows.get(0).get("scope_name"));
    }

    /** Rows of mart_indicator_progress for a scope and quarter, optionally one indicator or one status. */
    public List<Map<String, Object>> progress(String periodCode, Scope scope, String indicator, String status) {
        return jdbc.queryForList(MartRefresher.SQL.get("progressRows"), new MapSqlParameterSource()
                .addValue("periodCode", periodCode).addValue("scopeType", scope.type()).addValue("scopeCode", scope.code())
                .addValue("indicator", indicator).addValue("status", status));
    }

    /** 2025年第三季度 for 2025Q3, or null for an unknown period. */
    public String periodLabel(String periodCode) {
        List<String> labels = jdbc.queryForList(MartRefresher.SQL.get("periodLabel"), Map.of("periodCode", periodCode), String.class);
        return labels.isEmpty() ? null : labels.get(0);
    }

    /** Each unit's completeness row for the quarter (the administrator's board). */
    public List<Map<String, Object>> completenessBoard(String periodCode) {
        return jdbc.queryForList(MartRefresher.SQL.get("completenessBoard"), Map.of("period", periodCode));
    }

    /** The province's reporting and on-time rates for the quarter, or null. */
    public Map<String, Object> provinceRate(String periodCode) {
        List<Map<String, Object>> rows = jdbc.queryForList(MartRefresher.SQL.get("provinceRate"), Map.of("period", periodCode));
        return rows.isEmpty() ? null : rows.get(0);
    }

    /** Planning areas (area_code, name_zh) in display order. */
    public List<Map<String, Object>> areas() {
        return jdbc.queryForList(MartRefresher.SQL.get("areas"), Map.of());
    }

    /** Quarters with any indicator value in the marts, newest first. */
    public List<String> progressPeriods() {
        return jdbc.queryForList(MartRefresher.SQL.get("progressPeriods"), Map.of(), String.class);
    }

    /** When the quarter's marts were last rebuilt, or null if never. */
    public LocalDateTime lastRefresh(String periodCode) {
        return jdbc.queryForObject(MartRefresher.SQL.get("lastRefresh"), Map.of("periodCode", periodCode), LocalDateTime.class);
    }
}
