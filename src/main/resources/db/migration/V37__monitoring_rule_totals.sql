-- Totals of each accepted monitoring file per derived rule, point and month, so that a quarter's marts
-- refresh aggregates thousands of rows instead of every reading of the year (31 s for 1,000,000 readings
-- before, under load). Written by the ingest in the same transaction as the file's readings (counted
-- while the sheet streams by, from the rules of cfg_monitoring_rule), rebuilt from the readings by a
-- full `marts refresh` (so a changed rule takes effect there); the readings stay the lineage
-- (int_monitoring_indicator_lineage).
CREATE TABLE fact_monitoring_rule_total (
  submission_id   BIGINT        NOT NULL COMMENT 'ops_submission: the file the readings came in',
  rule_code       VARCHAR(24)   NOT NULL COMMENT 'cfg_monitoring_rule',
  point_code      VARCHAR(16)   NOT NULL COMMENT 'dim_monitoring_point.point_code',
  month_start     DATE          NOT NULL COMMENT 'first day of the readings'' month',
  numerator       DECIMAL(24,6) NOT NULL COMMENT 'share: readings with class_min <= value <= class_max; mean: sum of the values',
  denominator     INT           NOT NULL COMMENT 'readings of the rule''s parameter',
  PRIMARY KEY (submission_id, rule_code, point_code, month_start)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci
  COMMENT='Grain: one row per monitoring submission x cfg_monitoring_rule x point x month: the readings'' numerator and denominator for the rule.';

INSERT INTO fact_monitoring_rule_total (submission_id, rule_code, point_code, month_start, numerator, denominator)
SELECT f.submission_id, r.rule_code, f.point_code, DATE_FORMAT(f.reading_date, '%Y-%m-01'),
       SUM(CASE r.measure WHEN 'share' THEN f.value BETWEEN r.class_min AND r.class_max ELSE f.value END), COUNT(*)
FROM fact_monitoring_reading f
JOIN dim_monitoring_point p ON p.point_code = f.point_code
JOIN cfg_monitoring_rule r ON r.parameter = f.parameter AND r.point_kind = p.point_kind
GROUP BY f.submission_id, r.rule_code, f.point_code, DATE_FORMAT(f.reading_date, '%Y-%m-01');

-- What the yellow-river report's monitoring section states of each figure's lineage besides readings and
-- points: the months the readings cover and how many files they came in.
ALTER TABLE mart_monitoring_indicator
  ADD COLUMN first_month DATE NULL COMMENT 'first month with readings behind the figure' AFTER readings,
  ADD COLUMN last_month  DATE NULL COMMENT 'last month with readings behind the figure' AFTER first_month,
  ADD COLUMN files       INT  NULL COMMENT 'accepted submissions (files) the readings came in' AFTER last_month;
