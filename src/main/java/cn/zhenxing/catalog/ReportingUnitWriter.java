package cn.zhenxing.catalog;

import static cn.zhenxing.catalog.CatalogSql.sql;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * reporting_units.csv → dim_reporting_unit and its jurisdiction (bridge_unit_region):
 * {@code city_and_counties} covers the city and all its current counties, {@code self} only its own region.
 */
class ReportingUnitWriter extends CatalogWriter {

    private final UpsertTable units;

    ReportingUnitWriter(JdbcTemplate jdbc, CatalogSource source) {
        super(jdbc, source);
        this.units = new UpsertTable(jdbc, "dim_reporting_unit", "unit_code");
    }

    @Override
    protected Change writeRow(CsvRow row) {
        String code = row.require("unit_code");
        String region = row.require("region_code");
        String covers = row.require("covers");
        if (jdbc.queryForList(sql("regionKeyCurrent"), Integer.class, region).isEmpty()) {
            throw new CatalogException(row.file() + " line " + row.line() + ": region_code " + region + " is not a current region");
        }
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("unit_code", code);
        v.put("name_zh", row.require("name_zh"));
        v.put("unit_kind", row.require("unit_kind"));
        v.put("region_code", region);
        v.put("covers", covers);
        Change change = units.upsert(v);
        Integer unitKey = jdbc.queryForObject(sql("unitKey"), Integer.class, code);
        Set<String> wanted = new LinkedHashSet<>();
        wanted.add(region);
        switch (covers) {
            case "self" -> { }
            case "city_and_counties" -> wanted.addAll(jdbc.queryForList(sql("countiesOfCity"), String.class, region));
            default -> throw new CatalogException(row.file() + " line " + row.line() + ": covers must be self or city_and_counties");
        }
        return combine(change, sync(unitKey, wanted));
    }

    private Change sync(Integer unitKey, Set<String> wanted) {
        Set<String> existing = new HashSet<>(jdbc.queryForList(sql("unitRegions"), String.class, unitKey));
        return syncMembers(existing, wanted,
                code -> jdbc.update(sql("unitRegionInsert"), unitKey, code),
                code -> jdbc.update(sql("unitRegionDelete"), unitKey, code));
    }
}
