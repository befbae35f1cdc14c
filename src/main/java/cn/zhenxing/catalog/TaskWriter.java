package cn.zhenxing.catalog;

import static cn.zhenxing.catalog.CatalogSql.sql;

import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/** tasks.csv → dim_task, dim_department and the task × department bridge (first listed = lead). */
class TaskWriter extends CatalogWriter {

    private final UpsertTable tasks;

    TaskWriter(JdbcTemplate jdbc, CatalogSource source) {
        super(jdbc, source);
        this.tasks = new UpsertTable(jdbc, "dim_task", "task_code");
    }

    @Override
    protected Change writeRow(CsvRow row) {
        String code = row.require("task_code");
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("task_code", code);
        v.put("plan_code", row.require("plan_code"));
        v.put("section_title", row.get("section_title"));
        v.put("title_zh", row.require("title_zh"));
        v.put("summary_zh", row.get("summary_zh"));
        v.put("regions_mentioned", row.get("regions_mentioned"));
        v.put("has_quantitative_target", row.flag("has_quantitative_target"));
        Change change = tasks.upsert(v);
        Integer taskKey = jdbc.queryForObject(sql("taskKey"), Integer.class, code);
        return combine(change, syncDepartments(taskKey, departments(row.get("responsible_units"))));
    }

    static List<String> departments(String cell) {
        if (cell == null) {
            return List.of();
        }
        return Arrays.stream(cell.split("[;；、]")).map(String::strip).filter(s -> !s.isEmpty()).distinct().toList();
    }

    private Change syncDepartments(Integer taskKey, List<String> names) {
        Change change = Change.UNCHANGED;
        Map<Integer, Integer> existing = new HashMap<>();
        jdbc.query(sql("taskDepartments"), rs -> {
            existing.put(rs.getInt("department_key"), rs.getInt("position"));
        }, taskKey);
        Map<Integer, Integer> wanted = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            wanted.put(departmentKey(names.get(i)), i + 1);
        }
        for (Map.Entry<Integer, Integer> e : wanted.entrySet()) {
            Integer position = existing.get(e.getKey());
            if (position == null) {
                jdbc.update(sql("taskDepartmentInsert"), taskKey, e.getKey(), e.getValue());
                change = Change.UPDATED;
            } else if (!position.equals(e.getValue())) {
                jdbc.update(sql("taskDepartmentPosition"), e.getValue(), taskKey, e.getKey());
                change = Change.UPDATED;
            }
        }
        for (Integer departmentKey : existing.keySet()) {
            if (!wanted.containsKey(departmentKey)) {
                jdbc.update(sql("taskDepartmentDelete"), taskKey, departmentKey);
                change = Change.UPDATED;
            }
        }
        return change;
    }

    private Integer departmentKey(String name) {
        List<Integer> keys = jdbc.queryForList(sql("departmentKey"), Integer.class, name);
        if (!keys.isEmpty()) {
            return keys.get(0);
        }
        jdbc.update(sql("departmentInsert"), name, departmentLevel(name));
        return jdbc.queryForObject(sql("departmentKey"), Integer.class, name);
    }

    /** 省… / 团省委 are provincial bodies, 县… county bureaus, …市人民政府 city governments. */
    static String departmentLevel(String name) {
        if (name.contains("公司")) {
            return "enterprise";
        }
        if (name.startsWith("省") || name.contains("省委") || name.startsWith("团省")) {
            return "province";
        }
        if (name.startsWith("县") || name.contains("县")) {
            return "county";
        }
        if (name.contains("市")) {
            return "city";
        }
        return "other";
    }
}
