-- Conformed dimensions of the Zhenxing warehouse (Kimball star schema).
-- Surrogate keys are *_key; natural/durable keys are *_code. All text is utf8mb4.
-- Loaded by the catalog job from etl/reference/*.csv; never edited by hand.

CREATE TABLE dim_plan (
  plan_key        INT AUTO_INCREMENT PRIMARY KEY,
  plan_code       VARCHAR(16)  NOT NULL,
  seed_file       VARCHAR(64)  NOT NULL,
  title_zh        VARCHAR(200) NOT NULL,
  issuer          VARCHAR(100),
  doc_number      VARCHAR(64),
  issued_on       DATE,
  start_year      SMALLINT,
  end_year        SMALLINT,
  is_draft        BOOLEAN NOT NULL DEFAULT FALSE,
  notes           VARCHAR(1000),
  row_hash        CHAR(64) NOT NULL,
  updated_at      TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT uk_dim_plan UNIQUE (plan_code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci
  COMMENT='Grain: one row per plan document (the five seeds; 13th FYP results table counted as its own plan).';

-- Type-2 slowly changing dimension: a renamed or re-parented county gets a new row; facts keep the
-- surrogate key valid on their period's date, so old facts stay under the old name.
CREATE TABLE dim_region (
  region_key      INT AUTO_INCREMENT PRIMARY KEY,
  region_code     CHAR(6)      NOT NULL COMMENT 'GB/T 2260 code, the durable key',
  name_zh         VARCHAR(64)  NOT NULL,
  level           VARCHAR(8)   NOT NULL COMMENT 'province | city | county',
  parent_code     CHAR(6)      NULL,
  city_code       CHAR(6)      NULL COMMENT 'owning city for counties, itself for cities',
  notes           VARCHAR(1000),
  valid_from      DATE NOT NULL,
  valid_to        DATE NOT NULL DEFAULT '9999-12-31',
  is_current      BOOLEAN NOT NULL,
  row_hash        CHAR(64) NOT NULL,
  catalog_load_id BIGINT NOT NULL,
  CONSTRAINT uk_dim_region UNIQUE (region_code, valid_from),
  CONSTRAINT ck_dim_region_level CHECK (level IN ('province', 'city', 'county')),
  INDEX ix_dim_region_current (is_current, region_code),
  INDEX ix_dim_region_parent (parent_code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci
  COMMENT='Grain: one row per administrative region (province, city, county) per version (valid_from..valid_to).';

CREATE TABLE dim_planning_area (
  area_key        INT AUTO_INCREMENT PRIMARY KEY,
  area_code       VARCHAR(32)  NOT NULL,
  name_zh         VARCHAR(64)  NOT NULL,
  plan_code       VARCHAR(16)  NOT NULL,
  member_flag     VARCHAR(64)  NOT NULL COMMENT 'column of regions.csv that lists the member counties',
  expected_count  SMALLINT NULL COMMENT 'county count the plan states; NULL when no plan lists the counties yet',
  sort_order      SMALLINT NOT NULL,
  definition      VARCHAR(1000),
  row_hash        CHAR(64) NOT NULL,
  updated_at      TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT uk_dim_planning_area UNIQUE (area_code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci
  COMMENT='Grain: one row per planning area defined by a plan (太行革命老区, 黄河流域规划范围, ...).';

-- Bridge keyed on the durable region code: membership outlives a county's renaming.
CREATE TABLE bridge_area_region (
  area_key        INT NOT NULL,
  region_code     CHAR(6) NOT NULL,
  valid_from      DATE NOT NULL,
  valid_to        DATE NOT NULL DEFAULT '9999-12-31',
  is_current      BOOLEAN NOT NULL,
  catalog_load_id BIGINT NOT NULL,
  PRIMARY KEY (area_key, region_code, valid_from),
  INDEX ix_bridge_area_region_code (region_code),
  CONSTRAINT fk_bridge_area FOREIGN KEY (area_key) REFERENCES dim_planning_area (area_key)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci
  COMMENT='Grain: one row per planning area x member county x membership version. A county may belong to several areas.';

CREATE TABLE dim_period (
  period_key      INT PRIMARY KEY COMMENT 'yyyy0 for a year, yyyyq (1-4) for a quarter, yyyy*100+mm+10 for a month, yyyy5/6 for half-years',
  period_code     VARCHAR(8)  NOT NULL COMMENT '2025, 2025H1, 2025Q3, 2025M07',
  period_type     CHAR(1)     NOT NULL COMMENT 'Y | H | Q | M',
  year            SMALLINT    NOT NULL,
  half            TINYINT     NULL,
  quarter         TINYINT     NULL,
  month           TINYINT     NULL,
  start_date      DATE        NOT NULL,
  end_date        DATE        NOT NULL,
  label_zh        VARCHAR(32) NOT NULL COMMENT '2025年第三季度',
  CONSTRAINT uk_dim_period UNIQUE (period_code),
  INDEX ix_dim_period_type (period_type, year, quarter)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci
  COMMENT='Grain: one row per calendar period (year, half-year, quarter, month) 2015-2035.';

CREATE TABLE dim_indicator (
  indicator_key   INT AUTO_INCREMENT PRIMARY KEY,
  indicator_code  VARCHAR(32)  NOT NULL,
  plan_code       VARCHAR(16)  NOT NULL,
  section         VARCHAR(200),
  name_zh         VARCHAR(200) NOT NULL,
  name_en         VARCHAR(200),
  unit            VARCHAR(32),
  attribute       VARCHAR(8)   NULL COMMENT '预期性 | 约束性',
  direction       VARCHAR(16)  NULL COMMENT 'higher_better | lower_better | target_band',
  additivity      VARCHAR(8)   NULL COMMENT 'sum | ratio (as the plan data states it)',
  value_kind      VARCHAR(16)  NOT NULL COMMENT 'level | growth_rate | cumulative | reduction | composite | qualitative',
  rollup          VARCHAR(16)  NOT NULL COMMENT 'sum | recompute | weighted | none: how a larger region gets its value',
  rollup_weight   VARCHAR(16)  NULL COMMENT 'population | area | gdp when rollup = weighted',
  numerator_name_zh   VARCHAR(100) NULL,
  denominator_name_zh VARCHAR(100) NULL,
  report_level    VARCHAR(8)   NOT NULL COMMENT 'lowest level that reports it: province | city | county',
  frequency       VARCHAR(16)  NOT NULL COMMENT 'quarterly | annual',
  scope_label     VARCHAR(100) NULL COMMENT 'scope of the plan target as written in the catalog',
  notes           VARCHAR(2000),
  row_hash        CHAR(64) NOT NULL,
  updated_at      TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT uk_dim_indicator UNIQUE (indicator_code),
  CONSTRAINT ck_dim_indicator_rollup CHECK (rollup IN ('sum', 'recompute', 'weighted', 'none')),
  INDEX ix_dim_indicator_plan (plan_code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci
  COMMENT='Grain: one row per quantitative indicator of a plan (FYP14-01..38, YR-nn, YU23-nn, ...).';

CREATE TABLE dim_department (
  department_key  INT AUTO_INCREMENT PRIMARY KEY,
  name_zh         VARCHAR(100) NOT NULL,
  level           VARCHAR(12)  NOT NULL COMMENT 'province | city | county | enterprise | other',
  updated_at      TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT uk_dim_department UNIQUE (name_zh)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci
  COMMENT='Grain: one row per responsible department/unit named by a plan (省发展改革委, 县农业农村局, ...).';

CREATE TABLE dim_task (
  task_key        INT AUTO_INCREMENT PRIMARY KEY,
  task_code       VARCHAR(32)  NOT NULL,
  plan_code       VARCHAR(16)  NOT NULL,
  section_title   VARCHAR(300),
  title_zh        VARCHAR(300) NOT NULL,
  summary_zh      TEXT,
  regions_mentioned VARCHAR(1000),
  has_quantitative_target BOOLEAN NOT NULL,
  row_hash        CHAR(64) NOT NULL,
  updated_at      TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT uk_dim_task UNIQUE (task_code),
  INDEX ix_dim_task_plan (plan_code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci
  COMMENT='Grain: one row per numbered task (or plan section) of a plan.';

CREATE TABLE bridge_task_department (
  task_key        INT NOT NULL,
  department_key  INT NOT NULL,
  position        SMALLINT NOT NULL COMMENT '1 = listed first (lead unit)',
  PRIMARY KEY (task_key, department_key),
  CONSTRAINT fk_btd_task FOREIGN KEY (task_key) REFERENCES dim_task (task_key),
  CONSTRAINT fk_btd_dept FOREIGN KEY (department_key) REFERENCES dim_department (department_key)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci
  COMMENT='Grain: one row per task x responsible department.';

CREATE TABLE dim_project (
  project_key     INT AUTO_INCREMENT PRIMARY KEY,
  project_code    VARCHAR(32)  NOT NULL,
  name_zh         VARCHAR(200) NOT NULL,
  category        VARCHAR(32),
  regions_label   VARCHAR(1000) COMMENT 'regions as written in the catalog (cities, counties or an area label)',
  source          VARCHAR(16) NOT NULL DEFAULT 'catalog' COMMENT 'catalog | submitted (added by a reporting unit)',
  row_hash        CHAR(64) NOT NULL,
  updated_at      TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT uk_dim_project UNIQUE (project_code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci
  COMMENT='Grain: one row per distinct named major project (one key even when several plans mention it).';

CREATE TABLE bridge_project_region (
  project_key     INT NOT NULL,
  region_code     CHAR(6) NOT NULL,
  PRIMARY KEY (project_key, region_code),
  INDEX ix_bpr_region (region_code),
  CONSTRAINT fk_bpr_project FOREIGN KEY (project_key) REFERENCES dim_project (project_key)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci
  COMMENT='Grain: one row per project x city or county it is located in (resolved from the catalog labels).';

CREATE TABLE project_mention (
  project_key     INT NOT NULL,
  plan_code       VARCHAR(16) NOT NULL,
  seq             SMALLINT NOT NULL,
  mentioned_status VARCHAR(200),
  notes           VARCHAR(1000),
  row_hash        CHAR(64) NOT NULL,
  updated_at      TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
  PRIMARY KEY (project_key, plan_code, seq),
  CONSTRAINT fk_pm_project FOREIGN KEY (project_key) REFERENCES dim_project (project_key)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci
  COMMENT='Grain: one row per mention of a project in a plan, with the status that plan gives it.';

CREATE TABLE dim_reporting_unit (
  unit_key        INT AUTO_INCREMENT PRIMARY KEY,
  unit_code       VARCHAR(16)  NOT NULL,
  name_zh         VARCHAR(100) NOT NULL,
  unit_kind       VARCHAR(12)  NOT NULL COMMENT 'province | city | county | department',
  region_code     CHAR(6)      NOT NULL,
  covers          VARCHAR(24)  NOT NULL COMMENT 'self | city_and_counties',
  row_hash        CHAR(64) NOT NULL,
  updated_at      TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT uk_dim_reporting_unit UNIQUE (unit_code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci
  COMMENT='Grain: one row per reporting unit (市发改委, a county bureau set up as its own unit, the province).';

CREATE TABLE bridge_unit_region (
  unit_key        INT NOT NULL,
  region_code     CHAR(6) NOT NULL,
  PRIMARY KEY (unit_key, region_code),
  INDEX ix_bur_region (region_code),
  CONSTRAINT fk_bur_unit FOREIGN KEY (unit_key) REFERENCES dim_reporting_unit (unit_key)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci
  COMMENT='Grain: one row per reporting unit x region it reports for (its jurisdiction).';

-- One row per catalog load that changed or checked the dimensions; region versions point at it.
CREATE TABLE catalog_load (
  catalog_load_id BIGINT AUTO_INCREMENT PRIMARY KEY,
  checksum        CHAR(64) NOT NULL COMMENT 'sha256 over the catalog files',
  source          VARCHAR(500) NOT NULL,
  effective_date  DATE NOT NULL,
  started_at      TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
  rows_inserted   INT NOT NULL DEFAULT 0,
  rows_updated    INT NOT NULL DEFAULT 0,
  rows_unchanged  INT NOT NULL DEFAULT 0,
  job_execution_id BIGINT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci
  COMMENT='Grain: one row per run of the catalog load job.';
