-- Monitoring forms (地表水断面水质月报, 环境空气质量日报; etl/forms/water_monthly.yml, air_daily.yml): the
-- monitoring points, the readings as facts, and the submissions they arrive in. The bulk staging table of
-- V5 is no longer used: readings are landed straight into fact_monitoring_reading under their
-- submission and become visible when the submission is accepted (ops_submission.is_current).

-- Which form a submission is. Versions are counted per unit, period and form (a unit's water and air
-- files of the same month are two series); monitoring forms have month periods (2025M07).
ALTER TABLE ops_submission
  ADD COLUMN form_code VARCHAR(16) NOT NULL DEFAULT 'quarterly' COMMENT 'quarterly | water_monthly | air_daily (etl/forms)' AFTER period_key,
  DROP INDEX uk_fs_one_current,
  ADD CONSTRAINT uk_fs_one_current UNIQUE (unit_key, period_key, form_code, current_guard);

CREATE TABLE dim_monitoring_point (
  point_key       INT AUTO_INCREMENT PRIMARY KEY,
  point_code      VARCHAR(16)  NOT NULL COMMENT '断面编码 / 站点编码',
  name_zh         VARCHAR(64)  NOT NULL,
  point_kind      VARCHAR(8)   NOT NULL COMMENT 'water (地表水断面) | air (环境空气质量监测站点)',
  river_zh        VARCHAR(32)  NULL COMMENT 'water sections: the river (黄河, 汾河, 沁河 ...)',
  county_code     CHAR(6)      NOT NULL COMMENT 'county (区/县/市) the point lies in, GB/T 2260',
  city_code       CHAR(6)      NOT NULL COMMENT 'its city',
  control_level   VARCHAR(4)   NOT NULL COMMENT '国控 | 省控',
  is_sample       BOOLEAN      NOT NULL DEFAULT FALSE COMMENT 'TRUE: a point of the shipped sample list, not an official one',
  source_zh       VARCHAR(200) NOT NULL,
  row_hash        CHAR(64)     NULL,
  updated_at      TIMESTAMP    NULL,
  CONSTRAINT uk_dim_monitoring_point UNIQUE (point_code),
  INDEX ix_dim_monitoring_point_city (city_code, point_kind)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci
  COMMENT='Grain: one row per monitoring point (water-quality section or air station); catalog data (etl/reference/monitoring_points.csv).';

-- Parameters as the forms define them (written from the form definitions on each ingest): lineage from a
-- reading to its column and header.
CREATE TABLE dim_monitoring_parameter (
  form_code       VARCHAR(16)  NOT NULL,
  parameter       VARCHAR(16)  NOT NULL COMMENT 'water_class, do, codmn, cod, nh3n, tp, pm25, pm10, o3_8h, so2, no2, co, aqi, aqi_class',
  column_letter   VARCHAR(3)   NOT NULL,
  header_zh       VARCHAR(40)  NOT NULL,
  unit            VARCHAR(16)  NULL,
  PRIMARY KEY (form_code, parameter)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci
  COMMENT='Grain: one row per parameter column of a monitoring form.';

-- No foreign keys and one secondary index only: every index is paid for on each of a million rows;
-- the points and parameters are checked by the ingest before a row is sent. Classes are stored as
-- numbers: water_class 1..6 = Ⅰ..劣Ⅴ, aqi_class 1..6 = 优..严重污染.
CREATE TABLE fact_monitoring_reading (
  submission_id   BIGINT        NOT NULL COMMENT 'ops_submission: the file (and so version, unit, sender) the reading came in',
  reading_date    DATE          NOT NULL COMMENT '监测日期',
  point_code      VARCHAR(16)   NOT NULL COMMENT 'dim_monitoring_point.point_code',
  parameter       VARCHAR(16)   NOT NULL COMMENT 'dim_monitoring_parameter.parameter',
  value           DECIMAL(20,6) NOT NULL,
  row_no          INT           NOT NULL COMMENT 'Excel row of the reading in the submitted file (lineage; the column is dim_monitoring_parameter.column_letter)',
  PRIMARY KEY (submission_id, reading_date, point_code, parameter),
  INDEX ix_fact_monitoring_reading_date (reading_date, parameter)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci
  COMMENT='Grain: one row per monitoring point x date x parameter x version (submission). Partitioned by year of reading_date.'
PARTITION BY RANGE COLUMNS (reading_date) (
  PARTITION p2019 VALUES LESS THAN ('2020-01-01'),
  PARTITION p2020 VALUES LESS THAN ('2021-01-01'),
  PARTITION p2021 VALUES LESS THAN ('2022-01-01'),
  PARTITION p2022 VALUES LESS THAN ('2023-01-01'),
  PARTITION p2023 VALUES LESS THAN ('2024-01-01'),
  PARTITION p2024 VALUES LESS THAN ('2025-01-01'),
  PARTITION p2025 VALUES LESS THAN ('2026-01-01'),
  PARTITION p2026 VALUES LESS THAN ('2027-01-01'),
  PARTITION p2027 VALUES LESS THAN ('2028-01-01'),
  PARTITION p2028 VALUES LESS THAN ('2029-01-01'),
  PARTITION p2029 VALUES LESS THAN ('2030-01-01'),
  PARTITION p2030 VALUES LESS THAN ('2031-01-01'),
  PARTITION p2031 VALUES LESS THAN ('2036-01-01'),
  PARTITION pmax VALUES LESS THAN (MAXVALUE)
);

DROP TABLE stg_monitoring_reading;
