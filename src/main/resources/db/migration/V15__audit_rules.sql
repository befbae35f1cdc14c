-- 数据审核 (validation rules as data, etl/rules): the catalog factor a ratio rule needs, the rule
-- behind each finding of a received file and the 说明 that answered it, and the findings of the same
-- rules over accepted data (audit run).

ALTER TABLE dim_indicator
  ADD COLUMN ratio_factor DECIMAL(14,4) NULL
    COMMENT 'value = numerator / denominator x ratio_factor for recomputed ratios (100 for %, 10000 for 元/人 from 亿元/万人)';

ALTER TABLE ops_submission_problem
  ADD COLUMN rule_code      VARCHAR(16) NULL COMMENT 'etl/rules code of the rule that found it; NULL for form checks',
  ADD COLUMN region_code    CHAR(6) NULL COMMENT 'region of the row a rule finding is about',
  ADD COLUMN item_code      VARCHAR(32) NULL COMMENT 'indicator or project code of that row',
  ADD COLUMN explanation_zh VARCHAR(500) NULL COMMENT 'the 说明 the unit gave for a 核实 finding (accepted explanations only)';

ALTER TABLE ops_data_quality_follow_up MODIFY check_kind VARCHAR(16) NOT NULL COMMENT 'history | peers | an etl/rules code';

CREATE TABLE mart_audit_finding (
  period_key      INT NOT NULL,
  period_code     VARCHAR(8) NOT NULL,
  rule_code       VARCHAR(16) NOT NULL,
  rule_name_zh    VARCHAR(100) NOT NULL,
  severity        VARCHAR(12) NOT NULL COMMENT 'mandatory (强制) | verify (核实)',
  region_code     CHAR(6) NOT NULL,
  region_name     VARCHAR(64) NOT NULL,
  item_code       VARCHAR(32) NOT NULL COMMENT 'indicator or project code',
  item_name       VARCHAR(200) NOT NULL,
  left_value      DECIMAL(24,6) NULL,
  right_value     DECIMAL(24,6) NULL,
  message_zh      VARCHAR(1000) NOT NULL,
  explanation_zh  VARCHAR(500) NULL COMMENT 'the unit''s 说明 on record for the row, if any',
  unit_code       VARCHAR(12) NULL,
  submission_id   BIGINT NULL,
  refreshed_at    DATETIME(3) NOT NULL,
  PRIMARY KEY (period_key, rule_code, region_code, item_code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci
  COMMENT='Grain: one row per quarter x rule x region x indicator or project whose accepted data breaks the rule (audit run).';

-- What an analyst follows up: the statistical outliers and the rules' findings, with their follow-up
-- (an outlier's statistics are NULL on a rule's row, a rule's numbers NULL on an outlier's).
CREATE OR REPLACE VIEW mart_data_quality AS
SELECT w.period_key, w.period_code, w.region_code, w.region_name, w.indicator_code, w.indicator_name, w.check_kind,
       w.value, w.median_value, w.mad_value, w.robust_z, w.compared_values, NULL AS rule_name_zh, NULL AS severity,
       NULL AS right_value, NULL AS explanation_zh, w.message_zh, w.submission_id,
       f.state AS follow_up_state, f.note_zh AS follow_up_note, (f.state IS NULL OR f.state = 'open') AS needs_follow_up
FROM mart_data_quality_warning w
LEFT JOIN ops_data_quality_follow_up f ON f.period_key = w.period_key AND f.region_code = w.region_code
  AND f.indicator_code = w.indicator_code AND f.check_kind = w.check_kind
UNION ALL
SELECT a.period_key, a.period_code, a.region_code, a.region_name, a.item_code, a.item_name, a.rule_code,
       a.left_value, NULL, NULL, NULL, NULL, a.rule_name_zh, a.severity, a.right_value, a.explanation_zh, a.message_zh, a.submission_id,
       f.state, f.note_zh, (f.state IS NULL OR f.state = 'open')
FROM mart_audit_finding a
LEFT JOIN ops_data_quality_follow_up f ON f.period_key = a.period_key AND f.region_code = a.region_code
  AND f.indicator_code = a.item_code AND f.check_kind = a.rule_code;
