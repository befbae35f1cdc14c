package cn.zhenxing.catalog;

import static cn.zhenxing.catalog.CatalogSql.sql;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * projects.csv → dim_project and the project × region bridge. Region labels "长治市" or
 * "长治市黎城县" resolve to codes; area labels ("Taihang area") stay in regions_label only.
 */
class ProjectWriter extends CatalogWriter {

    private final UpsertTable projects;
    private Map<String, String> cityCodes;
    private Map<String, String> countyCodes;

    ProjectWriter(JdbcTemplate jdbc, CatalogSource source) {
        super(jdbc, source);
        this.projects = new UpsertTable(jdbc, "dim_project", "project_code");
    }

    @Override
    protected Change writeRow(CsvRow row) {
        String code = row.require("project_code");
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("project_code", code);
        v.put("name_zh", row.require("project_name_zh"));
        v.put("category", row.get("category"));
        v.put("regions_label", row.get("regions"));
        Change change = projects.upsert(v);
        Integer projectKey = jdbc.queryForObject(sql("projectKey"), Integer.class, code);
        return combine(change, syncRegions(projectKey, regionCodes(row.get("regions"))));
    }

    Set<String> regionCodes(String label) {
        if (cityCodes == null) {
            cityCodes = new HashMap<>();
            countyCodes = new HashMap<>();
            jdbc.query(sql("regionCurrentByLevel"), rs -> {
                cityCodes.put(rs.getString("name_zh"), rs.getString("region_code"));
            }, "city");
            jdbc.query(sql("regionCurrentByLevel"), rs -> {
                countyCodes.put(rs.getString("parent_code") + rs.getString("name_zh"), rs.getString("region_code"));
            }, "county");
        }
        Set<String> codes = new LinkedHashSet<>();
        if (label == null) {
            return codes;
        }
        for (String token : label.split("[;；]")) {
            String t = token.strip();
            int cityEnd = t.indexOf('市');
            if (cityEnd < 0) {
                continue; // an area label, not a place
            }
            String city = cityCodes.get(t.substring(0, cityEnd + 1));
            if (city == null) {
                continue;
            }
            String county = t.substring(cityEnd + 1);
            codes.add(county.isEmpty() ? city : countyCodes.getOrDefault(city + county, city));
        }
        return codes;
    }

    private Change syncRegions(Integer projectKey, Set<String> wanted) {
        Set<String> existing = new HashSet<>(jdbc.queryForList(sql("projectRegions"), String.class, projectKey));
        return syncMembers(existing, wanted,
                code -> jdbc.update(sql("projectRegionInsert"), projectKey, code),
                code -> jdbc.update(sql("projectRegionDelete"), projectKey, code));
    }
}
