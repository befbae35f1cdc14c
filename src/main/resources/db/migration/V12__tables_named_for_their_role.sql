-- Tables and views named for their role (issue 11): ops_ operational state (the ingest control table,
-- its problems, locks, the mail queue, accounts, load and refresh logs, follow-ups), cfg_ configuration
-- set by administrators or data (calendar, exceptions, contacts, mart rules), int_ internal views.
-- Data is kept: RENAME TABLE moves rows, indexes and foreign keys. Views name tables, so every view is
-- dropped first and created again with the new names.

DROP VIEW IF EXISTS v_mart_rollup;
DROP VIEW IF EXISTS v_region_population;
DROP VIEW IF EXISTS v_indicator_value_current;
DROP VIEW IF EXISTS mart_completeness_rate;
DROP VIEW IF EXISTS mart_project_investment_by_city;
DROP VIEW IF EXISTS mart_task_lagging_by_department;
DROP VIEW IF EXISTS mart_data_quality;
DROP VIEW IF EXISTS v_county_city_conflict;
DROP VIEW IF EXISTS v_indicator_value_history;

RENAME TABLE fact_submission TO ops_submission,
  submission_problem TO ops_submission_problem,
  period_lock TO ops_period_lock,
  delivery_log TO ops_delivery_log,
  portal_user TO ops_portal_user,
  catalog_load TO ops_catalog_load,
  mart_refresh TO ops_mart_refresh,
  data_quality_follow_up TO ops_data_quality_follow_up,
  reporting_calendar TO cfg_reporting_calendar,
  reporting_exception TO cfg_reporting_exception,
  unit_contact TO cfg_unit_contact,
  mart_rule TO cfg_mart_rule;

CREATE VIEW int_indicator_value_history AS
SELECT r.region_code, r.name_zh AS region_name, i.indicator_code, i.name_zh AS indicator_name, p.period_code,
       s.version, s.submission_id, s.file_name, s.filler, s.submitted_by, s.decided_at,
       f.value,
       LAG(f.value) OVER (PARTITION BY r.region_code, f.indicator_key, f.period_key ORDER BY s.version) AS previous_value,
       s.is_current
FROM fact_indicator_value f
JOIN ops_submission s ON s.submission_id = f.submission_id
JOIN dim_region r ON r.region_key = f.region_key
JOIN dim_indicator i ON i.indicator_key = f.indicator_key
JOIN dim_period p ON p.period_key = f.period_key
WHERE s.status IN ('accepted', 'superseded');

CREATE VIEW int_county_city_conflict AS
SELECT r.region_code, r.name_zh AS region_name, i.indicator_code, i.name_zh AS indicator_name, p.period_code,
       cu.unit_code AS county_unit, fc.value AS county_unit_value, sc.submission_id AS county_submission_id,
       yu.unit_code AS city_unit, fy.value AS city_unit_value, sy.submission_id AS city_submission_id
FROM fact_indicator_value fc
JOIN ops_submission sc ON sc.submission_id = fc.submission_id AND sc.is_current
JOIN dim_reporting_unit cu ON cu.unit_key = sc.unit_key AND cu.unit_kind = 'county'
JOIN fact_indicator_value fy ON fy.region_key = fc.region_key AND fy.indicator_key = fc.indicator_key AND fy.period_key = fc.period_key
JOIN ops_submission sy ON sy.submission_id = fy.submission_id AND sy.is_current
JOIN dim_reporting_unit yu ON yu.unit_key = sy.unit_key AND yu.unit_kind = 'city'
JOIN dim_region r ON r.region_key = fc.region_key
JOIN dim_indicator i ON i.indicator_key = fc.indicator_key
JOIN dim_period p ON p.period_key = fc.period_key
WHERE NOT (fc.value <=> fy.value);

CREATE VIEW mart_data_quality AS
SELECT w.*, f.state AS follow_up_state, f.note_zh AS follow_up_note, (f.state IS NULL OR f.state = 'open') AS needs_follow_up
FROM mart_data_quality_warning w
LEFT JOIN ops_data_quality_follow_up f ON f.period_key = w.period_key AND f.region_code = w.region_code
  AND f.indicator_code = w.indicator_code AND f.check_kind = w.check_kind;

CREATE VIEW mart_task_lagging_by_department AS
SELECT m.period_key, m.period_code, d.name_zh AS department_zh, (b.position = 1) AS is_lead,
       COUNT(*) AS task_rows, SUM(m.is_lagging) AS lagging_rows,
       GROUP_CONCAT(DISTINCT CASE WHEN m.is_lagging THEN m.task_code END ORDER BY m.task_code SEPARATOR ',') AS lagging_tasks
FROM mart_task_progress m
JOIN bridge_task_department b ON b.task_key = m.task_key
JOIN dim_department d ON d.department_key = b.department_key
GROUP BY m.period_key, m.period_code, d.name_zh, (b.position = 1);

CREATE VIEW mart_project_investment_by_city AS
SELECT period_key, period_code, city_code, city_name, COALESCE(category, 'other') AS category,
       COUNT(*) AS projects, SUM(total_investment_yi) AS total_investment_yi,
       SUM(annual_plan_investment_yi) AS annual_plan_investment_yi, SUM(quarter_investment_yi) AS quarter_investment_yi,
       SUM(ytd_investment_yi) AS ytd_investment_yi, SUM(cumulative_investment_yi) AS cumulative_investment_yi,
       SUM(ytd_investment_yi) / NULLIF(SUM(annual_plan_investment_yi), 0) AS annual_completion,
       SUM(cumulative_investment_yi) / NULLIF(SUM(total_investment_yi), 0) AS completion_ratio,
       SUM(is_stalled) AS stalled_projects
FROM mart_project_progress
GROUP BY period_key, period_code, city_code, city_name, COALESCE(category, 'other');

CREATE VIEW mart_completeness_rate AS
SELECT period_key, period_code, 'city' AS scope, city_code,
       SUM(expected) AS expected, SUM(accepted) AS accepted, SUM(on_time) AS on_time, SUM(late) AS late,
       SUM(missing) AS missing, SUM(rejected_then_fixed) AS rejected_then_fixed,
       SUM(accepted) / NULLIF(SUM(expected), 0) AS reporting_rate, SUM(on_time) / NULLIF(SUM(expected), 0) AS on_time_rate
FROM mart_submission_completeness GROUP BY period_key, period_code, city_code
UNION ALL
SELECT period_key, period_code, 'province', '140000',
       SUM(expected), SUM(accepted), SUM(on_time), SUM(late), SUM(missing), SUM(rejected_then_fixed),
       SUM(accepted) / NULLIF(SUM(expected), 0), SUM(on_time) / NULLIF(SUM(expected), 0)
FROM mart_submission_completeness GROUP BY period_key, period_code;

CREATE VIEW int_indicator_value_current AS
SELECT x.period_key, x.region_code, x.indicator_key, x.value, x.prior_year_value, x.numerator_value,
       x.denominator_value, x.submission_id, x.unit_code
FROM (SELECT f.period_key, r.region_code, f.indicator_key, f.value, f.prior_year_value, f.numerator_value,
             f.denominator_value, s.submission_id, u.unit_code,
             ROW_NUMBER() OVER (PARTITION BY f.period_key, r.region_code, f.indicator_key
                                ORDER BY f.value IS NULL, u.region_code <> r.region_code, s.submission_id DESC) AS pick
      FROM fact_indicator_value f
      JOIN ops_submission s ON s.submission_id = f.submission_id AND s.is_current
      JOIN dim_reporting_unit u ON u.unit_key = s.unit_key
      JOIN dim_region r ON r.region_key = f.region_key) x
WHERE x.pick = 1;

CREATE VIEW int_region_population AS
SELECT c.region_code, p.year,
       AVG(CASE i.denominator_name_zh WHEN '常住人口(千人)' THEN c.denominator_value / 10 ELSE c.denominator_value END) AS population_wan
FROM int_indicator_value_current c
JOIN dim_indicator i ON i.indicator_key = c.indicator_key
JOIN dim_period p ON p.period_key = c.period_key
WHERE i.denominator_name_zh IN ('常住人口(万人)', '常住人口(千人)') AND c.denominator_value > 0
GROUP BY c.region_code, p.year;

CREATE VIEW int_mart_rollup AS
SELECT c.period_key, c.parent_type, c.parent_code, c.indicator_key,
       COUNT(*) AS contributing,
       CASE i.rollup
         WHEN 'sum' THEN SUM(c.value)
         WHEN 'recompute' THEN SUM(CASE WHEN c.numerator_value IS NOT NULL AND c.denominator_value IS NOT NULL THEN c.numerator_value END)
              / NULLIF(SUM(CASE WHEN c.numerator_value IS NOT NULL AND c.denominator_value IS NOT NULL THEN c.denominator_value END), 0)
              * IF(i.unit = '%', 100, 1)
         WHEN 'weighted' THEN SUM(CASE WHEN c.value IS NOT NULL AND c.weight_value IS NOT NULL THEN c.value * c.weight_value END)
              / NULLIF(SUM(CASE WHEN c.value IS NOT NULL AND c.weight_value IS NOT NULL THEN c.weight_value END), 0)
       END AS rollup_value,
       CASE i.rollup
         WHEN 'recompute' THEN SUM(c.numerator_value IS NOT NULL AND c.denominator_value IS NOT NULL)
         WHEN 'weighted' THEN SUM(c.value IS NOT NULL AND c.weight_value IS NOT NULL)
         ELSE SUM(c.value IS NOT NULL)
       END AS used_parts,
       SUM(CASE WHEN c.numerator_value IS NOT NULL AND c.denominator_value IS NOT NULL THEN c.numerator_value END) AS numerator_value,
       SUM(CASE WHEN c.numerator_value IS NOT NULL AND c.denominator_value IS NOT NULL THEN c.denominator_value END) AS denominator_value,
       SUM(c.weight_value) AS weight_value,
       -- A sum's year-ago value when every part with a value also has one.
       CASE WHEN i.rollup = 'sum' AND SUM(c.value IS NOT NULL) > 0 AND SUM(c.value_year_ago IS NOT NULL) = SUM(c.value IS NOT NULL)
            THEN SUM(c.value_year_ago) END AS value_year_ago
FROM (
  SELECT m.period_key, _utf8mb4'region' COLLATE utf8mb4_unicode_ci AS parent_type, m.city_code AS parent_code, m.indicator_key, m.value, m.numerator_value,
         m.denominator_value, m.weight_value, m.value_year_ago
  FROM mart_indicator_progress m WHERE m.scope_type = 'region' AND m.scope_level = 'county'
  UNION ALL
  SELECT m.period_key, _utf8mb4'region' COLLATE utf8mb4_unicode_ci, _utf8mb4'140000' COLLATE utf8mb4_unicode_ci, m.indicator_key, m.value, m.numerator_value, m.denominator_value, m.weight_value,
         m.value_year_ago
  FROM mart_indicator_progress m WHERE m.scope_type = 'region' AND m.scope_level = 'city'
  UNION ALL
  SELECT m.period_key, _utf8mb4'area' COLLATE utf8mb4_unicode_ci, a.area_code, m.indicator_key, m.value, m.numerator_value, m.denominator_value, m.weight_value,
         m.value_year_ago
  FROM mart_indicator_progress m
  JOIN dim_period p ON p.period_key = m.period_key
  JOIN bridge_area_region b ON b.region_code = m.scope_code AND p.end_date BETWEEN b.valid_from AND b.valid_to
  JOIN dim_planning_area a ON a.area_key = b.area_key
  WHERE m.scope_type = 'region' AND m.scope_level = 'county'
) c
JOIN dim_indicator i ON i.indicator_key = c.indicator_key
GROUP BY c.period_key, c.parent_type, c.parent_code, c.indicator_key, i.rollup, i.unit;

-- The reporting calendar's one rule for a unit's deadline (ReportingCalendar reads it, the completeness
-- mart joins it): an administrator's exception for the unit, else the quarter's calendar row. Quarters
-- with neither have no row; the calendar then applies the configured default.
CREATE VIEW int_unit_deadline AS
SELECT u.unit_key, u.unit_code, p.period_key, COALESCE(ex.deadline, c.deadline) AS deadline, c.opens_on,
       c.period_key IS NOT NULL AS in_calendar, ex.deadline IS NOT NULL AS has_exception, ex.reason_zh AS exception_reason
FROM dim_period p
CROSS JOIN dim_reporting_unit u
LEFT JOIN cfg_reporting_calendar c ON c.period_key = p.period_key
LEFT JOIN cfg_reporting_exception ex ON ex.period_key = p.period_key AND ex.unit_key = u.unit_key
WHERE p.period_type = 'Q' AND (c.period_key IS NOT NULL OR ex.unit_key IS NOT NULL);
