package cn.zhenxing.catalog;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/** plans.csv → dim_plan. */
class PlanWriter extends CatalogWriter {

    private final UpsertTable plans;

    PlanWriter(JdbcTemplate jdbc, CatalogSource source) {
        super(jdbc, source);
        this.plans = new UpsertTable(jdbc, "dim_plan", "plan_code");
    }

    @Override
    protected Change writeRow(CsvRow row) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("plan_code", row.require("plan_code"));
        v.put("seed_file", row.require("seed_file"));
        v.put("title_zh", row.require("title_zh"));
        v.put("issuer", row.get("issuer"));
        v.put("doc_number", row.get("doc_number"));
        v.put("issued_on", row.get("issued_on") == null ? null : LocalDate.parse(row.get("issued_on")));
        v.put("start_year", integer(row.get("start_year")));
        v.put("end_year", integer(row.get("end_year")));
        v.put("is_draft", row.flag("is_draft"));
        v.put("notes", row.get("notes"));
        return plans.upsert(v);
    }

    static Integer integer(String s) {
        return s == null ? null : Integer.valueOf(s);
    }
}
