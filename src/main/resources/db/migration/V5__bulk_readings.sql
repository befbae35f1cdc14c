-- Bulk monitoring sheets (e.g. daily water-quality readings of monitoring sections behind the Yellow
-- River indicators): up to 1,000,000 rows per file, landed with LOAD DATA LOCAL INFILE by
-- cn.zhenxing.bulk.BulkSheetLoader. Deliberately no secondary index and no foreign key: every index
-- is paid for on each of a million rows; lineage is the (load_id, row_no) key and submission_id.

CREATE TABLE stg_monitoring_reading (
  load_id         BIGINT       NOT NULL COMMENT 'one load of one bulk sheet; reloading the same load_id replaces its rows (idempotent)',
  submission_id   BIGINT       NULL COMMENT 'fact_submission.submission_id when the sheet arrived as a submission; NULL for direct loads',
  row_no          INT          NOT NULL COMMENT 'Excel row number (1-based; row 1 is the header)',
  station_code    VARCHAR(16)  NOT NULL COMMENT '断面编码',
  station_name    VARCHAR(64)  NOT NULL COMMENT '断面名称',
  region_code     CHAR(6)      NOT NULL COMMENT '地区代码 (GB/T 2260 county code, 6 digits)',
  reading_date    DATE         NOT NULL COMMENT '监测日期',
  parameter       VARCHAR(32)  NOT NULL COMMENT '监测项目, e.g. 化学需氧量, 氨氮, 总磷, 溶解氧, 高锰酸盐指数, pH',
  value           DECIMAL(20,6) NOT NULL COMMENT '监测值 (more than 6 decimals are rounded half-up)',
  unit            VARCHAR(16)  NULL COMMENT '单位 as written, e.g. mg/L, 无量纲',
  note            VARCHAR(200) NULL COMMENT '备注',
  PRIMARY KEY (load_id, row_no)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci
  COMMENT='Grain: one row per monitoring reading row of a bulk sheet (staging, with lineage: load_id, submission_id, Excel row_no). A load is all or nothing.';
