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

    /**
     * The planning areas a user's word names: the one whose code or name it is, else every area whose
     * name contains it (黄河流域 → 黄河流域规划范围). Several results mean the word is ambiguous.
     */
    public List<Scope> areasMatching(String key) {
        return matching("area", "findArea", "findAreaLike", key);
    }

    /** Current regions as {@link #areasMatching}: 长治 → 长治市; each name carries its city when it is a county (城区（阳泉市）). */
    public List<Scope> regionsMatching(String key) {
        return matching("region", "findRegion", "findRegionLike", key);
    }

    private List<Scope> matching(String type, String exact, String like, String key) {
        List<Map<String, Object>> rows = jdbc.queryForList(MartRefresher.SQL.get(exact), Map.of("key", key));
        if (rows.isEmpty() && !key.isBlank()) {
            rows = jdbc.queryForList(MartRefresher.SQL.get(like), Map.of("key", key));
        }
        return rows.stream().map(r -> new Scope(type, (String) r.get("scope_code"), (String) r.get("scope_name"))).toList();
    }

    /** How a candidate is told apart in a list: 城区（140302，阳泉市）. */
    public String describe(Scope scope) {
        if (!"region".equals(scope.type())) {
            return scope.name() + "（" + scope.code() + "）";
        }
        List<String> city = jdbc.queryForList(MartRefresher.SQL.get("regionCity"), Map.of("code", scope.code()), String.class);
        return scope.name() + "（" + scope.code() + (city.isEmpty() || city.get(0) == null ? "" : "，" + city.get(0)) + "）";
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
