package cn.zhenxing.report;

import cn.zhenxing.calendar.ReportingCalendar;
import cn.zhenxing.warehouse.Quarter;
import cn.zhenxing.warehouse.SqlFile;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/** The report feature's one way into the marts: the statements of report.sql, with the quarter's parameters. */
@Component
class ReportQueries {

    static final SqlFile SQL = SqlFile.of(ReportQueries.class, "report.sql");
    static final String PROVINCE = "140000";

    /** A region or area by code and name. */
    record Region(String code, String name) {
    }

    /** Which indicators a report covers: plans and a REGEXP on indicator codes. */
    record Indicators(List<String> plans, String codes) {
        static final String ALL_CODES = ".";
    }

    private final NamedParameterJdbcTemplate jdbc;
    private final ReportingCalendar calendar;
    private final ReportSettings settings;
    /** The choice of the render under way on this thread ({@link #rendering}), else the configured one. */
    private final ThreadLocal<ReportSettings.Preliminary> preliminary = new ThreadLocal<>();

    ReportQueries(NamedParameterJdbcTemplate jdbc, ReportingCalendar calendar, ReportSettings settings) {
        this.jdbc = jdbc;
        this.calendar = calendar;
        this.settings = settings;
    }

    /** Runs one report's queries with {@code choice} for its 初步数 (null: the configured zhenxing.reports.preliminary). */
    <T> T rendering(ReportSettings.Preliminary choice, java.util.function.Supplier<T> build) {
        preliminary.set(choice);
        try {
            return build.get();
        } finally {
            preliminary.remove();
        }
    }

    /** Whether figures from data not yet approved are left out (omit) rather than marked 初步数. */
    boolean omitsPreliminary() {
        ReportSettings.Preliminary choice = preliminary.get();
        return (choice != null ? choice : settings.preliminary()) == ReportSettings.Preliminary.OMIT;
    }

    /** The quarter of a period code that dim_period knows. */
    Quarter quarter(String periodCode) {
        return calendar.quarter(periodCode)
                .orElseThrow(() -> new IllegalArgumentException("报告期“" + periodCode + "”无法识别，请写成 2025Q3 这样的季度。"));
    }

    List<Map<String, Object>> list(String statement, Quarter q, Map<String, Object> extra) {
        return jdbc.queryForList(SQL.get(statement), params(q, extra));
    }

    Map<String, Object> one(String statement, Quarter q, Map<String, Object> extra) {
        return jdbc.queryForMap(SQL.get(statement), params(q, extra));
    }

    <T> T value(String statement, Quarter q, Map<String, Object> extra, Class<T> type) {
        return jdbc.queryForObject(SQL.get(statement), params(q, extra), type);
    }

    /**
     * The date a report speaks of: {@code asOf} when the caller names one (the CLI's --as-of, a schedule's
     * fire date), else the quarter's report date from the calendar, but not after today.
     */
    LocalDate reportDate(Quarter q, LocalDate asOf) {
        return asOf != null ? asOf : calendar.reportDate(q, LocalDate.now());
    }

    /** Each unit's reporting status and days overdue for the cities (and the province unit), as of the report date. */
    List<Map<String, Object>> completeness(Quarter q, LocalDate reportDate, List<String> cities) {
        return list("completeness", q, Map.of("cities", withProvince(cities), "reportDate", reportDate));
    }

    /** A threshold of cfg_mart_rule, or null when the warehouse has none by that key. */
    java.math.BigDecimal rule(String key) {
        List<java.math.BigDecimal> v = jdbc.queryForList(SQL.get("rule"), Map.of("key", key), java.math.BigDecimal.class);
        return v.isEmpty() ? null : v.get(0);
    }

    /** A current region (name and level), or null. */
    Map<String, Object> region(String code) {
        List<Map<String, Object>> rows = jdbc.queryForList(SQL.get("region"), Map.of("code", code));
        return rows.isEmpty() ? null : rows.get(0);
    }

    /** Every city, in code order. */
    List<Region> cityRegions() {
        return jdbc.queryForList(SQL.get("cities"), Map.of()).stream()
                .map(c -> new Region((String) c.get("region_code"), (String) c.get("name_zh"))).toList();
    }

    List<String> cities() {
        return codes(cityRegions());
    }

    /** The current member counties of a planning area. */
    List<String> areaMembers(String area) {
        return jdbc.queryForList(SQL.get("areaMembers"), Map.of("area", area), String.class);
    }

    String areaName(String area) {
        return (String) jdbc.queryForMap(SQL.get("area"), Map.of("code", area)).get("name_zh");
    }

    /** Cities with at least one member county of the area, in code order. */
    List<Region> areaCities(String area) {
        return jdbc.queryForList(SQL.get("areaCities"), Map.of("area", area)).stream()
                .map(c -> new Region((String) c.get("region_code"), (String) c.get("name_zh"))).toList();
    }

    int areaCounties(String area) {
        Integer n = jdbc.queryForObject(SQL.get("areaCounties"), Map.of("area", area), Integer.class);
        return n == null ? 0 : n;
    }

    /** Indicators per status, per scope. */
    Map<String, Map<String, Integer>> statusCounts(Quarter q, List<String> scopes, Indicators indicators) {
        Map<String, Map<String, Integer>> counts = new LinkedHashMap<>();
        for (Map<String, Object> r : list("statusCounts", q, select(scopes, indicators))) {
            counts.computeIfAbsent((String) r.get("scope_code"), k -> new LinkedHashMap<>())
                    .put((String) r.get("status_zh"), ((Number) r.get("n")).intValue());
        }
        return counts;
    }

    Map<String, Integer> statusCounts(Quarter q, String scope, Indicators indicators) {
        return statusCounts(q, List.of(scope), indicators).getOrDefault(scope, Map.of());
    }

    static Map<String, Object> select(List<String> scopes, Indicators indicators) {
        return Map.of("scopes", scopes, "plans", indicators.plans(), "codes", indicators.codes());
    }

    private MapSqlParameterSource params(Quarter q, Map<String, Object> extra) {
        MapSqlParameterSource p = new MapSqlParameterSource().addValue("p", q.key()).addValue("yearStart", new Quarter(q.year(), 1).key())
                .addValue("omitPreliminary", omitsPreliminary() ? 1 : 0);
        extra.forEach(p::addValue);
        return p;
    }

    static List<String> withProvince(List<String> cities) {
        List<String> all = new ArrayList<>(cities);
        if (!all.contains(PROVINCE)) {
            all.add(PROVINCE);
        }
        return all;
    }

    static List<String> codes(List<Region> regions) {
        return regions.stream().map(Region::code).toList();
    }
}
