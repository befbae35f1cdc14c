-- Marts: the warehouse's public interface for reports, the portal and BI tools (docs/marts.md).
-- Tables are rebuilt per period by the marts feature (src/main/resources/cn/zhenxing/mart/marts.sql)
-- inside one transaction, so a reader never sees a half-built period.

-- Every threshold the marts use, in one place (status of indicators, lagging tasks, outliers).
CREATE TABLE mart_rule (
  rule_key        VARCHAR(48) PRIMARY KEY,
  rule_value      DECIMAL(12,4) NOT NULL,
  description_zh  VARCHAR(300) NOT NULL,
  description_en  VARCHAR(300) NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci
  COMMENT='Grain: one row per threshold used by the marts.';

INSERT INTO mart_rule (rule_key, rule_value, description_zh, description_en) VALUES
('status.on_track_min_ratio', 0.9000, '正常推进：实际进展达到按时序应达进展的90%及以上', 'on track: progress since baseline >= 90% of the progress expected by now'),
('status.lagging_min_ratio', 0.6000, '滞后：实际进展为应达进展的60%至90%；低于60%（含倒退）为严重滞后', 'lagging: 60% to 90% of the expected progress; below 60% (or backwards) is seriously lagging'),
('status.approx_tolerance', 0.0500, '“左右”类目标：与目标值相差不超过5%即视为达标', 'approximate targets (左右) are met within 5% of the target value'),
('task.elapsed_tolerance_points', 0.0000, '任务完成进度低于规划期时间进度（百分点）即视为滞后', 'a task lags when its percent done is below the elapsed share of its plan period (in points)'),
('quality.robust_z', 3.5000, '稳健Z值（中位数/MAD）绝对值超过3.5提示异常', 'robust z-score (median/MAD) above 3.5 in absolute value is an outlier'),
('quality.min_history', 3.0000, '与本地区历史比较至少需要3个历史值', 'history check needs at least 3 earlier values of the region'),
('quality.min_peers', 5.0000, '与同级地区比较至少需要5个地区的值', 'peer check needs values of at least 5 regions of the same level'),
('quality.mad_floor_share', 0.0500, 'MAD过小时按中位数的5%计', 'MAD is floored at 5% of the absolute median');

-- Reporting calendar: when the window opens and the deadline of each quarter. Filled from
-- configuration by the marts refresh when a quarter is missing; an administrator may change it.
CREATE TABLE reporting_calendar (
  period_key      INT PRIMARY KEY,
  opens_on        DATE NOT NULL,
  deadline        DATE NOT NULL,
  source          VARCHAR(8) NOT NULL DEFAULT 'config' COMMENT 'config | admin',
  CONSTRAINT fk_rc_period FOREIGN KEY (period_key) REFERENCES dim_period (period_key)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci
  COMMENT='Grain: one row per reporting quarter.';

-- A later deadline granted to one unit for one quarter (late-submission exception).
CREATE TABLE reporting_exception (
  unit_key        INT NOT NULL,
  period_key      INT NOT NULL,
  deadline        DATE NOT NULL,
  reason_zh       VARCHAR(300) NOT NULL,
  granted_by      VARCHAR(100) NULL,
  granted_at      TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
  PRIMARY KEY (unit_key, period_key),
  CONSTRAINT fk_re_unit FOREIGN KEY (unit_key) REFERENCES dim_reporting_unit (unit_key),
  CONSTRAINT fk_re_period FOREIGN KEY (period_key) REFERENCES dim_period (period_key)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci
  COMMENT='Grain: one row per unit x quarter with an extended deadline.';

CREATE TABLE mart_indicator_progress (
  period_key      INT NOT NULL,
  period_code     VARCHAR(8) NOT NULL,
  scope_type      VARCHAR(6) NOT NULL COMMENT 'region | area',
  scope_code      VARCHAR(32) NOT NULL COMMENT 'region code or planning-area code',
  scope_name      VARCHAR(64) NOT NULL,
  scope_level     VARCHAR(8) NOT NULL COMMENT 'province | city | county | area',
  city_code       CHAR(6) NULL COMMENT 'city of a city or county row',
  indicator_key   INT NOT NULL,
  indicator_code  VARCHAR(32) NOT NULL,
  indicator_name  VARCHAR(200) NOT NULL,
  unit            VARCHAR(32) NULL,
  attribute       VARCHAR(8) NULL COMMENT '预期性 | 约束性',
  plan_code       VARCHAR(16) NOT NULL,
  rollup          VARCHAR(16) NOT NULL COMMENT 'sum | recompute | weighted | none (from dim_indicator)',
  value           DECIMAL(20,6) NULL COMMENT 'the value reports show',
  value_source    VARCHAR(12) NOT NULL COMMENT 'reported | sum | recompute | weighted | none: which was used',
  reported_value  DECIMAL(20,6) NULL COMMENT 'value the region reported itself (current version)',
  rollup_value    DECIMAL(20,6) NULL COMMENT 'value rolled up from the parts, also when the reported one wins',
  numerator_value DECIMAL(20,6) NULL COMMENT 'sum of the parts'' numerators (recompute)',
  denominator_value DECIMAL(20,6) NULL,
  weight_value    DECIMAL(20,6) NULL COMMENT 'resident population (万人) used as weight (weighted)',
  contributing_regions SMALLINT NOT NULL COMMENT 'regions whose values make up this one (1 for a reported leaf)',
  reporting_regions SMALLINT NOT NULL COMMENT 'how many of them have a value',
  value_year_ago  DECIMAL(20,6) NULL,
  year_ago_source VARCHAR(8) NULL COMMENT 'mart (same quarter a year earlier) | reported (上年同期值 typed in the form)',
  target_scope_code VARCHAR(100) NULL COMMENT 'scope whose target applies',
  target_inherited BOOLEAN NOT NULL DEFAULT FALSE COMMENT 'a ratio compared with the province target (参照全省目标)',
  baseline_year   SMALLINT NULL,
  baseline_value  DECIMAL(20,6) NULL,
  target_year     SMALLINT NULL,
  target_kind     VARCHAR(20) NULL,
  target_operator VARCHAR(8) NULL,
  target_value    DECIMAL(20,6) NULL,
  target_value_high DECIMAL(20,6) NULL,
  target_text     VARCHAR(200) NULL,
  growth_target   DECIMAL(20,6) NULL COMMENT 'annual growth % of a compound path',
  elapsed_share   DECIMAL(8,4) NULL COMMENT 'share of baseline-to-target time elapsed at the period end (0..1)',
  expected_value  DECIMAL(20,6) NULL COMMENT 'value expected now on the path from baseline to target',
  attainment      DECIMAL(12,4) NULL COMMENT 'share of the baseline-to-target distance covered (value/target without a path)',
  path_ratio      DECIMAL(12,4) NULL COMMENT 'progress since baseline / progress expected by now',
  status_zh       VARCHAR(8) NOT NULL COMMENT '达标 | 正常推进 | 滞后 | 严重滞后 | 无目标 | 无数据 | 数据不全 | 不可汇总',
  refreshed_at    DATETIME(3) NOT NULL,
  PRIMARY KEY (period_key, scope_type, scope_code, indicator_key),
  INDEX ix_mip_indicator (indicator_code, period_key),
  INDEX ix_mip_city (period_key, city_code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci
  COMMENT='Grain: one row per quarter x region or planning area x indicator, against the plan target.';

CREATE TABLE mart_task_progress (
  period_key      INT NOT NULL,
  period_code     VARCHAR(8) NOT NULL,
  task_key        INT NOT NULL,
  task_code       VARCHAR(32) NOT NULL,
  task_title      VARCHAR(300) NOT NULL,
  plan_code       VARCHAR(16) NOT NULL,
  region_code     CHAR(6) NOT NULL COMMENT 'region of the reporting unit',
  region_name     VARCHAR(64) NOT NULL,
  status          VARCHAR(12) NOT NULL,
  percent_done    DECIMAL(5,2) NULL,
  percent_last_quarter DECIMAL(5,2) NULL,
  percent_change  DECIMAL(6,2) NULL COMMENT 'points since the previous quarter',
  elapsed_share_pct DECIMAL(6,2) NOT NULL COMMENT 'time elapsed of the plan period at the period end, %',
  is_lagging      BOOLEAN NOT NULL COMMENT 'status 滞后, or not done and percent below the elapsed share',
  lag_reason_zh   VARCHAR(40) NULL,
  departments_zh  VARCHAR(500) NULL COMMENT 'responsible departments, lead first',
  lead_department_zh VARCHAR(100) NULL,
  problems_text   TEXT NULL,
  submission_id   BIGINT NOT NULL,
  refreshed_at    DATETIME(3) NOT NULL,
  PRIMARY KEY (period_key, task_key, region_code),
  INDEX ix_mtp_lagging (period_key, is_lagging)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci
  COMMENT='Grain: one row per quarter x task x reporting region (current version).';

CREATE TABLE mart_project_progress (
  period_key      INT NOT NULL,
  period_code     VARCHAR(8) NOT NULL,
  project_key     INT NOT NULL,
  project_code    VARCHAR(32) NOT NULL,
  project_name    VARCHAR(200) NOT NULL,
  category        VARCHAR(32) NULL,
  unit_code       VARCHAR(16) NOT NULL COMMENT 'reporting unit',
  city_code       CHAR(6) NOT NULL COMMENT 'city of the reporting unit (140000 for the province)',
  city_name       VARCHAR(64) NOT NULL,
  total_investment_yi DECIMAL(20,4) NULL,
  annual_plan_investment_yi DECIMAL(20,4) NULL,
  quarter_investment_yi DECIMAL(20,4) NULL,
  ytd_investment_yi DECIMAL(20,4) NULL,
  cumulative_investment_yi DECIMAL(20,4) NULL COMMENT 'year-end totals of earlier years + this year to date',
  annual_completion DECIMAL(8,4) NULL COMMENT 'ytd / annual plan',
  completion_ratio DECIMAL(8,4) NULL COMMENT 'cumulative / total investment',
  milestone       VARCHAR(16) NULL,
  milestone_last_quarter VARCHAR(16) NULL,
  is_stalled      BOOLEAN NOT NULL COMMENT 'no investment and no milestone change this quarter and last quarter',
  submission_id   BIGINT NOT NULL,
  refreshed_at    DATETIME(3) NOT NULL,
  PRIMARY KEY (period_key, project_key, unit_code),
  INDEX ix_mpp_city (period_key, city_code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci
  COMMENT='Grain: one row per quarter x project x reporting unit (current version).';

CREATE TABLE mart_submission_completeness (
  period_key      INT NOT NULL,
  period_code     VARCHAR(8) NOT NULL,
  unit_key        INT NOT NULL,
  unit_code       VARCHAR(16) NOT NULL,
  unit_name       VARCHAR(100) NOT NULL,
  city_code       CHAR(6) NOT NULL COMMENT 'city of the unit (140000 for the province unit)',
  deadline        DATE NOT NULL COMMENT 'calendar deadline or the unit''s exception',
  expected        BOOLEAN NOT NULL,
  received        BOOLEAN NOT NULL COMMENT 'any identified file',
  accepted        BOOLEAN NOT NULL,
  on_time         BOOLEAN NOT NULL COMMENT 'first accepted file received by the deadline',
  late            BOOLEAN NOT NULL COMMENT 'first accepted file received after the deadline',
  missing         BOOLEAN NOT NULL COMMENT 'deadline passed and nothing accepted',
  rejected_count  INT NOT NULL,
  rejected_then_fixed BOOLEAN NOT NULL,
  versions        INT NOT NULL COMMENT 'accepted versions',
  first_received_at DATETIME(3) NULL,
  first_accepted_received_at DATETIME(3) NULL,
  days_late       INT NULL COMMENT 'late: days after the deadline; missing: days overdue as of the refresh',
  status_zh       VARCHAR(8) NOT NULL COMMENT '按时报送 | 逾期报送 | 已退回 | 未报送 | 未到期',
  refreshed_at    DATETIME(3) NOT NULL,
  PRIMARY KEY (period_key, unit_key)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci
  COMMENT='Grain: one row per quarter x reporting unit.';

CREATE TABLE mart_data_quality_warning (
  period_key      INT NOT NULL,
  period_code     VARCHAR(8) NOT NULL,
  region_code     CHAR(6) NOT NULL,
  region_name     VARCHAR(64) NOT NULL,
  indicator_code  VARCHAR(32) NOT NULL,
  indicator_name  VARCHAR(200) NOT NULL,
  check_kind      VARCHAR(8) NOT NULL COMMENT 'history | peers',
  value           DECIMAL(20,6) NOT NULL,
  median_value    DECIMAL(20,6) NOT NULL,
  mad_value       DECIMAL(20,6) NOT NULL,
  robust_z        DECIMAL(12,2) NOT NULL,
  compared_values INT NOT NULL,
  message_zh      VARCHAR(300) NOT NULL,
  submission_id   BIGINT NOT NULL,
  refreshed_at    DATETIME(3) NOT NULL,
  PRIMARY KEY (period_key, region_code, indicator_code, check_kind)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci
  COMMENT='Grain: one row per quarter x region x indicator x check that found an outlier.';

-- Follow-up survives refreshes: it belongs to the warning's natural key, not to the rebuilt row.
CREATE TABLE data_quality_follow_up (
  period_key      INT NOT NULL,
  region_code     CHAR(6) NOT NULL,
  indicator_code  VARCHAR(32) NOT NULL,
  check_kind      VARCHAR(8) NOT NULL,
  state           VARCHAR(12) NOT NULL COMMENT 'open | confirmed | corrected',
  note_zh         VARCHAR(500) NULL,
  updated_by      VARCHAR(100) NULL,
  updated_at      TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,
  PRIMARY KEY (period_key, region_code, indicator_code, check_kind)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci
  COMMENT='Grain: one row per data-quality warning someone followed up.';

CREATE TABLE mart_refresh (
  refresh_id      BIGINT AUTO_INCREMENT PRIMARY KEY,
  period_key      INT NOT NULL,
  kind            VARCHAR(12) NOT NULL COMMENT 'incremental | full',
  trigger_zh      VARCHAR(200) NULL,
  indicator_rows  INT NOT NULL,
  finished_at     DATETIME(3) NOT NULL,
  INDEX ix_mr_period (period_key, finished_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci
  COMMENT='Grain: one row per period rebuilt by a marts refresh (as-of time for reports).';

CREATE VIEW mart_data_quality AS
SELECT w.*, f.state AS follow_up_state, f.note_zh AS follow_up_note, (f.state IS NULL OR f.state = 'open') AS needs_follow_up
FROM mart_data_quality_warning w
LEFT JOIN data_quality_follow_up f ON f.period_key = w.period_key AND f.region_code = w.region_code
  AND f.indicator_code = w.indicator_code AND f.check_kind = w.check_kind;

-- Lagging tasks per responsible department (a task with several departments counts for each).
CREATE VIEW mart_task_lagging_by_department AS
SELECT m.period_key, m.period_code, d.name_zh AS department_zh, (b.position = 1) AS is_lead,
       COUNT(*) AS task_rows, SUM(m.is_lagging) AS lagging_rows,
       GROUP_CONCAT(DISTINCT CASE WHEN m.is_lagging THEN m.task_code END ORDER BY m.task_code SEPARATOR ',') AS lagging_tasks
FROM mart_task_progress m
JOIN bridge_task_department b ON b.task_key = m.task_key
JOIN dim_department d ON d.department_key = b.department_key
GROUP BY m.period_key, m.period_code, d.name_zh, (b.position = 1);

-- Investment by city and category; province rows have city_code 140000.
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

-- Reporting rates (DHIS2 style) per city and for the whole province (city_code 140000, scope 'province').
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

-- The value reports use for each region x indicator x quarter: the current accepted version; when
-- a county reports as its own unit and its city also carries the county's row, the county's own
-- non-blank value wins (etl/forms/README.md). Leaf input of mart_indicator_progress.
CREATE VIEW v_indicator_value_current AS
SELECT x.period_key, x.region_code, x.indicator_key, x.value, x.prior_year_value, x.numerator_value,
       x.denominator_value, x.submission_id, x.unit_code
FROM (SELECT f.period_key, r.region_code, f.indicator_key, f.value, f.prior_year_value, f.numerator_value,
             f.denominator_value, s.submission_id, u.unit_code,
             ROW_NUMBER() OVER (PARTITION BY f.period_key, r.region_code, f.indicator_key
                                ORDER BY f.value IS NULL, u.region_code <> r.region_code, s.submission_id DESC) AS pick
      FROM fact_indicator_value f
      JOIN fact_submission s ON s.submission_id = f.submission_id AND s.is_current
      JOIN dim_reporting_unit u ON u.unit_key = s.unit_key
      JOIN dim_region r ON r.region_key = f.region_key) x
WHERE x.pick = 1;

-- Resident population (万人) per region and year, as reported in the denominators of per-capita
-- ratios: the weight of population-weighted roll-ups.
CREATE VIEW v_region_population AS
SELECT c.region_code, p.year,
       AVG(CASE i.denominator_name_zh WHEN '常住人口(千人)' THEN c.denominator_value / 10 ELSE c.denominator_value END) AS population_wan
FROM v_indicator_value_current c
JOIN dim_indicator i ON i.indicator_key = c.indicator_key
JOIN dim_period p ON p.period_key = c.period_key
WHERE i.denominator_name_zh IN ('常住人口(万人)', '常住人口(千人)') AND c.denominator_value > 0
GROUP BY c.region_code, p.year;
