package cn.zhenxing.form;

import cn.zhenxing.calendar.ReportingCalendar;
import cn.zhenxing.warehouse.Quarter;
import cn.zhenxing.warehouse.SqlFile;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Decides which rows a unit's quarterly form holds (rules documented in etl/forms/README.md):
 * <ul>
 * <li>表1: each region of the unit's jurisdiction × each indicator of a plan in force that the region
 * reports (its level is at or above the indicator's report level) and whose target scope contains
 * it; annual indicators only in the fourth quarter; composite and qualitative ones never. Grouped as
 * the form definition says (by indicator: an indicator's regions together), each row with its
 * 指标解释 and last year's accepted value.</li>
 * <li>表2: tasks of non-draft plans already started that name no place or a place of the unit.</li>
 * <li>表3: catalog projects located in the unit's regions (the province: area-wide projects).</li>
 * </ul>
 */
@Service
public class FormContentService {

    static final SqlFile SQL = SqlFile.of(FormContentService.class, "form.sql");
    private static final Map<String, Integer> RANK = Map.of("province", 1, "city", 2, "county", 3);

    private final JdbcTemplate jdbc;
    private final ReportingCalendar calendar;
    private final FormDefinition.GroupBy groupBy = FormDefinition.load().table("indicators").groupBy();

    public FormContentService(JdbcTemplate jdbc, ReportingCalendar calendar) {
        this.jdbc = jdbc;
        this.calendar = calendar;
    }

    public List<String> unitCodes() {
        return jdbc.queryForList(SQL.get("allUnits"), String.class);
    }

    public FormContent.Unit unit(String unitCode) {
        List<FormContent.Unit> units = jdbc.query(SQL.get("unit"), (rs, n) -> new FormContent.Unit(rs.getInt("unit_key"),
                rs.getString("unit_code"), rs.getString("name_zh"), rs.getString("unit_kind"), rs.getString("region_code")), unitCode);
        if (units.isEmpty()) {
            throw new IllegalArgumentException("未知的填报单位代码：" + unitCode);
        }
        return units.get(0);
    }

    /** A quarter the warehouse knows (dim_period), or an IllegalArgumentException saying in Chinese why not. */
    public Quarter period(String periodCode) {
        return calendar.knownQuarter(periodCode);
    }

    public FormContent content(String unitCode, String periodCode) {
        FormContent.Unit unit = unit(unitCode);
        Quarter period = period(periodCode);
        List<Map<String, Object>> regions = jdbc.queryForList(SQL.get("jurisdiction"), unitCode);
        return new FormContent(unit, period, calendar.deadline(unitCode, period), indicatorRows(regions, period),
                taskRows(unit, regions, period), projectRows(unit));
    }

    private List<FormContent.IndicatorRow> indicatorRows(List<Map<String, Object>> regions, Quarter period) {
        Map<String, BigDecimal> lastYear = new HashMap<>();
        jdbc.query(SQL.get("acceptedValues"), rs -> {
            lastYear.put(rs.getString("region_code") + "|" + rs.getString("indicator_code"), rs.getBigDecimal("value"));
        }, period.yearAgo().key());
        Map<String, Set<String>> areaMembers = new HashMap<>();
        jdbc.query(SQL.get("areaMembers"), rs -> {
            areaMembers.computeIfAbsent(rs.getString("area_code"), k -> new HashSet<>()).add(rs.getString("region_code"));
        });
        Map<String, String> cityOf = new HashMap<>();
        jdbc.query(SQL.get("currentRegions"), rs -> {
            cityOf.put(rs.getString("region_code"), rs.getString("city_code"));
        });
        // One indicator may have several target scopes: it applies where any of them applies.
        Map<Integer, List<Map<String, Object>>> byIndicator = new LinkedHashMap<>();
        for (Map<String, Object> row : jdbc.queryForList(SQL.get("formIndicators"), period.year(), period.year())) {
            byIndicator.computeIfAbsent(((Number) row.get("indicator_key")).intValue(), k -> new ArrayList<>()).add(row);
        }
        List<FormContent.IndicatorRow> rows = new ArrayList<>();
        for (Map<String, Object> region : regions) {
            String code = (String) region.get("region_code");
            String level = (String) region.get("level");
            for (List<Map<String, Object>> scopes : byIndicator.values()) {
                Map<String, Object> indicator = scopes.get(0);
                if ("annual".equals(indicator.get("frequency")) && period.quarter() != 4) {
                    continue;
                }
                if (RANK.get(level) > RANK.get((String) indicator.get("report_level"))) {
                    continue;
                }
                boolean inScope = scopes.stream().anyMatch(s -> inScope(code, level, cityOf.get(code),
                        (String) s.get("scope_type"), (String) s.get("scope_code"), (String) indicator.get("report_level"), areaMembers, cityOf));
                if (inScope) {
                    String indicatorCode = (String) indicator.get("indicator_code");
                    rows.add(new FormContent.IndicatorRow(code, (String) region.get("name_zh"),
                            ((Number) indicator.get("indicator_key")).intValue(), indicatorCode,
                            (String) indicator.get("name_zh"), (String) indicator.get("unit"),
                            "recompute".equals(indicator.get("rollup")), (String) indicator.get("value_kind"),
                            level.equals(indicator.get("report_level")), explanation(scopes), lastYear.get(code + "|" + indicatorCode)));
                }
            }
        }
        if (groupBy == FormDefinition.GroupBy.INDICATOR) {
            // Stable: within an indicator the regions keep the jurisdiction's order (own region first).
            Map<Integer, Integer> order = new HashMap<>();
            byIndicator.keySet().forEach(k -> order.put(k, order.size()));
            rows.sort(Comparator.comparingInt(r -> order.get(r.indicatorKey())));
        }
        return rows;
    }

    /** The 指标解释 of an indicator; its target is the province's (or the first scope's) as the plan prints it. */
    private static FormContent.Explanation explanation(List<Map<String, Object>> scopes) {
        Map<String, Object> i = scopes.get(0);
        Map<String, Object> target = scopes.stream().filter(s -> "140000".equals(s.get("scope_code"))).findFirst().orElse(i);
        String targetText = (String) target.get("target_text");
        Object year = target.get("target_year");
        String targetZh = targetText == null ? null
                : (year != null && ((Number) year).intValue() > 0 ? ((Number) year).intValue() + "年：" : "") + targetText;
        return new FormContent.Explanation((String) i.get("definition_zh"), (String) i.get("definition_source"),
                (String) i.get("value_kind"), (String) i.get("basis"), (String) i.get("growth_base"), (String) i.get("value_range"),
                (String) i.get("numerator_name_zh"), (String) i.get("denominator_name_zh"), (String) i.get("plan_title"), targetZh);
    }

    static boolean inScope(String region, String level, String city, String scopeType, String scopeCode, String reportLevel,
                           Map<String, Set<String>> areaMembers, Map<String, String> cityOf) {
        if (scopeType == null || scopeType.equals("other")) {
            return level.equals("province") && reportLevel.equals("province");
        }
        if (scopeType.equals("region")) {
            return scopeCode.equals("140000") || scopeCode.equals(region) || scopeCode.equals(city);
        }
        Set<String> members = areaMembers.getOrDefault(scopeCode, Set.of());
        return switch (level) {
            case "county" -> members.contains(region);
            case "city" -> members.stream().anyMatch(m -> region.equals(cityOf.get(m)));
            default -> reportLevel.equals("province");
        };
    }

    private List<FormContent.TaskRow> taskRows(FormContent.Unit unit, List<Map<String, Object>> regions, Quarter period) {
        Set<String> placeNames = new HashSet<>();
        for (Map<String, Object> region : regions) {
            String name = (String) region.get("name_zh");
            placeNames.add(name);
            placeNames.add(shortName(name));
        }
        boolean province = unit.kind().equals("province");
        List<FormContent.TaskRow> rows = new ArrayList<>();
        jdbc.query(SQL.get("formTasks"), rs -> {
            String mentioned = rs.getString("regions_mentioned");
            boolean general = mentioned == null || mentioned.isBlank();
            boolean mine = !general && java.util.Arrays.stream(mentioned.split("[;；、]")).map(String::strip).anyMatch(placeNames::contains);
            if (province || general || mine) {
                rows.add(new FormContent.TaskRow(rs.getInt("task_key"), rs.getString("task_code"), rs.getString("title_zh"),
                        rs.getString("departments")));
            }
        }, period.year());
        return rows;
    }

    /** 长治市 → 长治, 盂县 → 盂县 (one-character names keep their suffix), 平城区 → 平城. */
    static String shortName(String name) {
        if (name.length() > 2 && (name.endsWith("市") || name.endsWith("县") || name.endsWith("区"))) {
            return name.substring(0, name.length() - 1);
        }
        return name;
    }

    private List<FormContent.ProjectRow> projectRows(FormContent.Unit unit) {
        String sql = unit.kind().equals("province") ? SQL.get("provinceProjects") : SQL.get("unitProjects");
        Object[] args = unit.kind().equals("province") ? new Object[0] : new Object[] {unit.code()};
        return jdbc.query(sql, (rs, n) -> new FormContent.ProjectRow(rs.getInt("project_key"), rs.getString("project_code"),
                rs.getString("name_zh")), args);
    }
}
