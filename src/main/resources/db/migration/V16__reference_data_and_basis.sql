-- Reference data as catalog data (etl/reference/ref_*.csv, loaded by catalog load), the 口径 and form
-- unit of each indicator, and the indicator mart's columns for 口径, own baselines and currency.

ALTER TABLE dim_indicator
  ADD COLUMN form_unit VARCHAR(32) NULL COMMENT 'unit the form collects when it differs from unit (the target''s unit); NULL = unit',
  ADD COLUMN basis VARCHAR(16) NULL COMMENT '口径: level | ytd_flow (1-N月累计) | quarter_flow (the quarter''s own flow) | growth_yoy (比上年同期) | period_total (plan-period total or cut)';

CREATE TABLE ref_region_population (
  region_code     CHAR(6) NOT NULL,
  year            SMALLINT NOT NULL,
  population_wan  DECIMAL(12,4) NOT NULL COMMENT '常住人口, 万人, at the year end (census: 2020-11-01)',
  is_estimate     BOOLEAN NOT NULL COMMENT 'TRUE = derived (see method), not a published figure',
  method          VARCHAR(32) NOT NULL COMMENT 'census | sample_survey | equal_share_of_city | share_of_city_2019 | share_of_city_2022',
  source_zh       VARCHAR(500) NOT NULL,
  row_hash        CHAR(64) NOT NULL,
  updated_at      TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
  PRIMARY KEY (region_code, year)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci
  COMMENT='Grain: one row per region (province, city or county) x year: resident population with its source (etl/reference/ref_region_population.csv).';

CREATE TABLE ref_exchange_rate (
  year            SMALLINT NOT NULL,
  currency        CHAR(3) NOT NULL,
  cny_per_unit    DECIMAL(12,4) NOT NULL COMMENT 'yearly average: 1 unit of currency = this many 元',
  source_zh       VARCHAR(500) NOT NULL,
  row_hash        CHAR(64) NOT NULL,
  updated_at      TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
  PRIMARY KEY (year, currency)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci
  COMMENT='Grain: one row per year x currency: the yearly average exchange rate against the yuan (NBS 统计公报; etl/reference/ref_exchange_rate.csv).';

ALTER TABLE mart_indicator_progress
  ADD COLUMN basis VARCHAR(16) NULL COMMENT '口径 from dim_indicator.basis',
  ADD COLUMN year_share DECIMAL(6,4) NULL COMMENT 'flows: share of the year elapsed (q/4): the share of an annual target due by now; else 1',
  ADD COLUMN value_compared DECIMAL(20,6) NULL COMMENT 'what is compared with the target: the year-to-date total of a flow, else value',
  ADD COLUMN own_baseline BOOLEAN NULL COMMENT 'FALSE = the baseline is another region''s (province target inherited): no attainment (无本级基期)',
  ADD COLUMN form_unit VARCHAR(32) NULL COMMENT 'unit the form collected when it differs from unit',
  ADD COLUMN value_form_unit DECIMAL(20,6) NULL COMMENT 'value in form_unit, before conversion into unit',
  ADD COLUMN exchange_rate DECIMAL(12,4) NULL COMMENT 'yuan per unit of the target currency used for the conversion',
  ADD COLUMN exchange_rate_year SMALLINT NULL COMMENT 'year of that rate (the latest year not after the period''s year)',
  MODIFY COLUMN elapsed_share DECIMAL(12,8) NULL COMMENT 'share of baseline-to-target time elapsed at the period end (0..1; for a flow at the year end)';

-- Population per region and year: the form's 常住人口 denominators where a quarter's forms carry them
-- (source form), else the catalog's reference table (source reference).
CREATE OR REPLACE VIEW int_region_population AS
SELECT region_code, year, population_wan, _utf8mb4'form' COLLATE utf8mb4_unicode_ci AS source FROM (
  SELECT c.region_code, p.year,
         AVG(CASE i.denominator_name_zh WHEN '常住人口(千人)' THEN c.denominator_value / 10 ELSE c.denominator_value END) AS population_wan
  FROM int_indicator_value_current c
  JOIN dim_indicator i ON i.indicator_key = c.indicator_key
  JOIN dim_period p ON p.period_key = c.period_key
  WHERE i.denominator_name_zh IN ('常住人口(万人)', '常住人口(千人)') AND c.denominator_value > 0
  GROUP BY c.region_code, p.year) f
UNION ALL
SELECT r.region_code, r.year, r.population_wan, _utf8mb4'reference' COLLATE utf8mb4_unicode_ci FROM ref_region_population r;

-- Roll-up rules (V12), with each recomputed ratio's own factor from the catalog
-- (value = numerator / denominator x ratio_factor) instead of 100 for % and 1 otherwise.
CREATE OR REPLACE VIEW int_mart_rollup AS
SELECT c.period_key, c.parent_type, c.parent_code, c.indicator_key,
       COUNT(*) AS contributing,
       CASE i.rollup
         WHEN 'sum' THEN SUM(c.value)
         WHEN 'recompute' THEN SUM(CASE WHEN c.numerator_value IS NOT NULL AND c.denominator_value IS NOT NULL THEN c.numerator_value END)
              / NULLIF(SUM(CASE WHEN c.numerator_value IS NOT NULL AND c.denominator_value IS NOT NULL THEN c.denominator_value END), 0)
              * i.ratio_factor
         WHEN 'weighted' THEN SUM(CASE WHEN c.value IS NOT NULL AND c.weight_value IS NOT NULL THEN c.value * c.weight_value END)
              / NULLIF(SUM(CASE WHEN c.value IS NOT NULL AND c.weight_value IS NOT NULL THEN c.weight_value END), 0)
       END AS rollup_value,
       CASE i.rollup
         WHEN 'recompute' THEN SUM(c.numerator_value IS NOT NULL AND c.denominator_value IS NOT NULL)
         WHEN 'weighted' THEN SUM(c.value IS NOT NULL AND c.weight_value IS NOT NULL)
         ELSE SUM(c.value IS NOT NULL)
       END AS used_parts,
       SUM(CASE WHEN c.numerator_value IS NOT NULL AND c.denominator_value IS NOT NULL THEN c.numerator_value END) AS numerator_value,
       SUM(CASE WHEN c.numerator_value IS NOT NULL AND c.denominator_value IS NOT NULL THEN c.denominator_value END) AS denominator_value,
       SUM(c.weight_value) AS weight_value,
       -- A sum's year-ago value when every part with a value also has one.
       CASE WHEN i.rollup = 'sum' AND SUM(c.value IS NOT NULL) > 0 AND SUM(c.value_year_ago IS NOT NULL) = SUM(c.value IS NOT NULL)
            THEN SUM(c.value_year_ago) END AS value_year_ago
FROM (
  SELECT m.period_key, _utf8mb4'region' COLLATE utf8mb4_unicode_ci AS parent_type, m.city_code AS parent_code, m.indicator_key, m.value, m.numerator_value,
         m.denominator_value, m.weight_value, m.value_year_ago
  FROM mart_indicator_progress m WHERE m.scope_type = 'region' AND m.scope_level = 'county'
  UNION ALL
  SELECT m.period_key, _utf8mb4'region' COLLATE utf8mb4_unicode_ci, _utf8mb4'140000' COLLATE utf8mb4_unicode_ci, m.indicator_key, m.value, m.numerator_value, m.denominator_value, m.weight_value,
         m.value_year_ago
  FROM mart_indicator_progress m WHERE m.scope_type = 'region' AND m.scope_level = 'city'
  UNION ALL
  SELECT m.period_key, _utf8mb4'area' COLLATE utf8mb4_unicode_ci, a.area_code, m.indicator_key, m.value, m.numerator_value, m.denominator_value, m.weight_value,
         m.value_year_ago
  FROM mart_indicator_progress m
  JOIN dim_period p ON p.period_key = m.period_key
  JOIN bridge_area_region b ON b.region_code = m.scope_code AND p.end_date BETWEEN b.valid_from AND b.valid_to
  JOIN dim_planning_area a ON a.area_key = b.area_key
  WHERE m.scope_type = 'region' AND m.scope_level = 'county'
) c
JOIN dim_indicator i ON i.indicator_key = c.indicator_key
GROUP BY c.period_key, c.parent_type, c.parent_code, c.indicator_key, i.rollup, i.ratio_factor;
