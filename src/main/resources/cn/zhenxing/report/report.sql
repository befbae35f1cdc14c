-- Statements of the report feature. Reports read the marts only (docs/marts.md).
-- Parameters: :p period key, :yearStart first quarter key of the period's year, lists as (:name),
-- :omitPreliminary 1 when zhenxing.reports.preliminary = omit: every statement reading figures of
-- mart_indicator_progress then leaves out the 初步数 (mart_indicator_approval.approved = FALSE, V35), and
-- those of the task and project marts the rows of versions not approved at province level (int_review_state).

-- name: asOf
SELECT MAX(finished_at) FROM ops_mart_refresh WHERE period_key = :p;

-- name: versionsIncluded
SELECT COUNT(*) AS files, COALESCE(SUM(version > 1), 0) AS resubmitted FROM ops_submission WHERE period_key = :p AND is_current;

-- name: region
SELECT region_code, name_zh, level FROM dim_region WHERE is_current AND region_code = :code;

-- The cities, each with an edition of the revitalization report.
-- name: cities
SELECT region_code, name_zh FROM dim_region WHERE is_current AND level = 'city' ORDER BY region_code;

-- name: area
SELECT area_code, name_zh FROM dim_planning_area WHERE area_code = :code;

-- Cities with at least one member county of the area, in code order.
-- name: areaCities
SELECT DISTINCT c.region_code, c.name_zh
FROM bridge_area_region b
JOIN dim_planning_area a ON a.area_key = b.area_key
JOIN dim_region r ON r.region_code = b.region_code AND r.is_current
JOIN dim_region c ON c.region_code = r.city_code AND c.is_current
WHERE a.area_code = :area AND b.is_current
ORDER BY c.region_code;

-- name: indicatorRows
SELECT m.indicator_code, m.indicator_name, m.attribute, m.unit, m.value, m.value_year_ago, m.baseline_value, m.baseline_year,
       m.target_value, m.target_year, m.target_text, m.target_inherited, m.expected_value, m.attainment, m.status_zh,
       m.value_source, m.reporting_regions, m.contributing_regions, i.section, m.path_ratio, i.direction,
       ap.approved, ap.preliminary_units_zh
FROM mart_indicator_progress m JOIN dim_indicator i ON i.indicator_key = m.indicator_key
LEFT JOIN mart_indicator_approval ap ON ap.period_key = m.period_key AND ap.scope_type = m.scope_type AND ap.scope_code = m.scope_code
  AND ap.indicator_key = m.indicator_key
WHERE m.period_key = :p AND m.scope_code = :scope AND m.plan_code IN (:plans) AND m.indicator_code REGEXP :codes
  AND (:omitPreliminary = 0 OR COALESCE(ap.approved, TRUE))
ORDER BY FIELD(m.status_zh, '严重滞后', '滞后', '数据不全', '无数据', '正常推进', '达标') = 0, FIELD(m.status_zh, '严重滞后', '滞后', '数据不全', '无数据', '正常推进', '达标'),
         m.path_ratio, m.plan_code, m.indicator_key;

-- The same selection as indicatorRows over the quarters :from to :p, oldest first (the portal's trend per indicator).
-- name: indicatorTrend
SELECT m.indicator_code, m.period_code, m.value, m.status_zh
FROM mart_indicator_progress m
WHERE m.period_key BETWEEN :from AND :p AND m.scope_code = :scope AND m.plan_code IN (:plans) AND m.indicator_code REGEXP :codes
ORDER BY m.indicator_code, m.period_key;

-- name: statusCounts
SELECT m.scope_code, m.scope_name, m.status_zh, COUNT(*) AS n
FROM mart_indicator_progress m
LEFT JOIN mart_indicator_approval ap ON ap.period_key = m.period_key AND ap.scope_type = m.scope_type AND ap.scope_code = m.scope_code
  AND ap.indicator_key = m.indicator_key
WHERE m.period_key = :p AND m.scope_code IN (:scopes) AND m.plan_code IN (:plans) AND m.indicator_code REGEXP :codes
  AND (:omitPreliminary = 0 OR COALESCE(ap.approved, TRUE))
GROUP BY m.scope_code, m.scope_name, m.status_zh;

-- Every indicator status of the given cities (the ranking computes shares and key indicators from them).
-- name: cityStatuses
SELECT m.scope_code, m.scope_name, m.indicator_key, m.indicator_code, m.indicator_name, m.status_zh, m.path_ratio
FROM mart_indicator_progress m
LEFT JOIN mart_indicator_approval ap ON ap.period_key = m.period_key AND ap.scope_type = m.scope_type AND ap.scope_code = m.scope_code
  AND ap.indicator_key = m.indicator_key
WHERE m.period_key = :p AND m.scope_code IN (:scopes) AND m.plan_code IN (:plans) AND m.indicator_code REGEXP :codes
  AND (:omitPreliminary = 0 OR COALESCE(ap.approved, TRUE));

-- Share of scored indicators (达标, 正常推进, 滞后, 严重滞后) that are 达标 or 正常推进, per quarter of the year.
-- name: onTrackTrend
SELECT m.period_code, m.scope_code, m.scope_name,
       100 * SUM(m.status_zh IN ('达标', '正常推进')) / NULLIF(SUM(m.status_zh IN ('达标', '正常推进', '滞后', '严重滞后')), 0) AS share
FROM mart_indicator_progress m
LEFT JOIN mart_indicator_approval ap ON ap.period_key = m.period_key AND ap.scope_type = m.scope_type AND ap.scope_code = m.scope_code
  AND ap.indicator_key = m.indicator_key
WHERE m.period_key BETWEEN :yearStart AND :p AND m.scope_code IN (:scopes) AND m.plan_code IN (:plans) AND m.indicator_code REGEXP :codes
  AND (:omitPreliminary = 0 OR COALESCE(ap.approved, TRUE))
GROUP BY m.period_code, m.scope_code, m.scope_name
ORDER BY m.period_code, m.scope_code;

-- Tasks, laggards first: 未启动 after the half-year, then the furthest behind their plan's elapsed time.
-- name: tasks
SELECT t.task_code, t.task_title, t.region_name, t.lead_department_zh, t.status, t.percent_done, t.percent_change,
       t.lag_reason_zh, t.is_lagging, t.not_started_late, t.elapsed_share_pct, t.behind_points,
       rv.state <=> 'province_approved' AS approved
FROM mart_task_progress t
LEFT JOIN int_review_state rv ON rv.submission_id = t.submission_id
WHERE t.period_key = :p AND t.plan_code IN (:plans) AND t.region_code IN (:regions)
  AND (:laggingOnly = 0 OR t.is_lagging OR t.not_started_late) AND (:omitPreliminary = 0 OR rv.state <=> 'province_approved')
ORDER BY (t.is_lagging OR t.not_started_late) DESC, t.not_started_late DESC, COALESCE(t.behind_points, 0) DESC, t.task_code, t.region_code;

-- name: taskCounts
SELECT COUNT(*) AS task_rows, COALESCE(SUM(t.is_lagging), 0) AS lagging, COALESCE(SUM(t.not_started_late), 0) AS not_started_late,
       COALESCE(SUM(t.is_lagging OR t.not_started_late), 0) AS flagged
FROM mart_task_progress t LEFT JOIN int_review_state rv ON rv.submission_id = t.submission_id
WHERE t.period_key = :p AND t.plan_code IN (:plans) AND t.region_code IN (:regions) AND (:omitPreliminary = 0 OR rv.state <=> 'province_approved');

-- name: rule
SELECT rule_value FROM cfg_mart_rule WHERE rule_key = :key;

-- name: taskRule
SELECT rule_key, rule_value FROM cfg_mart_rule WHERE rule_key IN ('task.elapsed_tolerance_points', 'task.not_started_alert_quarter',
                                                                   'project.lagging_tolerance_points');

-- name: laggingByDepartment
SELECT COALESCE(t.lead_department_zh, '未明确') AS department, COUNT(*) AS n
FROM mart_task_progress t
LEFT JOIN int_review_state rv ON rv.submission_id = t.submission_id
WHERE t.period_key = :p AND t.plan_code IN (:plans) AND t.region_code IN (:regions) AND t.is_lagging AND (:omitPreliminary = 0 OR rv.state <=> 'province_approved')
GROUP BY COALESCE(t.lead_department_zh, '未明确')
ORDER BY n DESC, department
LIMIT 10;

-- Investment per city over the chosen categories; ratios recomputed from the sums. The cumulative
-- figure is shown only where it reaches back before this year (else it would repeat year to date).
-- Cities furthest behind their annual plan first.
-- name: projectsByCity
SELECT v.city_code, v.city_name, COUNT(*) AS projects, SUM(v.total_investment_yi) AS total,
       SUM(v.annual_plan_investment_yi) AS annual_plan, SUM(v.quarter_investment_yi) AS quarter,
       SUM(v.ytd_investment_yi) AS ytd,
       IF(MIN(v.cumulative_from_year) < MAX(p.year), SUM(v.cumulative_investment_yi), NULL) AS cumulative,
       SUM(v.ytd_investment_yi) / NULLIF(SUM(v.annual_plan_investment_yi), 0) AS annual_completion,
       SUM(v.is_stalled) AS stalled, SUM(v.is_lagging) AS lagging, MIN(rv.state <=> 'province_approved') AS approved
FROM mart_project_progress v JOIN dim_period p ON p.period_key = v.period_key
LEFT JOIN int_review_state rv ON rv.submission_id = v.submission_id
WHERE v.period_key = :p AND v.city_code IN (:cities) AND COALESCE(v.category, 'other') IN (:categories) AND (:omitPreliminary = 0 OR rv.state <=> 'province_approved')
GROUP BY v.city_code, v.city_name
ORDER BY annual_completion IS NULL, annual_completion, v.city_code;

-- Lagging and stalled projects by name, stalled first, then the furthest behind their annual plan.
-- name: laggingProjects
SELECT v.project_code, v.project_name, v.city_name, v.total_investment_yi, v.annual_plan_investment_yi, v.ytd_investment_yi,
       IF(v.cumulative_from_year < p.year, v.cumulative_investment_yi, NULL) AS cumulative, v.cumulative_from_year,
       v.annual_completion, v.completion_ratio, v.milestone, v.is_stalled, v.is_lagging, rv.state <=> 'province_approved' AS approved
FROM mart_project_progress v JOIN dim_period p ON p.period_key = v.period_key
LEFT JOIN int_review_state rv ON rv.submission_id = v.submission_id
WHERE v.period_key = :p AND v.city_code IN (:cities) AND COALESCE(v.category, 'other') IN (:categories) AND (v.is_stalled OR v.is_lagging)
  AND (:omitPreliminary = 0 OR rv.state <=> 'province_approved')
ORDER BY v.is_stalled DESC, v.annual_completion IS NULL, v.annual_completion, v.project_code, v.unit_code;

-- Each unit's reporting status as of the report date (:reportDate, ReportingCalendar.reportDate): the mart
-- counts a unit with nothing accepted as 未报送 and its days overdue to the day of the refresh; a report
-- counts them to its own date, so re-rendering a quarter later does not make 盂县 more overdue.
-- name: completeness
SELECT c.unit_code, c.unit_name, c.deadline,
       CASE WHEN c.status_zh IN ('未报送', '未到期') THEN IF(:reportDate > c.deadline, '未报送', '未到期') ELSE c.status_zh END AS status_zh,
       c.first_accepted_received_at, c.first_received_at,
       CASE WHEN c.first_accepted_received_at IS NOT NULL THEN c.days_late
            WHEN :reportDate > c.deadline THEN DATEDIFF(:reportDate, c.deadline) END AS days_late,
       c.rejected_count, c.versions, c.city_code
FROM mart_submission_completeness c
WHERE c.period_key = :p AND c.city_code IN (:cities)
ORDER BY c.city_code, c.unit_code;

-- name: ratesByCity
SELECT r.scope, r.city_code, CASE WHEN r.scope = 'province' THEN '全省合计' WHEN r.city_code = '140000' THEN '省直' ELSE g.name_zh END AS city,
       r.expected, r.accepted, r.on_time, r.late, r.missing, r.rejected_then_fixed, r.reporting_rate, r.on_time_rate
FROM mart_completeness_rate r
LEFT JOIN dim_region g ON g.region_code = r.city_code AND g.is_current
WHERE r.period_key = :p AND (r.scope = 'province' OR r.city_code IN (:cities))
ORDER BY r.scope = 'province', r.city_code;

-- name: provinceRateTrend
SELECT r.period_code, 100 * r.reporting_rate AS reporting_rate, 100 * r.on_time_rate AS on_time_rate
FROM mart_completeness_rate r
WHERE r.scope = 'province' AND r.period_key BETWEEN :yearStart AND :p
ORDER BY r.period_code;

-- The 38 main indicators of the 14th FYP (专栏2) at province level: the latest value at or before
-- the quarter (annual statistics arrive in Q4), with the plan's baseline and target.
-- name: fypLatest
SELECT i.indicator_code, i.name_zh AS indicator_name, i.attribute, i.unit, i.section,
       COALESCE(m.baseline_value, t.baseline_value) AS baseline_value, COALESCE(m.baseline_year, t.baseline_year) AS baseline_year,
       COALESCE(m.target_value, t.target_value) AS target_value,
       COALESCE(m.target_year, IF(t.target_year = 0, NULL, t.target_year)) AS target_year,
       COALESCE(m.target_text, t.target_text) AS target_text, m.target_inherited,
       m.period_key AS value_period_key, m.period_code AS value_period, m.value, m.value_year_ago, m.expected_value,
       m.attainment, COALESCE(m.status_zh, IF(t.target_value IS NULL, '无目标', '无数据')) AS status_zh, m.path_ratio, i.direction,
       m.approved, m.preliminary_units_zh
FROM dim_indicator i
LEFT JOIN (SELECT t0.*, ROW_NUMBER() OVER (PARTITION BY t0.indicator_key ORDER BY t0.target_year = 2025 DESC, t0.target_year DESC) AS pick
           FROM fact_indicator_target t0 WHERE t0.scope_type = 'region' AND t0.scope_code = '140000') t
  ON t.indicator_key = i.indicator_key AND t.pick = 1
LEFT JOIN (SELECT x.* FROM (SELECT m0.*, ap0.approved, ap0.preliminary_units_zh, ROW_NUMBER() OVER (PARTITION BY m0.indicator_key ORDER BY m0.value IS NULL, m0.period_key DESC) AS pick
                            FROM mart_indicator_progress m0
                            LEFT JOIN mart_indicator_approval ap0 ON ap0.period_key = m0.period_key AND ap0.scope_type = m0.scope_type
                              AND ap0.scope_code = m0.scope_code AND ap0.indicator_key = m0.indicator_key
                            WHERE m0.scope_code = '140000' AND m0.period_key <= :p AND m0.plan_code = 'FYP14'
                              AND (:omitPreliminary = 0 OR COALESCE(ap0.approved, TRUE))) x
           WHERE x.pick = 1) m ON m.indicator_key = i.indicator_key
WHERE i.indicator_code REGEXP '^FYP14-[0-9]{2}$'
ORDER BY i.indicator_key;

-- Counties (current members) of a planning area, for the sentences that state them.
-- name: areaCounties
SELECT COUNT(DISTINCT b.region_code)
FROM bridge_area_region b JOIN dim_planning_area a ON a.area_key = b.area_key
WHERE a.area_code = :area AND b.is_current;

-- The validation rules' findings of the quarter's accepted data (mart_audit_finding, kept by every marts
-- refresh) in the edition's cities, with the 说明 the unit gave and who filled the form: for the data note.
-- name: auditFindings
SELECT a.rule_code, a.rule_name_zh, a.severity, a.region_name, a.item_name, a.message_zh, a.explanation_zh,
       u.name_zh AS unit_name, s.filler
FROM mart_audit_finding a
LEFT JOIN dim_region r ON r.region_code = a.region_code AND r.is_current
LEFT JOIN ops_submission s ON s.submission_id = a.submission_id
LEFT JOIN dim_reporting_unit u ON u.unit_key = s.unit_key
WHERE a.period_key = :p AND (a.region_code = '140000' OR a.region_code = '' OR COALESCE(r.city_code, r.region_code) IN (:cities))
ORDER BY a.severity, a.rule_code, a.region_code, a.item_code;

-- The review round in the data note (issue 14): units approved at province level, and the accepted
-- but not yet approved units whose figures are 初步数 (mart_submission_review, a live view).
-- name: reviewNote
SELECT r.unit_name, r.review_state FROM mart_submission_review r
WHERE r.period_key = :p AND r.city_code IN (:cities) AND r.accepted
ORDER BY r.city_code, r.unit_code;

-- name: areaMembers
SELECT b.region_code FROM bridge_area_region b JOIN dim_planning_area a ON a.area_key = b.area_key
WHERE a.area_code = :area AND b.is_current;

-- County-level indicators of the quarter by the number of counties scored on them, most first (the 示意图's choice).
-- name: countyCoverage
SELECT m.indicator_code, SUM(m.status_zh IN ('达标', '正常推进', '滞后', '严重滞后')) AS scored
FROM mart_indicator_progress m
LEFT JOIN mart_indicator_approval ap ON ap.period_key = m.period_key AND ap.scope_type = m.scope_type AND ap.scope_code = m.scope_code
  AND ap.indicator_key = m.indicator_key
WHERE m.period_key = :p AND m.scope_level = 'county' AND (:omitPreliminary = 0 OR COALESCE(ap.approved, TRUE))
GROUP BY m.indicator_code
HAVING scored > 0
ORDER BY scored DESC, MIN(m.indicator_key);

-- A county whose figure is left out (omit) keeps its tile, drawn as not scored and counted as 未列（初步数）.
-- name: countyStatuses
SELECT m.scope_code, IF(:omitPreliminary = 1 AND ap.approved <=> FALSE, '未列（初步数）', m.status_zh) AS status_zh, m.indicator_name
FROM mart_indicator_progress m
LEFT JOIN mart_indicator_approval ap ON ap.period_key = m.period_key AND ap.scope_type = m.scope_type AND ap.scope_code = m.scope_code
  AND ap.indicator_key = m.indicator_key
WHERE m.period_key = :p AND m.scope_level = 'county' AND m.indicator_code = :code;

-- The cities' status on the county map's indicator (the cities' 示意图).
-- name: cityMapStatuses
SELECT m.scope_code, m.status_zh, m.indicator_name
FROM mart_indicator_progress m
WHERE m.period_key = :p AND m.scope_level = 'city' AND m.indicator_code = :code;

-- Values the form collects in another unit than the plan's target (人均地区生产总值: 元/人 on the form,
-- 美元 in the plan), for the data note to show both and the rate used.
-- name: convertedValues
SELECT m.indicator_name, m.scope_name, m.value_form_unit, m.form_unit, m.value, m.unit, m.exchange_rate, m.exchange_rate_year
FROM mart_indicator_progress m
LEFT JOIN mart_indicator_approval ap ON ap.period_key = m.period_key AND ap.scope_type = m.scope_type AND ap.scope_code = m.scope_code
  AND ap.indicator_key = m.indicator_key
WHERE m.period_key = :p AND m.scope_code = :scope AND m.value_form_unit IS NOT NULL AND (:omitPreliminary = 0 OR COALESCE(ap.approved, TRUE))
ORDER BY m.indicator_key;

-- The yellow-river report's section on indicators computed from monitoring readings: every figure of the
-- quarter in mart_monitoring_indicator for the province, a planning area and the given cities, with the
-- target and status of the indicator the rule feeds (mart_indicator_progress) and the figure's lineage
-- (points, readings, months, files). Water before air, the rules that feed an indicator first.
-- name: monitoringIndicators
SELECT m.rule_code, r.name_zh AS indicator_name, r.unit, r.point_kind, r.feeds_indicator, m.scope_type, m.scope_code, m.scope_name,
       m.value, m.numerator, m.denominator, m.points, m.readings, m.first_month, m.last_month, m.files, m.submissions,
       p.target_value, p.target_year, p.target_text, p.target_inherited, p.status_zh
FROM mart_monitoring_indicator m
JOIN cfg_monitoring_rule r ON r.rule_code = m.rule_code
LEFT JOIN mart_indicator_progress p ON p.period_key = m.period_key AND p.indicator_code = r.feeds_indicator
     AND p.scope_type = m.scope_type AND p.scope_code = m.scope_code
WHERE m.period_key = :p
  AND ((m.scope_type = 'area' AND m.scope_code = :area)
       OR (m.scope_type = 'region' AND (m.scope_code = '140000' OR m.scope_code IN (:cities))))
ORDER BY r.point_kind = 'water' DESC, r.feeds_indicator IS NULL, r.window_kind = 'quarter', r.rule_code,
         m.scope_code = '140000' DESC, m.scope_type = 'area' DESC, m.scope_code;
