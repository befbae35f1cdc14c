package cn.zhenxing.catalog;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/** areas.csv → dim_planning_area (membership comes from the regions file, see AreaMembershipTasklet). */
class AreaWriter extends CatalogWriter {

    private final UpsertTable areas;

    AreaWriter(JdbcTemplate jdbc, CatalogSource source) {
        super(jdbc, source);
        this.areas = new UpsertTable(jdbc, "dim_planning_area", "area_code");
    }

    @Override
    protected Change writeRow(CsvRow row) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("area_code", row.require("area_code"));
        v.put("name_zh", row.require("name_zh"));
        v.put("plan_code", row.require("plan_code"));
        v.put("member_flag", row.require("member_flag"));
        v.put("expected_count", PlanWriter.integer(row.get("expected_count")));
        v.put("sort_order", Integer.valueOf(row.require("sort_order")));
        v.put("definition", row.get("definition"));
        return areas.upsert(v);
    }
}
