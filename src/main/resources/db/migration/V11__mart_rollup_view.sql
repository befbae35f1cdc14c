-- Every roll-up of mart_indicator_progress in one place: the parts (counties into their city, cities
-- into the province, member counties into each planning area with membership valid at the quarter's
-- end) and the rule of dim_indicator.rollup applied to them:
--   sum       SUM(value) of the parts that have a value;
--   recompute SUM(numerator) / SUM(denominator) (x100 for %) over parts that have both;
--   weighted  SUM(value x population) / SUM(population) over parts that have both;
--   none      not aggregable (rollup_value NULL).
-- used_parts counts the parts the rule used (for 'none': the parts that have a value). Literals carry
-- the tables' collation so any client can compare the view's columns with its own literals.
CREATE VIEW v_mart_rollup AS
SELECT c.period_key, c.parent_type, c.parent_code, c.indicator_key,
       COUNT(*) AS contributing,
       CASE i.rollup
         WHEN 'sum' THEN SUM(c.value)
         WHEN 'recompute' THEN SUM(CASE WHEN c.numerator_value IS NOT NULL AND c.denominator_value IS NOT NULL THEN c.numerator_value END)
              / NULLIF(SUM(CASE WHEN c.numerator_value IS NOT NULL AND c.denominator_value IS NOT NULL THEN c.denominator_value END), 0)
              * IF(i.unit = '%', 100, 1)
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
GROUP BY c.period_key, c.parent_type, c.parent_code, c.indicator_key, i.rollup, i.unit;
