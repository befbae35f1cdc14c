package cn.zhenxing.catalog;

import static cn.zhenxing.catalog.CatalogSql.sql;

import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Read-only views of the loaded catalog, as shown by {@code catalog show}. */
@Repository
public class CatalogQueries {

    private final JdbcTemplate jdbc;

    public CatalogQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Whether a catalog load has filled the reporting units and the quarters (false on a fresh warehouse). */
    public boolean loaded() {
        return Boolean.TRUE.equals(jdbc.queryForObject(sql("catalogLoaded"), Boolean.class));
    }

    public List<Map<String, Object>> areas() {
        return jdbc.queryForList(sql("showAreas"));
    }

    public List<Map<String, Object>> regions() {
        return jdbc.queryForList(sql("showRegions"));
    }

    /** The 38 main indicators of the 14th FYP outline (its table 专栏2). */
    public List<Map<String, Object>> mainFypIndicators() {
        return jdbc.queryForList(sql("showIndicators"), "FYP14", "%专栏2 %");
    }

    /** @param planCode a plan code such as FYP14, or null for all plans */
    public List<Map<String, Object>> indicators(String planCode) {
        return jdbc.queryForList(sql("showIndicators"), planCode == null ? "%" : planCode, "%");
    }

    public List<Map<String, Object>> tasks(String planCode) {
        return jdbc.queryForList(sql("showTasks"), planCode == null ? "%" : planCode);
    }

    public List<Map<String, Object>> projects() {
        return jdbc.queryForList(sql("showProjects"));
    }

    /** Item → row count of each dimension, for the demo and load summaries. */
    public List<Map<String, Object>> summary() {
        return jdbc.queryForList(sql("summary"));
    }
}
