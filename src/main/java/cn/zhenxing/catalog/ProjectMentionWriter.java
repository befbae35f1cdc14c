package cn.zhenxing.catalog;

import static cn.zhenxing.catalog.CatalogSql.sql;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * project_mentions.csv → project_mention: what each plan says about a project (the same project
 * can be 加快建设 in one plan and 力争开工 in a later one). The step reads the file in one chunk,
 * so the per-plan sequence numbers are the same on every run and after a restart.
 */
class ProjectMentionWriter extends CatalogWriter {

    private final UpsertTable mentions;
    private final Map<String, Integer> sequence = new HashMap<>();

    ProjectMentionWriter(JdbcTemplate jdbc, CatalogSource source) {
        super(jdbc, source);
        this.mentions = new UpsertTable(jdbc, "project_mention", "project_key", "plan_code", "seq");
    }

    @Override
    public void write(org.springframework.batch.item.Chunk<? extends CsvRow> chunk) {
        sequence.clear();
        super.write(chunk);
    }

    @Override
    protected Change writeRow(CsvRow row) {
        String code = row.require("project_code");
        Integer projectKey = jdbc.queryForObject(sql("projectKey"), Integer.class, code);
        String plan = planOf(row.require("source_doc"));
        int seq = sequence.merge(code + "/" + plan, 1, Integer::sum);
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("project_key", projectKey);
        v.put("plan_code", plan);
        v.put("seq", seq);
        v.put("mentioned_status", row.get("mentioned_status_or_target"));
        v.put("notes", row.get("notes"));
        return mentions.upsert(v);
    }

    /** The plan a seed file holds; seed 004 holds FYP14 (listed first) and FYP13's results table. */
    private String planOf(String seedFile) {
        return jdbc.queryForObject(sql("planBySeed"), String.class, seedFile);
    }
}
