-- Statements of the form feature: which rows a unit's form holds for a quarter.

-- Statements of the submission feature: form content (which rows a unit's form holds) and ingest.
-- name: unit
SELECT u.unit_key, u.unit_code, u.name_zh, u.unit_kind, u.region_code, r.name_zh AS region_name
FROM dim_reporting_unit u JOIN dim_region r ON r.region_code = u.region_code AND r.is_current
WHERE u.unit_code = ?;

-- name: allUnits
SELECT unit_code FROM dim_reporting_unit ORDER BY unit_code;

-- name: jurisdiction
SELECT r.region_code, r.name_zh, r.level, r.parent_code, r.city_code
FROM bridge_unit_region b
JOIN dim_reporting_unit u ON u.unit_key = b.unit_key
JOIN dim_region r ON r.region_code = b.region_code AND r.is_current
WHERE u.unit_code = ?
ORDER BY r.level <> 'province', r.level <> 'city', r.region_code;

-- Indicators a form may carry: plan in force in the period's year, a value that can be typed.
-- name: formIndicators
SELECT i.indicator_key, i.indicator_code, COALESCE(i.form_name_zh, i.name_zh) AS name_zh, COALESCE(i.form_unit, i.unit) AS unit,
       i.report_level, i.frequency, i.rollup, i.value_kind, i.definition_zh, i.definition_source, i.basis, i.growth_base, i.value_range,
       i.numerator_name_zh, i.denominator_name_zh, p.title_zh AS plan_title, t.target_text, t.target_year,
       t.scope_type, t.scope_code
FROM dim_indicator i
JOIN dim_plan p ON p.plan_code = i.plan_code
LEFT JOIN fact_indicator_target t ON t.indicator_key = i.indicator_key
WHERE NOT p.is_draft
  AND (p.start_year IS NULL OR p.start_year <= ?)
  AND (p.end_year IS NULL OR p.end_year >= ?)
  AND i.value_kind NOT IN ('composite', 'qualitative')
ORDER BY i.indicator_key;

-- name: areaMembers
SELECT a.area_code, b.region_code FROM bridge_area_region b JOIN dim_planning_area a ON a.area_key = b.area_key WHERE b.is_current;

-- name: formTasks
SELECT t.task_key, t.task_code, t.title_zh, t.regions_mentioned,
       (SELECT GROUP_CONCAT(d.name_zh ORDER BY b.position SEPARATOR '、') FROM bridge_task_department b
          JOIN dim_department d ON d.department_key = b.department_key WHERE b.task_key = t.task_key) AS departments
FROM dim_task t JOIN dim_plan p ON p.plan_code = t.plan_code
WHERE NOT p.is_draft AND (p.start_year IS NULL OR p.start_year <= ?)
ORDER BY t.task_key;

-- name: currentRegions
SELECT region_code, name_zh, level, city_code FROM dim_region WHERE is_current;

-- name: unitProjects
SELECT DISTINCT p.project_key, p.project_code, p.name_zh
FROM dim_project p JOIN bridge_project_region b ON b.project_key = p.project_key
JOIN bridge_unit_region ur ON ur.region_code = b.region_code
JOIN dim_reporting_unit u ON u.unit_key = ur.unit_key
WHERE u.unit_code = ? AND p.source = 'catalog'
ORDER BY p.project_key;

-- Projects located in no city (area-wide): the province reports them.
-- name: provinceProjects
SELECT p.project_key, p.project_code, p.name_zh FROM dim_project p
WHERE p.source = 'catalog' AND NOT EXISTS (SELECT 1 FROM bridge_project_region b WHERE b.project_key = p.project_key)
ORDER BY p.project_key;

-- 上年同期值 pre-filled on the form: the current accepted value of each region x indicator of a quarter
-- (the county's own form wins over its city's, as everywhere: int_indicator_value_current).
-- name: acceptedValues
SELECT c.region_code, i.indicator_code, c.value
FROM int_indicator_value_current c JOIN dim_indicator i ON i.indicator_key = c.indicator_key
WHERE c.period_key = ? AND c.value IS NOT NULL;
