-- Indicators derived from monitoring readings, by rules stated as data (cfg_monitoring_rule), computed
-- by the marts refresh of each quarter (refresh.monitoring* in marts.sql) into mart_monitoring_indicator,
-- and fed into the progress marts through int_indicator_value_current. docs/marts.md explains them.

-- Every derived figure is numerator / denominator x factor, recomputed from counts (or sums) at each
-- level, never from lower levels' ratios:
--   measure 'share': numerator = readings of `parameter` with class_min <= value <= class_max,
--                    denominator = readings of `parameter` (断面·月次 for water, 站点·日 for air);
--   measure 'mean' : numerator = sum of the readings, denominator = their number.
-- window_kind: 'quarter' = the quarter's readings; 'ytd' = 1 January to the quarter's end (at Q4: the year).
CREATE TABLE cfg_monitoring_rule (
  rule_code       VARCHAR(24)  PRIMARY KEY,
  name_zh         VARCHAR(60)  NOT NULL,
  point_kind      VARCHAR(8)   NOT NULL COMMENT 'water | air (dim_monitoring_point.point_kind)',
  parameter       VARCHAR(16)  NOT NULL COMMENT 'fact_monitoring_reading.parameter',
  measure         VARCHAR(8)   NOT NULL COMMENT 'share | mean',
  class_min       DECIMAL(8,2) NULL,
  class_max       DECIMAL(8,2) NULL,
  factor          DECIMAL(8,2) NOT NULL,
  window_kind     VARCHAR(8)   NOT NULL COMMENT 'quarter | ytd',
  unit            VARCHAR(16)  NOT NULL,
  feeds_indicator VARCHAR(16)  NULL COMMENT 'dim_indicator.indicator_code whose city values (and so roll-ups) come from this rule',
  description_zh  VARCHAR(300) NOT NULL,
  description_en  VARCHAR(300) NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci
  COMMENT='Grain: one row per derived monitoring indicator and time window.';

INSERT INTO cfg_monitoring_rule VALUES
('WATER_III_YTD', '地表水达到或好于Ⅲ类水体比例（年初至今）', 'water', 'water_class', 'share', 1, 3, 100, 'ytd', '%', 'FYP14-23',
 '年初至本季末各断面月度监测中水质类别为Ⅰ—Ⅲ类的断面·月次占全部断面·月次的比例', 'share of section-months of the year to date at class I-III'),
('WATER_III_Q', '地表水达到或好于Ⅲ类水体比例（本季度）', 'water', 'water_class', 'share', 1, 3, 100, 'quarter', '%', NULL,
 '本季度断面·月次中Ⅰ—Ⅲ类所占比例', 'share of the quarter''s section-months at class I-III'),
('WATER_WORSE_V_YTD', '劣Ⅴ类水体比例（年初至今）', 'water', 'water_class', 'share', 6, 6, 100, 'ytd', '%', NULL,
 '年初至本季末断面·月次中劣Ⅴ类所占比例', 'share of section-months of the year to date worse than class V'),
('WATER_WORSE_V_Q', '劣Ⅴ类水体比例（本季度）', 'water', 'water_class', 'share', 6, 6, 100, 'quarter', '%', NULL,
 '本季度断面·月次中劣Ⅴ类所占比例', 'share of the quarter''s section-months worse than class V'),
('AIR_PM25_YTD', 'PM2.5平均浓度（年初至今）', 'air', 'pm25', 'mean', NULL, NULL, 1, 'ytd', 'μg/m3', 'YR-10',
 '年初至本季末各站点日均PM2.5浓度的算术平均（第四季度即全年均值）', 'mean of daily station PM2.5 of the year to date (at Q4: the annual mean)'),
('AIR_PM25_Q', 'PM2.5平均浓度（本季度）', 'air', 'pm25', 'mean', NULL, NULL, 1, 'quarter', 'μg/m3', NULL,
 '本季度各站点日均PM2.5浓度的算术平均', 'mean of the quarter''s daily station PM2.5'),
('AIR_GOOD_DAYS_YTD', '空气质量优良天数比例（年初至今）', 'air', 'aqi_class', 'share', 1, 2, 100, 'ytd', '%', 'FYP14-22',
 '年初至本季末站点·日中空气质量级别为优、良的比例', 'share of station-days of the year to date rated good or moderate (优/良)'),
('AIR_GOOD_DAYS_Q', '空气质量优良天数比例（本季度）', 'air', 'aqi_class', 'share', 1, 2, 100, 'quarter', '%', NULL,
 '本季度站点·日中优良所占比例', 'share of the quarter''s station-days rated 优/良');

CREATE TABLE mart_monitoring_indicator (
  period_key      INT          NOT NULL COMMENT 'the quarter (yyyyq)',
  period_code     VARCHAR(8)   NOT NULL,
  rule_code       VARCHAR(24)  NOT NULL,
  scope_type      VARCHAR(8)   NOT NULL COMMENT 'region | area',
  scope_code      VARCHAR(32)  NOT NULL,
  scope_name      VARCHAR(64)  NOT NULL,
  scope_level     VARCHAR(10)  NOT NULL COMMENT 'county | city | province | area',
  numerator       DECIMAL(24,6) NOT NULL,
  denominator     DECIMAL(24,6) NOT NULL,
  value           DECIMAL(20,6) NULL COMMENT 'numerator / denominator x factor',
  points          INT          NOT NULL COMMENT 'monitoring points with readings',
  readings        INT          NOT NULL COMMENT 'readings used (= denominator); int_monitoring_indicator_lineage lists them',
  submissions     VARCHAR(500) NOT NULL COMMENT 'ids of the accepted submissions the readings came in, comma separated',
  refreshed_at    DATETIME     NOT NULL,
  PRIMARY KEY (period_key, rule_code, scope_type, scope_code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci
  COMMENT='Grain: one row per quarter x derived monitoring rule x scope (county, city, province, planning area).';

-- The readings behind each figure of mart_monitoring_indicator (lineage): the same selection as the
-- refresh, with the file, Excel row and column each reading came from. Filter by period_key, rule_code,
-- scope_type, scope_code.
CREATE VIEW int_monitoring_indicator_lineage AS
WITH cur AS (
  SELECT f.submission_id, f.reading_date, f.point_code, f.parameter, f.value, f.row_no, s.file_name, s.version, s.form_code,
         p.county_code, p.city_code, p.point_kind
  FROM fact_monitoring_reading f
  JOIN ops_submission s ON s.submission_id = f.submission_id AND s.is_current
  JOIN dim_monitoring_point p ON p.point_code = f.point_code
), q AS (
  SELECT period_key, year, quarter, MAKEDATE(year, 1) AS year_start,
         MAKEDATE(year, 1) + INTERVAL (quarter - 1) * 3 MONTH AS quarter_start,
         MAKEDATE(year, 1) + INTERVAL quarter * 3 MONTH - INTERVAL 1 DAY AS quarter_end
  FROM dim_period WHERE period_type = 'Q'
), picked AS (
  SELECT q.period_key, q.quarter_end, r.rule_code, c.*,
         CASE r.measure WHEN 'share' THEN c.value BETWEEN r.class_min AND r.class_max ELSE NULL END AS counted_in_numerator
  FROM cfg_monitoring_rule r
  JOIN cur c ON c.parameter = r.parameter AND c.point_kind = r.point_kind
  JOIN q ON c.reading_date BETWEEN IF(r.window_kind = 'quarter', q.quarter_start, q.year_start) AND q.quarter_end
)
SELECT x.period_key, x.rule_code, 'region' AS scope_type, x.county_code AS scope_code, x.submission_id, x.version, x.file_name,
       x.point_code, x.reading_date, x.parameter, x.value, x.counted_in_numerator, x.row_no,
       CONCAT(m.column_letter, x.row_no) AS cell
FROM picked x LEFT JOIN dim_monitoring_parameter m ON m.form_code = x.form_code AND m.parameter = x.parameter
UNION ALL
SELECT x.period_key, x.rule_code, 'region', x.city_code, x.submission_id, x.version, x.file_name, x.point_code, x.reading_date,
       x.parameter, x.value, x.counted_in_numerator, x.row_no, CONCAT(m.column_letter, x.row_no)
FROM picked x LEFT JOIN dim_monitoring_parameter m ON m.form_code = x.form_code AND m.parameter = x.parameter
UNION ALL
SELECT x.period_key, x.rule_code, 'region', '140000', x.submission_id, x.version, x.file_name, x.point_code, x.reading_date,
       x.parameter, x.value, x.counted_in_numerator, x.row_no, CONCAT(m.column_letter, x.row_no)
FROM picked x LEFT JOIN dim_monitoring_parameter m ON m.form_code = x.form_code AND m.parameter = x.parameter
UNION ALL
SELECT x.period_key, x.rule_code, 'area', a.area_code, x.submission_id, x.version, x.file_name, x.point_code, x.reading_date,
       x.parameter, x.value, x.counted_in_numerator, x.row_no, CONCAT(m.column_letter, x.row_no)
FROM picked x
JOIN bridge_area_region b ON b.region_code = x.county_code AND x.quarter_end BETWEEN b.valid_from AND b.valid_to
JOIN dim_planning_area a ON a.area_key = b.area_key
LEFT JOIN dim_monitoring_parameter m ON m.form_code = x.form_code AND m.parameter = x.parameter;

-- The current value of each region, indicator and quarter (V12), now also from the monitoring marts: a
-- city's value of an indicator a rule feeds (feeds_indicator) is derived from its readings, with
-- numerator and denominator, and replaces a value typed into the quarterly form (the monitoring
-- network is the source; the typed value stays in fact_indicator_value). Roll-ups above the city are
-- then recomputed by the progress marts from those parts, as for any reported ratio.
CREATE OR REPLACE VIEW int_indicator_value_current AS
SELECT x.period_key, x.region_code, x.indicator_key, x.value, x.prior_year_value, x.numerator_value,
       x.denominator_value, x.submission_id, x.unit_code
FROM (SELECT f.period_key, r.region_code, f.indicator_key, f.value, f.prior_year_value, f.numerator_value,
             f.denominator_value, s.submission_id, u.unit_code,
             ROW_NUMBER() OVER (PARTITION BY f.period_key, r.region_code, f.indicator_key
                                ORDER BY f.value IS NULL, u.region_code <> r.region_code, s.submission_id DESC) AS pick
      FROM fact_indicator_value f
      JOIN ops_submission s ON s.submission_id = f.submission_id AND s.is_current
      JOIN dim_reporting_unit u ON u.unit_key = s.unit_key
      JOIN dim_region r ON r.region_key = f.region_key
      WHERE NOT EXISTS (SELECT 1 FROM mart_monitoring_indicator m
                        JOIN cfg_monitoring_rule mr ON mr.rule_code = m.rule_code
                        JOIN dim_indicator mi ON mi.indicator_code = mr.feeds_indicator
                        WHERE m.period_key = f.period_key AND m.scope_type = 'region' AND m.scope_level = 'city'
                          AND m.scope_code = r.region_code AND mi.indicator_key = f.indicator_key)) x
WHERE x.pick = 1
UNION ALL
SELECT m.period_key, m.scope_code, i.indicator_key, m.value, NULL,
       IF(mr.measure = 'share', m.numerator, NULL), IF(mr.measure = 'share', m.denominator, NULL), NULL, NULL
FROM mart_monitoring_indicator m
JOIN cfg_monitoring_rule mr ON mr.rule_code = m.rule_code AND mr.feeds_indicator IS NOT NULL
JOIN dim_indicator i ON i.indicator_code = mr.feeds_indicator
WHERE m.scope_type = 'region' AND m.scope_level = 'city';
