-- Approved and preliminary figures (issue 14): whether each figure of mart_indicator_progress comes from
-- approved data. The refresh records which units' current versions every figure is built from
-- (mart_indicator_source: lineage, fixed until the next refresh); the approval itself is read live from
-- int_review_state (V17), as 审核率 is (V18): a review action changes no facts and rebuilds no marts,
-- yet every reader sees the figure's approval as of now.

-- Grain: one row per figure (quarter x region or planning area x indicator, as mart_indicator_progress)
-- x submission version its value is built from: the version that supplied a reported value, or for a
-- roll-up the versions of every part with a value (a county from its own unit's form or its city's,
-- a city's roll-up from its counties', the province's from its cities' figures, an area's from its
-- member counties'). Values without a quarterly form behind them (monitoring readings) have no row.
CREATE TABLE mart_indicator_source (
  period_key      INT NOT NULL,
  scope_type      VARCHAR(6) NOT NULL COMMENT 'region | area',
  scope_code      VARCHAR(32) NOT NULL,
  indicator_key   INT NOT NULL,
  submission_id   BIGINT NOT NULL COMMENT 'a current accepted version the figure is built from',
  unit_key        INT NOT NULL COMMENT 'its reporting unit',
  PRIMARY KEY (period_key, scope_type, scope_code, indicator_key, submission_id),
  INDEX ix_mis_submission (submission_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci
  COMMENT='Grain: one row per mart_indicator_progress figure x submission version it is built from (lineage).';

-- Grain: as mart_indicator_progress (one row per figure). approved: NULL without a value; TRUE when every
-- unit the figure is built from has its current version approved at province level (省级已审核), else
-- FALSE: the figure is 初步数 and preliminary_units_zh names the units still under review.
CREATE VIEW mart_indicator_approval AS
SELECT m.period_key, m.period_code, m.scope_type, m.scope_code, m.scope_name, m.indicator_key, m.indicator_code,
       COALESCE(x.source_units, 0) AS source_units,
       COALESCE(x.preliminary_units, 0) AS preliminary_units,
       x.preliminary_units_zh,
       CASE WHEN m.value IS NULL THEN NULL ELSE COALESCE(x.preliminary_units, 0) = 0 END AS approved
FROM mart_indicator_progress m
LEFT JOIN (
  SELECT s.period_key, s.scope_type, s.scope_code, s.indicator_key,
         COUNT(DISTINCT s.unit_key) AS source_units,
         COUNT(DISTINCT CASE WHEN st.state IS NULL OR st.state <> 'province_approved' THEN s.unit_key END) AS preliminary_units,
         GROUP_CONCAT(DISTINCT CASE WHEN st.state IS NULL OR st.state <> 'province_approved' THEN u.name_zh END
                      ORDER BY u.unit_code SEPARATOR '、') AS preliminary_units_zh
  FROM mart_indicator_source s
  JOIN dim_reporting_unit u ON u.unit_key = s.unit_key
  LEFT JOIN int_review_state st ON st.submission_id = s.submission_id
  GROUP BY s.period_key, s.scope_type, s.scope_code, s.indicator_key
) x ON x.period_key = m.period_key AND x.scope_type = m.scope_type AND x.scope_code = m.scope_code AND x.indicator_key = m.indicator_key;
