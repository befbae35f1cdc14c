-- Submission ingest: staging with lineage, problems found, period locks, value history.

ALTER TABLE fact_submission
  MODIFY COLUMN unit_key INT NULL COMMENT 'NULL when the file could not be identified',
  MODIFY COLUMN period_key INT NULL,
  ADD COLUMN template_version VARCHAR(32) NULL AFTER file_size,
  ADD COLUMN file_format VARCHAR(12) NULL COMMENT 'xlsx | xls, or what a refused file really was (html, encrypted, ...)' AFTER template_version,
  ADD COLUMN filler VARCHAR(64) NULL COMMENT '填报人 on the cover',
  ADD COLUMN filler_phone VARCHAR(32) NULL,
  ADD COLUMN reviewer VARCHAR(64) NULL COMMENT '审核人',
  ADD COLUMN fill_date DATE NULL COMMENT '填报日期',
  ADD COLUMN is_late BOOLEAN NOT NULL DEFAULT FALSE,
  ADD COLUMN deadline DATE NULL,
  ADD COLUMN feedback_path VARCHAR(1000) NULL COMMENT 'feedback (rejected) or receipt (accepted) workbook',
  ADD COLUMN job_execution_id BIGINT NULL;

-- Landed rows of 表1, exactly as read, with their cells (lineage: file via submission, sheet, row, column).
CREATE TABLE stg_indicator_value (
  submission_id   BIGINT NOT NULL,
  sheet           VARCHAR(64) NOT NULL,
  row_no          INT NOT NULL COMMENT 'Excel row number (1-based)',
  region_code     VARCHAR(16) NULL,
  indicator_code  VARCHAR(32) NULL,
  value_raw       VARCHAR(255) NULL COMMENT 'cell text as typed',
  value           DECIMAL(20,6) NULL,
  value_cell      VARCHAR(12) NOT NULL,
  prior_raw       VARCHAR(255) NULL,
  prior_value     DECIMAL(20,6) NULL,
  prior_cell      VARCHAR(12) NOT NULL,
  numerator_value DECIMAL(20,6) NULL,
  numerator_cell  VARCHAR(12) NOT NULL,
  denominator_value DECIMAL(20,6) NULL,
  denominator_cell VARCHAR(12) NOT NULL,
  note            VARCHAR(500) NULL,
  PRIMARY KEY (submission_id, sheet, row_no),
  CONSTRAINT fk_stg_iv_submission FOREIGN KEY (submission_id) REFERENCES fact_submission (submission_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci
  COMMENT='Grain: one row per data row of 表1 in a received file (staging, with cell lineage).';

CREATE TABLE stg_task_progress (
  submission_id   BIGINT NOT NULL,
  sheet           VARCHAR(64) NOT NULL,
  row_no          INT NOT NULL,
  task_code       VARCHAR(32) NULL,
  status          VARCHAR(12) NULL,
  status_cell     VARCHAR(12) NOT NULL,
  percent_done    DECIMAL(5,2) NULL,
  percent_cell    VARCHAR(12) NOT NULL,
  progress_text   TEXT NULL,
  problems_text   TEXT NULL,
  next_steps_text TEXT NULL,
  PRIMARY KEY (submission_id, sheet, row_no),
  CONSTRAINT fk_stg_tp_submission FOREIGN KEY (submission_id) REFERENCES fact_submission (submission_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci
  COMMENT='Grain: one row per data row of 表2 in a received file (staging).';

CREATE TABLE stg_project_progress (
  submission_id   BIGINT NOT NULL,
  sheet           VARCHAR(64) NOT NULL,
  row_no          INT NOT NULL,
  project_code    VARCHAR(32) NULL COMMENT 'blank for a project the unit adds',
  project_name    VARCHAR(200) NULL,
  total_investment_yi DECIMAL(20,4) NULL,
  annual_plan_investment_yi DECIMAL(20,4) NULL,
  quarter_investment_yi DECIMAL(20,4) NULL,
  ytd_investment_yi DECIMAL(20,4) NULL,
  milestone       VARCHAR(16) NULL,
  note            VARCHAR(500) NULL,
  first_cell      VARCHAR(12) NOT NULL,
  PRIMARY KEY (submission_id, sheet, row_no),
  CONSTRAINT fk_stg_pp_submission FOREIGN KEY (submission_id) REFERENCES fact_submission (submission_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci
  COMMENT='Grain: one row per data row of 表3 in a received file (staging).';

CREATE TABLE submission_problem (
  submission_id   BIGINT NOT NULL,
  seq             INT NOT NULL,
  severity        VARCHAR(8) NOT NULL COMMENT 'error | warning',
  sheet           VARCHAR(64) NULL,
  cell            VARCHAR(12) NULL,
  context_zh      VARCHAR(300) NULL COMMENT 'region and indicator/task names of the row',
  message_zh      VARCHAR(1000) NOT NULL,
  fix_zh          VARCHAR(1000) NULL,
  follow_up       BOOLEAN NOT NULL DEFAULT FALSE,
  PRIMARY KEY (submission_id, seq),
  CONSTRAINT fk_sp_submission FOREIGN KEY (submission_id) REFERENCES fact_submission (submission_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci
  COMMENT='Grain: one row per error or warning found in a received file.';

-- A locked period refuses submissions (set by the province administrator).
CREATE TABLE period_lock (
  period_key      INT PRIMARY KEY,
  locked_at       TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
  reason_zh       VARCHAR(300) NOT NULL,
  CONSTRAINT fk_pl_period FOREIGN KEY (period_key) REFERENCES dim_period (period_key)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci
  COMMENT='Grain: one row per locked reporting period.';

-- Only one accepted version per unit and period is current; enforced here, not only in code.
ALTER TABLE fact_submission
  ADD COLUMN current_guard TINYINT GENERATED ALWAYS AS (IF(is_current, 1, NULL)) STORED,
  ADD CONSTRAINT uk_fs_one_current UNIQUE (unit_key, period_key, current_guard);

-- Who changed which value, when, from what to what: every accepted version of every value.
CREATE VIEW v_indicator_value_history AS
SELECT r.region_code, r.name_zh AS region_name, i.indicator_code, i.name_zh AS indicator_name, p.period_code,
       s.version, s.submission_id, s.file_name, s.filler, s.submitted_by, s.decided_at,
       f.value,
       LAG(f.value) OVER (PARTITION BY r.region_code, f.indicator_key, f.period_key ORDER BY s.version) AS previous_value,
       s.is_current
FROM fact_indicator_value f
JOIN fact_submission s ON s.submission_id = f.submission_id
JOIN dim_region r ON r.region_key = f.region_key
JOIN dim_indicator i ON i.indicator_key = f.indicator_key
JOIN dim_period p ON p.period_key = f.period_key
WHERE s.status IN ('accepted', 'superseded');

-- A county reporting as its own unit and its city reporting the same county row: the county's own
-- value is the one reports use; every disagreement between the two is listed here.
CREATE VIEW v_county_city_conflict AS
SELECT r.region_code, r.name_zh AS region_name, i.indicator_code, i.name_zh AS indicator_name, p.period_code,
       cu.unit_code AS county_unit, fc.value AS county_unit_value, sc.submission_id AS county_submission_id,
       yu.unit_code AS city_unit, fy.value AS city_unit_value, sy.submission_id AS city_submission_id
FROM fact_indicator_value fc
JOIN fact_submission sc ON sc.submission_id = fc.submission_id AND sc.is_current
JOIN dim_reporting_unit cu ON cu.unit_key = sc.unit_key AND cu.unit_kind = 'county'
JOIN fact_indicator_value fy ON fy.region_key = fc.region_key AND fy.indicator_key = fc.indicator_key AND fy.period_key = fc.period_key
JOIN fact_submission sy ON sy.submission_id = fy.submission_id AND sy.is_current
JOIN dim_reporting_unit yu ON yu.unit_key = sy.unit_key AND yu.unit_kind = 'city'
JOIN dim_region r ON r.region_key = fc.region_key
JOIN dim_indicator i ON i.indicator_key = fc.indicator_key
JOIN dim_period p ON p.period_key = fc.period_key
WHERE NOT (fc.value <=> fy.value);
