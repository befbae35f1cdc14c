-- Statements of the audit feature (数据审核): what the rules of etl/rules read, and the findings of
-- accepted data (audit run).

-- Each indicator with its catalog attributes and the plan's figures for its scope (the nearest target
-- year from the quarter's year on, else the latest). `unit` is the unit the form collects; where that
-- differs from the plan's (人均地区生产总值: 元/人 vs 美元) the plan's figures cannot be compared and are left out.
-- name: indicators
SELECT indicator_code, name_zh, unit, value_kind, rollup, additivity, report_level, frequency, direction, attribute, basis,
       ratio_factor, scope_type, scope_code, baseline_value, target_value, target_kind
FROM (SELECT i.indicator_code, i.name_zh, COALESCE(i.form_unit, i.unit) AS unit, i.value_kind, i.rollup, i.additivity,
             i.report_level, i.frequency, i.direction, i.attribute, i.basis, i.ratio_factor, t.scope_type, t.scope_code,
             IF(i.form_unit IS NULL, t.baseline_value, NULL) AS baseline_value, t.target_kind,
             IF(t.target_kind IN ('number', 'cumulative') AND i.form_unit IS NULL, t.target_value, NULL) AS target_value,
             ROW_NUMBER() OVER (PARTITION BY i.indicator_key ORDER BY t.target_year < ?, ABS(t.target_year - ?)) AS pick
      FROM dim_indicator i LEFT JOIN fact_indicator_target t ON t.indicator_key = i.indicator_key) x
WHERE pick = 1;

-- name: regions
SELECT region_code, name_zh, level, city_code FROM dim_region WHERE ? BETWEEN valid_from AND valid_to;

-- The value picked for each region and indicator of a quarter (int_indicator_value_current, V12).
-- name: currentValues
SELECT c.region_code, i.indicator_code, c.value
FROM int_indicator_value_current c JOIN dim_indicator i ON i.indicator_key = c.indicator_key
WHERE c.period_key = ? AND c.value IS NOT NULL;

-- Every current form's value of a quarter with the unit that sent it (the same county on two forms).
-- name: valuesByUnit
SELECT r.region_code, i.indicator_code, u.unit_code, f.value
FROM fact_indicator_value f
JOIN ops_submission s ON s.submission_id = f.submission_id AND s.is_current
JOIN dim_reporting_unit u ON u.unit_key = s.unit_key
JOIN dim_region r ON r.region_key = f.region_key
JOIN dim_indicator i ON i.indicator_key = f.indicator_key
WHERE f.period_key = ? AND f.value IS NOT NULL;

-- A project in several cities is on each city's form with that city's part: year-to-date by unit.
-- name: projectYtd
SELECT u.unit_code, p.project_code, f.ytd_investment_yi
FROM fact_project_progress f
JOIN ops_submission s ON s.submission_id = f.submission_id AND s.is_current
JOIN dim_reporting_unit u ON u.unit_key = s.unit_key
JOIN dim_project p ON p.project_key = f.project_key
WHERE f.period_key = ? AND f.ytd_investment_yi IS NOT NULL;

-- Accepted rows of a quarter as the rules read them, with the 备注 on record (the 说明 of a 核实 finding).
-- name: acceptedIndicatorRows
SELECT c.region_code, i.indicator_code, c.value, c.prior_year_value, c.numerator_value, c.denominator_value, f.note, c.unit_code,
       c.submission_id
FROM int_indicator_value_current c
JOIN dim_indicator i ON i.indicator_key = c.indicator_key
JOIN dim_region r ON r.region_code = c.region_code
JOIN fact_indicator_value f ON f.submission_id = c.submission_id AND f.indicator_key = c.indicator_key AND f.region_key = r.region_key
WHERE c.period_key = ?;

-- name: acceptedProjectRows
SELECT p.project_code, p.name_zh, f.total_investment_yi, f.annual_plan_investment_yi, f.quarter_investment_yi, f.ytd_investment_yi,
       f.note, u.unit_code, s.submission_id
FROM fact_project_progress f
JOIN ops_submission s ON s.submission_id = f.submission_id AND s.is_current
JOIN dim_reporting_unit u ON u.unit_key = s.unit_key
JOIN dim_project p ON p.project_key = f.project_key
WHERE f.period_key = ?;

-- name: deleteFindings
DELETE FROM mart_audit_finding WHERE period_key = ?;

-- name: insertFinding
INSERT INTO mart_audit_finding (period_key, period_code, rule_code, rule_name_zh, severity, region_code, region_name, item_code,
       item_name, left_value, right_value, message_zh, explanation_zh, unit_code, submission_id, refreshed_at)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
ON DUPLICATE KEY UPDATE message_zh = VALUES(message_zh);
