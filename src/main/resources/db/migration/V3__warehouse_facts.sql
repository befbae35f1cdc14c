-- Fact tables of the Zhenxing warehouse. fact_indicator_target is filled by the catalog job;
-- the others by the submission ingest job (one version per accepted file, never overwritten).

CREATE TABLE fact_indicator_target (
  indicator_key   INT NOT NULL,
  scope_type      VARCHAR(8)  NOT NULL COMMENT 'region | area | other (a lake, a basin: kept, not monitored)',
  scope_code      VARCHAR(100) NOT NULL COMMENT 'region code, area code, or the scope label for other',
  region_key      INT NULL,
  area_key        INT NULL,
  target_year     SMALLINT NOT NULL COMMENT '0 when the plan gives no year',
  baseline_year   SMALLINT NULL,
  baseline_value  DECIMAL(20,6) NULL,
  baseline_text   VARCHAR(64) NULL COMMENT 'baseline cell as printed (composites, qualifiers)',
  target_kind     VARCHAR(20) NOT NULL COMMENT 'number | growth_rate | cumulative | national_assessment | qualitative | none',
  target_operator VARCHAR(8)  NULL COMMENT 'eq | gt | ge | lt | le | approx | range',
  target_value    DECIMAL(20,6) NULL COMMENT 'NULL when the plan gives no number (e.g. 完成国家考核目标: value known later)',
  target_value_high DECIMAL(20,6) NULL COMMENT 'upper bound of a range target',
  target_text     VARCHAR(200) NULL COMMENT 'target cell as printed in the plan',
  is_aspirational BOOLEAN NOT NULL DEFAULT FALSE COMMENT '力争 / 左右 style targets',
  growth_value    DECIMAL(20,6) NULL COMMENT 'annual-average growth (or [5-year cumulative]) target in %, when the plan gives one',
  growth_text     VARCHAR(64) NULL COMMENT 'growth cell as printed',
  row_hash        CHAR(64) NOT NULL,
  updated_at      TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
  PRIMARY KEY (indicator_key, scope_type, scope_code, target_year),
  CONSTRAINT fk_fit_indicator FOREIGN KEY (indicator_key) REFERENCES dim_indicator (indicator_key),
  CONSTRAINT ck_fit_kind CHECK (target_kind IN ('number', 'growth_rate', 'cumulative', 'national_assessment', 'qualitative', 'none'))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci
  COMMENT='Grain: one row per indicator x target scope (region or planning area) x target year, with the baseline.';

CREATE TABLE fact_submission (
  submission_id   BIGINT AUTO_INCREMENT PRIMARY KEY,
  unit_key        INT NOT NULL,
  period_key      INT NOT NULL,
  version         INT NOT NULL COMMENT '1, 2, ... per unit and period among accepted files',
  file_name       VARCHAR(255) NOT NULL,
  file_sha256     CHAR(64) NOT NULL,
  file_size       BIGINT NOT NULL,
  channel         VARCHAR(12) NOT NULL COMMENT 'cli | inbox | web | mail',
  submitted_by    VARCHAR(100) NULL,
  status          VARCHAR(12) NOT NULL COMMENT 'received | accepted | rejected | duplicate | superseded',
  error_count     INT NOT NULL DEFAULT 0,
  warning_count   INT NOT NULL DEFAULT 0,
  received_at     DATETIME(3) NOT NULL,
  decided_at      DATETIME(3) NULL,
  is_current      BOOLEAN NOT NULL DEFAULT FALSE COMMENT 'the accepted version that reports read',
  INDEX ix_fs_unit_period (unit_key, period_key, status),
  INDEX ix_fs_sha (file_sha256),
  CONSTRAINT fk_fs_unit FOREIGN KEY (unit_key) REFERENCES dim_reporting_unit (unit_key),
  CONSTRAINT fk_fs_period FOREIGN KEY (period_key) REFERENCES dim_period (period_key)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci
  COMMENT='Grain: one row per received submission file.';

CREATE TABLE fact_indicator_value (
  submission_id   BIGINT NOT NULL,
  region_key      INT NOT NULL COMMENT 'region version valid at the end of the period',
  indicator_key   INT NOT NULL,
  period_key      INT NOT NULL,
  value           DECIMAL(20,6) NULL,
  prior_year_value DECIMAL(20,6) NULL COMMENT '上年同期值 as reported',
  numerator_value DECIMAL(20,6) NULL COMMENT 'for ratios rolled up by recomputation',
  denominator_value DECIMAL(20,6) NULL,
  note            VARCHAR(500) NULL,
  PRIMARY KEY (submission_id, region_key, indicator_key, period_key),
  INDEX ix_fiv_lookup (indicator_key, period_key, region_key),
  CONSTRAINT fk_fiv_submission FOREIGN KEY (submission_id) REFERENCES fact_submission (submission_id),
  CONSTRAINT fk_fiv_region FOREIGN KEY (region_key) REFERENCES dim_region (region_key),
  CONSTRAINT fk_fiv_indicator FOREIGN KEY (indicator_key) REFERENCES dim_indicator (indicator_key),
  CONSTRAINT fk_fiv_period FOREIGN KEY (period_key) REFERENCES dim_period (period_key)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci
  COMMENT='Grain: one row per region x indicator x period x submission version.';

CREATE TABLE fact_task_progress (
  submission_id   BIGINT NOT NULL,
  task_key        INT NOT NULL,
  region_key      INT NOT NULL COMMENT 'region the progress is reported for',
  period_key      INT NOT NULL,
  status          VARCHAR(12) NOT NULL COMMENT '未启动 | 按计划推进 | 滞后 | 已完成',
  percent_done    DECIMAL(5,2) NULL,
  progress_text   TEXT NULL,
  problems_text   TEXT NULL,
  next_steps_text TEXT NULL,
  PRIMARY KEY (submission_id, task_key, region_key, period_key),
  INDEX ix_ftp_lookup (task_key, period_key),
  CONSTRAINT fk_ftp_submission FOREIGN KEY (submission_id) REFERENCES fact_submission (submission_id),
  CONSTRAINT fk_ftp_task FOREIGN KEY (task_key) REFERENCES dim_task (task_key),
  CONSTRAINT fk_ftp_region FOREIGN KEY (region_key) REFERENCES dim_region (region_key),
  CONSTRAINT fk_ftp_period FOREIGN KEY (period_key) REFERENCES dim_period (period_key)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci
  COMMENT='Grain: one row per task x region x period x submission version.';

CREATE TABLE fact_project_progress (
  submission_id   BIGINT NOT NULL,
  project_key     INT NOT NULL,
  period_key      INT NOT NULL,
  total_investment_yi      DECIMAL(20,4) NULL COMMENT '总投资, 亿元',
  annual_plan_investment_yi DECIMAL(20,4) NULL COMMENT '年度计划投资, 亿元',
  quarter_investment_yi    DECIMAL(20,4) NULL COMMENT '本季度完成投资, 亿元',
  ytd_investment_yi        DECIMAL(20,4) NULL COMMENT '年初至今累计完成投资, 亿元',
  milestone       VARCHAR(16) NULL COMMENT '形象进度: 前期研究 | 前期工作 | 核准 | 开工 | 建设 | 建成 | 达效',
  note            VARCHAR(500) NULL,
  PRIMARY KEY (submission_id, project_key, period_key),
  INDEX ix_fpp_lookup (project_key, period_key),
  CONSTRAINT fk_fpp_submission FOREIGN KEY (submission_id) REFERENCES fact_submission (submission_id),
  CONSTRAINT fk_fpp_project FOREIGN KEY (project_key) REFERENCES dim_project (project_key),
  CONSTRAINT fk_fpp_period FOREIGN KEY (period_key) REFERENCES dim_period (period_key)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci
  COMMENT='Grain: one row per project x period x submission version.';
