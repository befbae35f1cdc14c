-- Statements of the catalog load job and the catalog queries, by name (see SqlFile).

-- name: loadStart
INSERT INTO ops_catalog_load (checksum, source, effective_date, job_execution_id) VALUES (?, ?, ?, ?);

-- name: loadFinish
UPDATE ops_catalog_load SET rows_inserted = ?, rows_updated = ?, rows_unchanged = ? WHERE catalog_load_id = ?;

-- name: loadCounts
SELECT rows_inserted, rows_updated, rows_unchanged FROM ops_catalog_load WHERE catalog_load_id = ?;

-- name: catalogLoaded
SELECT EXISTS (SELECT 1 FROM dim_reporting_unit) AND EXISTS (SELECT 1 FROM dim_period WHERE period_type = 'Q');

-- name: regionRowCount
SELECT COUNT(*) FROM dim_region;

-- name: periodCount
SELECT COUNT(*) FROM dim_period;

-- name: periodInsert
INSERT IGNORE INTO dim_period (period_key, period_code, period_type, year, half, quarter, month, start_date, end_date, label_zh)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?);

-- name: regionCurrent
SELECT region_key, row_hash, valid_from, notes FROM dim_region WHERE region_code = ? AND is_current;

-- name: regionVersionCount
SELECT COUNT(*) FROM dim_region WHERE region_code = ?;

-- name: regionInsert
INSERT INTO dim_region (region_code, name_zh, level, parent_code, city_code, notes, valid_from, valid_to, is_current, row_hash, catalog_load_id)
VALUES (?, ?, ?, ?, ?, ?, ?, '9999-12-31', TRUE, ?, ?);

-- name: regionClose
UPDATE dim_region SET valid_to = ?, is_current = FALSE WHERE region_key = ?;

-- name: regionNotes
UPDATE dim_region SET notes = ? WHERE region_key = ?;

-- name: regionCurrentAll
SELECT region_key, region_code, valid_from FROM dim_region WHERE is_current;

-- name: regionKeyCurrent
SELECT region_key FROM dim_region WHERE region_code = ? AND is_current;

-- name: regionCurrentByLevel
SELECT region_code, name_zh, parent_code FROM dim_region WHERE is_current AND level = ?;

-- name: areaAll
SELECT area_key, area_code, member_flag FROM dim_planning_area;

-- name: areaKey
SELECT area_key FROM dim_planning_area WHERE area_code = ?;

-- name: membershipCurrent
SELECT region_code FROM bridge_area_region WHERE area_key = ? AND is_current;

-- name: membershipInsert
INSERT INTO bridge_area_region (area_key, region_code, valid_from, is_current, catalog_load_id) VALUES (?, ?, ?, TRUE, ?);

-- name: membershipClose
UPDATE bridge_area_region SET valid_to = ?, is_current = FALSE WHERE area_key = ? AND region_code = ? AND is_current;

-- name: indicatorKey
SELECT indicator_key FROM dim_indicator WHERE indicator_code = ?;

-- name: taskKey
SELECT task_key FROM dim_task WHERE task_code = ?;

-- name: departmentKey
SELECT department_key FROM dim_department WHERE name_zh = ?;

-- name: departmentInsert
INSERT INTO dim_department (name_zh, level) VALUES (?, ?);

-- name: taskDepartments
SELECT department_key, position FROM bridge_task_department WHERE task_key = ?;

-- name: taskDepartmentInsert
INSERT INTO bridge_task_department (task_key, department_key, position) VALUES (?, ?, ?);

-- name: taskDepartmentDelete
DELETE FROM bridge_task_department WHERE task_key = ? AND department_key = ?;

-- name: taskDepartmentPosition
UPDATE bridge_task_department SET position = ? WHERE task_key = ? AND department_key = ?;

-- name: projectKey
SELECT project_key FROM dim_project WHERE project_code = ?;

-- name: planBySeed
SELECT plan_code FROM dim_plan WHERE seed_file = ? ORDER BY plan_key LIMIT 1;

-- name: projectRegions
SELECT region_code FROM bridge_project_region WHERE project_key = ?;

-- name: projectRegionInsert
INSERT INTO bridge_project_region (project_key, region_code) VALUES (?, ?);

-- name: projectRegionDelete
DELETE FROM bridge_project_region WHERE project_key = ? AND region_code = ?;

-- name: unitKey
SELECT unit_key FROM dim_reporting_unit WHERE unit_code = ?;

-- name: unitRegions
SELECT region_code FROM bridge_unit_region WHERE unit_key = ?;

-- name: unitRegionInsert
INSERT INTO bridge_unit_region (unit_key, region_code) VALUES (?, ?);

-- name: unitRegionDelete
DELETE FROM bridge_unit_region WHERE unit_key = ? AND region_code = ?;

-- name: countyCity
SELECT parent_code FROM dim_region WHERE is_current AND region_code = ? AND level = 'county';

-- name: countiesOfCity
SELECT region_code FROM dim_region WHERE is_current AND parent_code = ? AND level = 'county';

-- name: showAreas
SELECT a.area_code, a.name_zh, a.plan_code, a.expected_count,
       (SELECT COUNT(*) FROM bridge_area_region b WHERE b.area_key = a.area_key AND b.is_current) AS county_count,
       (SELECT COUNT(DISTINCT r.parent_code) FROM bridge_area_region b
          JOIN dim_region r ON r.region_code = b.region_code AND r.is_current
         WHERE b.area_key = a.area_key AND b.is_current) AS city_count
FROM dim_planning_area a ORDER BY a.sort_order;

-- name: showRegions
SELECT r.region_code, r.name_zh, r.level, r.parent_code,
       (SELECT GROUP_CONCAT(a.name_zh ORDER BY a.sort_order SEPARATOR '、') FROM bridge_area_region b
          JOIN dim_planning_area a ON a.area_key = b.area_key
         WHERE b.region_code = r.region_code AND b.is_current) AS areas
FROM dim_region r WHERE r.is_current
ORDER BY COALESCE(r.city_code, r.region_code), r.level <> 'city', r.region_code;

-- name: showIndicators
SELECT i.indicator_code, i.name_zh, i.unit, i.attribute, t.baseline_year, t.baseline_text,
       t.target_year, t.target_kind,
       CASE WHEN t.target_kind IN ('growth_rate', 'cumulative') THEN NULL ELSE t.target_text END AS target_text,
       CASE WHEN t.target_kind IN ('growth_rate', 'cumulative') THEN t.target_text ELSE t.growth_text END AS growth_text
FROM dim_indicator i
LEFT JOIN fact_indicator_target t ON t.indicator_key = i.indicator_key
WHERE i.plan_code LIKE ? AND COALESCE(i.section, '') LIKE ?
ORDER BY i.indicator_key;

-- name: showTasks
SELECT t.task_code, t.title_zh,
       (SELECT GROUP_CONCAT(d.name_zh ORDER BY b.position SEPARATOR '、') FROM bridge_task_department b
          JOIN dim_department d ON d.department_key = b.department_key WHERE b.task_key = t.task_key) AS departments
FROM dim_task t WHERE t.plan_code LIKE ? ORDER BY t.task_key;

-- name: showProjects
SELECT p.project_code, p.name_zh, p.category, p.regions_label,
       (SELECT GROUP_CONCAT(DISTINCT m.plan_code ORDER BY m.plan_code SEPARATOR ',') FROM project_mention m
         WHERE m.project_key = p.project_key) AS plans
FROM dim_project p ORDER BY p.project_key;

-- name: summary
SELECT 'plans' AS item, COUNT(*) AS n FROM dim_plan
UNION ALL SELECT 'regions: province', COUNT(*) FROM dim_region WHERE is_current AND level = 'province'
UNION ALL SELECT 'regions: cities', COUNT(*) FROM dim_region WHERE is_current AND level = 'city'
UNION ALL SELECT 'regions: counties', COUNT(*) FROM dim_region WHERE is_current AND level = 'county'
UNION ALL SELECT 'planning areas', COUNT(*) FROM dim_planning_area
UNION ALL SELECT 'indicators', COUNT(*) FROM dim_indicator
UNION ALL SELECT 'indicator targets', COUNT(*) FROM fact_indicator_target
UNION ALL SELECT 'tasks', COUNT(*) FROM dim_task
UNION ALL SELECT 'departments', COUNT(*) FROM dim_department
UNION ALL SELECT 'projects', COUNT(*) FROM dim_project
UNION ALL SELECT 'reporting units', COUNT(*) FROM dim_reporting_unit
UNION ALL SELECT 'periods', COUNT(*) FROM dim_period;
