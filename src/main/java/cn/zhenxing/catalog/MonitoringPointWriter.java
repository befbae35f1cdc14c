package cn.zhenxing.catalog;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * monitoring_points.csv → dim_monitoring_point: the water-quality sections and air stations the
 * monitoring forms report. Each point lies in a current county; its city follows from the county.
 */
class MonitoringPointWriter extends CatalogWriter {

    private static final List<String> KINDS = List.of("water", "air");
    private static final List<String> LEVELS = List.of("国控", "省控");

    private final UpsertTable points;

    MonitoringPointWriter(JdbcTemplate jdbc, CatalogSource source) {
        super(jdbc, source);
        this.points = new UpsertTable(jdbc, "dim_monitoring_point", "point_code");
    }

    @Override
    protected Change writeRow(CsvRow row) {
        String where = row.file() + " line " + row.line() + ": ";
        String county = row.require("county_code");
        List<String> city = jdbc.queryForList(CatalogSql.sql("countyCity"), String.class, county);
        if (city.isEmpty()) {
            throw new CatalogException(where + "county_code " + county + " is not a current county");
        }
        String kind = row.require("point_kind");
        String level = row.require("control_level");
        if (!KINDS.contains(kind) || !LEVELS.contains(level)) {
            throw new CatalogException(where + "point_kind must be one of " + KINDS + ", control_level one of " + LEVELS);
        }
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("point_code", row.require("point_code"));
        v.put("name_zh", row.require("name_zh"));
        v.put("point_kind", kind);
        v.put("river_zh", row.get("river_zh"));
        v.put("county_code", county);
        v.put("city_code", city.get(0));
        v.put("control_level", level);
        v.put("is_sample", row.flag("is_sample"));
        v.put("source_zh", row.require("source_zh"));
        return points.upsert(v);
    }
}
