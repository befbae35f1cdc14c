package cn.zhenxing.catalog;

import static cn.zhenxing.catalog.CatalogSql.sql;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * indicators.csv → dim_indicator and fact_indicator_target (baseline and target per scope and
 * target year). Target cells are parsed by {@link TargetParser}; the printed text is kept. A
 * "完成国家考核目标" target is stored as kind national_assessment with no number: known later.
 */
class IndicatorWriter extends CatalogWriter {

    private static final List<String> VALUE_KINDS = List.of("level", "growth_rate", "cumulative", "reduction", "composite", "qualitative");
    private static final List<String> ROLLUPS = List.of("sum", "recompute", "weighted", "none");
    private static final List<String> BASES = List.of("level", "ytd_flow", "quarter_flow", "growth_yoy", "period_total");
    private static final List<String> DEFINITION_SOURCES = List.of("statistics", "undefined");
    private static final List<String> GROWTH_BASES = List.of("same_period_last_year", "baseline_year");
    private static final List<String> VALUE_RANGES = List.of("share", "count", "non_negative", "signed");
    private static final List<String> TARGET_KINDS = List.of("number", "growth_rate", "cumulative", "national_assessment", "qualitative", "none");

    private final UpsertTable indicators;
    private final UpsertTable targets;
    private final Map<String, CsvRow> scopes = new HashMap<>();

    IndicatorWriter(JdbcTemplate jdbc, CatalogSource source) {
        super(jdbc, source);
        this.indicators = new UpsertTable(jdbc, "dim_indicator", "indicator_code");
        this.targets = new UpsertTable(jdbc, "fact_indicator_target", "indicator_key", "scope_type", "scope_code", "target_year");
        for (CsvRow scope : CsvRowReader.readAll(source, "scopes.csv")) {
            scopes.put(scope.require("scope_label"), scope);
        }
    }

    @Override
    protected Change writeRow(CsvRow row) {
        String code = row.require("code");
        String scopeLabel = row.require("scope");
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("indicator_code", code);
        v.put("plan_code", row.require("plan_code"));
        v.put("section", row.get("section"));
        v.put("name_zh", row.require("name_zh"));
        v.put("name_en", row.get("name_en"));
        v.put("unit", row.get("unit"));
        v.put("attribute", row.get("attribute"));
        v.put("direction", row.get("direction"));
        v.put("additivity", row.get("additivity"));
        v.put("value_kind", oneOf(row, "value_kind", VALUE_KINDS));
        v.put("rollup", oneOf(row, "rollup", ROLLUPS));
        v.put("rollup_weight", row.get("rollup_weight"));
        v.put("numerator_name_zh", row.get("numerator_name_zh"));
        v.put("denominator_name_zh", row.get("denominator_name_zh"));
        v.put("ratio_factor", row.get("ratio_factor") == null ? null : new java.math.BigDecimal(row.get("ratio_factor")));
        v.put("form_unit", row.get("form_unit"));
        v.put("basis", oneOf(row, "basis", BASES));
        v.put("definition_zh", row.get("definition_zh"));
        v.put("definition_source", optionalOneOf(row, "definition_source", DEFINITION_SOURCES));
        v.put("growth_base", optionalOneOf(row, "growth_base", GROWTH_BASES));
        v.put("value_range", oneOf(row, "value_range", VALUE_RANGES));
        v.put("form_name_zh", row.get("form_name_zh"));
        v.put("report_level", oneOf(row, "report_level", List.of("province", "city", "county")));
        v.put("frequency", oneOf(row, "frequency", List.of("quarterly", "annual")));
        v.put("scope_label", scopeLabel);
        v.put("notes", row.get("notes"));
        Change indicatorChange = indicators.upsert(v);
        Integer indicatorKey = jdbc.queryForObject(sql("indicatorKey"), Integer.class, code);
        return combine(indicatorChange, targets.upsert(target(row, indicatorKey, scopeLabel)));
    }

    private Map<String, Object> target(CsvRow row, Integer indicatorKey, String scopeLabel) {
        CsvRow scope = scopes.get(scopeLabel);
        if (scope == null) {
            throw new CatalogException(row.file() + " line " + row.line() + ": scope '" + scopeLabel + "' is not listed in scopes.csv");
        }
        String scopeType = scope.require("scope_type");
        String scopeCode = scopeType.equals("other") ? scopeLabel : scope.require("scope_code");
        String kind = oneOf(row, "target_kind", TARGET_KINDS);
        String growthText = row.get("growth_target");
        // The primary target is the level cell when the plan gives one, else the growth column.
        String targetText = row.get("target_value") != null ? row.get("target_value") : growthText;
        TargetParser.Parsed target = TargetParser.parse(targetText);
        boolean numeric = target != null && target.hasNumber()
                && (kind.equals("number") || kind.equals("growth_rate") || kind.equals("cumulative"));
        TargetParser.Parsed baseline = TargetParser.parse(row.get("baseline_value"));
        TargetParser.Parsed growth = row.get("target_value") != null ? TargetParser.parse(growthText) : null;

        Map<String, Object> t = new LinkedHashMap<>();
        t.put("indicator_key", indicatorKey);
        t.put("scope_type", scopeType);
        t.put("scope_code", scopeCode);
        t.put("region_key", scopeType.equals("region") ? jdbc.queryForObject(sql("regionKeyCurrent"), Integer.class, scopeCode) : null);
        t.put("area_key", scopeType.equals("area") ? jdbc.queryForObject(sql("areaKey"), Integer.class, scopeCode) : null);
        t.put("target_year", row.get("target_year") == null ? 0 : Integer.parseInt(row.get("target_year")));
        t.put("baseline_year", PlanWriter.integer(row.get("baseline_year")));
        t.put("baseline_value", baseline == null ? null : baseline.value());
        t.put("baseline_text", row.get("baseline_value"));
        t.put("target_kind", kind);
        t.put("target_operator", numeric ? target.operator().name().toLowerCase(java.util.Locale.ROOT) : null);
        t.put("target_value", numeric ? target.value() : null);
        t.put("target_value_high", numeric ? target.high() : null);
        t.put("target_text", targetText);
        t.put("is_aspirational", target != null && target.aspirational());
        t.put("growth_value", growth == null ? null : growth.value());
        t.put("growth_text", growth == null ? null : growthText);
        return t;
    }

    private static String optionalOneOf(CsvRow row, String column, List<String> allowed) {
        return row.get(column) == null ? null : oneOf(row, column, allowed);
    }

    private static String oneOf(CsvRow row, String column, List<String> allowed) {
        String value = row.require(column);
        if (!allowed.contains(value)) {
            throw new CatalogException(row.file() + " line " + row.line() + ": " + column + " '" + value + "' must be one of " + allowed);
        }
        return value;
    }
}
