-- Statements of the marts feature. A period is rebuilt by running the "refresh." statements below in
-- the order MartStep lists them, inside one transaction (MartRefresher). Parameters: :p period key (yyyyq), :periodCode,
-- :periodEnd, :year, :q (quarter), :prev (previous quarter's key), :yearAgo (same quarter a year
-- earlier), :now (refresh time), :today. docs/marts.md explains every rule with queries that
-- reproduce the figures from the facts.

-- name: lock
SELECT GET_LOCK(CONCAT('zhenxing.marts:', DATABASE()), 600);

-- name: unlock
SELECT RELEASE_LOCK(CONCAT('zhenxing.marts:', DATABASE()));

-- Quarters that have data or a calendar row, oldest first (a full refresh rebuilds all of them).
-- name: quartersWithData
SELECT p.period_code FROM dim_period p
WHERE p.period_type = 'Q'
  AND (EXISTS (SELECT 1 FROM ops_submission s WHERE s.period_key = p.period_key)
       OR EXISTS (SELECT 1 FROM cfg_reporting_calendar c WHERE c.period_key = p.period_key))
ORDER BY p.period_key;

-- name: laterQuartersWithData
SELECT p.period_code FROM dim_period p
WHERE p.period_type = 'Q' AND p.period_key > :p
  AND EXISTS (SELECT 1 FROM ops_submission s WHERE s.period_key = p.period_key AND s.is_current)
ORDER BY p.period_key;

-- ---------------------------------------------------------------------------------------------
-- Refresh of one period, in this order.
-- ---------------------------------------------------------------------------------------------

-- Indicators derived from monitoring readings (V27): each rule of cfg_monitoring_rule over the current
-- versions' readings of its window (the quarter, or 1 January to the quarter's end), per county, city,
-- province and planning area of the points. Counts and sums are added up per point first, then per
-- scope; value = numerator / denominator x factor at every level (never an average of ratios). First in
-- the rebuild: int_indicator_value_current feeds the city values of feeds_indicator into the leaves below.
-- int_monitoring_indicator_lineage lists the readings behind each row.
-- name: refresh.deleteMonitoring
DELETE FROM mart_monitoring_indicator WHERE period_key = :p;

-- name: refresh.monitoring
-- From the per-file totals of V37 (rule x point x month), never from the readings themselves.
INSERT INTO mart_monitoring_indicator (period_key, period_code, rule_code, scope_type, scope_code, scope_name, scope_level,
       numerator, denominator, value, points, readings, first_month, last_month, files, submissions, refreshed_at)
WITH per_point AS (
  SELECT t.rule_code, t.point_code, t.submission_id, SUM(t.numerator) AS num, SUM(t.denominator) AS den,
         MIN(t.month_start) AS first_month, MAX(t.month_start) AS last_month
  FROM ops_submission s
  JOIN fact_monitoring_rule_total t ON t.submission_id = s.submission_id
  JOIN cfg_monitoring_rule r ON r.rule_code = t.rule_code
  WHERE s.is_current AND s.form_code <> 'quarterly'
    AND t.month_start BETWEEN IF(r.window_kind = 'quarter', MAKEDATE(:year, 1) + INTERVAL (:q - 1) * 3 MONTH, MAKEDATE(:year, 1))
                          AND :periodEnd
  GROUP BY t.rule_code, t.point_code, t.submission_id
), picked AS (
  SELECT x.rule_code, x.point_code, x.submission_id, x.num, x.den, x.first_month, x.last_month, r.factor, p.county_code, p.city_code
  FROM per_point x JOIN cfg_monitoring_rule r ON r.rule_code = x.rule_code
  JOIN dim_monitoring_point p ON p.point_code = x.point_code AND p.point_kind = r.point_kind
), scoped AS (
  SELECT rule_code, factor, 'region' AS scope_type, county_code AS scope_code, point_code, submission_id, num, den, first_month, last_month FROM picked
  UNION ALL SELECT rule_code, factor, 'region', city_code, point_code, submission_id, num, den, first_month, last_month FROM picked
  UNION ALL SELECT rule_code, factor, 'region', '140000', point_code, submission_id, num, den, first_month, last_month FROM picked
  UNION ALL SELECT x.rule_code, x.factor, 'area', a.area_code, x.point_code, x.submission_id, x.num, x.den, x.first_month, x.last_month FROM picked x
    JOIN bridge_area_region b ON b.region_code = x.county_code AND :periodEnd BETWEEN b.valid_from AND b.valid_to
    JOIN dim_planning_area a ON a.area_key = b.area_key
)
SELECT :p, :periodCode, x.rule_code, x.scope_type, x.scope_code, COALESCE(MAX(r.name_zh), MAX(a.name_zh), x.scope_code),
       COALESCE(MAX(r.level), 'area'), SUM(x.num), SUM(x.den), SUM(x.num) / SUM(x.den) * MAX(x.factor),
       COUNT(DISTINCT x.point_code), SUM(x.den), MIN(x.first_month), MAX(x.last_month), COUNT(DISTINCT x.submission_id),
       LEFT(GROUP_CONCAT(DISTINCT x.submission_id ORDER BY x.submission_id), 500), :now
FROM scoped x
LEFT JOIN dim_region r ON x.scope_type = 'region' AND r.region_code = x.scope_code AND :periodEnd BETWEEN r.valid_from AND r.valid_to
LEFT JOIN dim_planning_area a ON x.scope_type = 'area' AND a.area_code = x.scope_code
GROUP BY x.rule_code, x.scope_type, x.scope_code;

-- A full refresh first rebuilds the totals of every decided monitoring file from its readings (the
-- ingest counts them as it lands a file; a changed cfg_monitoring_rule takes effect here). The same
-- arithmetic as cn.zhenxing.bulk.RuleTotals.
-- name: monitoringTotals.delete
DELETE t FROM fact_monitoring_rule_total t
JOIN ops_submission s ON s.submission_id = t.submission_id AND s.status IN ('accepted', 'superseded');

-- name: monitoringTotals.insert
INSERT INTO fact_monitoring_rule_total (submission_id, rule_code, point_code, month_start, numerator, denominator)
SELECT f.submission_id, r.rule_code, f.point_code, DATE_FORMAT(f.reading_date, '%Y-%m-01'),
       SUM(CASE r.measure WHEN 'share' THEN f.value BETWEEN r.class_min AND r.class_max ELSE f.value END), COUNT(*)
FROM ops_submission s
STRAIGHT_JOIN fact_monitoring_reading f ON f.submission_id = s.submission_id
JOIN dim_monitoring_point p ON p.point_code = f.point_code
JOIN cfg_monitoring_rule r ON r.parameter = f.parameter AND r.point_kind = p.point_kind
WHERE s.status IN ('accepted', 'superseded') AND s.form_code <> 'quarterly'
GROUP BY f.submission_id, r.rule_code, f.point_code, DATE_FORMAT(f.reading_date, '%Y-%m-01');

-- name: refresh.deleteIndicators
DELETE FROM mart_indicator_progress WHERE period_key = :p;

-- name: refresh.deleteSources
DELETE FROM mart_indicator_source WHERE period_key = :p;

-- Leaf rows: every region at an indicator's report level that is expected to report it this quarter
-- (plan in force, quarterly or Q4 for annual statistics, region inside a target scope: the same rule
-- as the forms), or that reported it anyway.
-- name: refresh.indicatorLeaves
INSERT INTO mart_indicator_progress (period_key, period_code, scope_type, scope_code, scope_name, scope_level, city_code,
       indicator_key, indicator_code, indicator_name, unit, attribute, plan_code, rollup,
       value, value_source, reported_value, rollup_value, numerator_value, denominator_value, weight_value,
       contributing_regions, reporting_regions, value_year_ago, year_ago_source, status_zh, refreshed_at)
WITH regions AS (
  SELECT region_code, name_zh, level, city_code FROM dim_region WHERE :periodEnd BETWEEN valid_from AND valid_to
), indicators AS (
  SELECT i.* FROM dim_indicator i JOIN dim_plan pl ON pl.plan_code = i.plan_code
  WHERE NOT pl.is_draft AND COALESCE(pl.start_year, :year) <= :year AND COALESCE(pl.end_year, :year) >= :year
    AND i.value_kind NOT IN ('composite', 'qualitative') AND (i.frequency = 'quarterly' OR :q = 4)
), members AS (
  SELECT a.area_code, b.region_code, r.city_code FROM bridge_area_region b
  JOIN dim_planning_area a ON a.area_key = b.area_key
  JOIN regions r ON r.region_code = b.region_code
  WHERE :periodEnd BETWEEN b.valid_from AND b.valid_to
), expected AS (
  SELECT DISTINCT r.region_code, i.indicator_key
  FROM indicators i JOIN regions r ON r.level = i.report_level
  LEFT JOIN fact_indicator_target t ON t.indicator_key = i.indicator_key
  WHERE (t.scope_type = 'region' AND t.scope_code IN ('140000', r.region_code, r.city_code))
     OR (t.scope_type = 'area' AND r.level = 'county'
         AND EXISTS (SELECT 1 FROM members m WHERE m.area_code = t.scope_code AND m.region_code = r.region_code))
     OR (t.scope_type = 'area' AND r.level = 'city'
         AND EXISTS (SELECT 1 FROM members m WHERE m.area_code = t.scope_code AND m.city_code = r.region_code))
     OR (r.level = 'province' AND (t.scope_type IS NULL OR t.scope_type IN ('area', 'other')))
), reported AS (
  SELECT * FROM int_indicator_value_current WHERE period_key = :p
), population AS (
  SELECT region_code, population_wan FROM (
    SELECT region_code, population_wan,
           ROW_NUMBER() OVER (PARTITION BY region_code ORDER BY year > :year, ABS(year - :year), source <> 'form') AS pick
    FROM int_region_population) x
  WHERE pick = 1
), leaves AS (
  SELECT region_code, indicator_key FROM expected
  UNION
  SELECT c.region_code, c.indicator_key FROM reported c
  JOIN regions r ON r.region_code = c.region_code
  JOIN dim_indicator i ON i.indicator_key = c.indicator_key AND i.report_level = r.level
)
SELECT :p, :periodCode, 'region', r.region_code, r.name_zh, r.level, r.city_code,
       i.indicator_key, i.indicator_code, i.name_zh, i.unit, i.attribute, i.plan_code, i.rollup,
       c.value, IF(c.value IS NULL, 'none', 'reported'), c.value, NULL, c.numerator_value, c.denominator_value,
       pop.population_wan, 1, c.value IS NOT NULL,
       c.prior_year_value, IF(c.prior_year_value IS NULL, NULL, 'reported'), '无数据', :now
FROM leaves l
JOIN regions r ON r.region_code = l.region_code
JOIN dim_indicator i ON i.indicator_key = l.indicator_key
LEFT JOIN reported c ON c.region_code = l.region_code AND c.indicator_key = l.indicator_key
LEFT JOIN population pop ON pop.region_code = l.region_code;

-- Cities from their counties, then the province from its cities (roll-up rules: int_mart_rollup, V11):
-- a value the region reported itself wins over the roll-up (value_source says which was used).
-- name: refresh.indicatorCities
INSERT INTO mart_indicator_progress (period_key, period_code, scope_type, scope_code, scope_name, scope_level, city_code,
       indicator_key, indicator_code, indicator_name, unit, attribute, plan_code, rollup,
       value, value_source, reported_value, rollup_value, numerator_value, denominator_value, weight_value,
       contributing_regions, reporting_regions, value_year_ago, year_ago_source, status_zh, refreshed_at)
WITH regions AS (
  SELECT region_code, name_zh, level, city_code FROM dim_region WHERE :periodEnd BETWEEN valid_from AND valid_to
), parts AS (
  SELECT parent_code AS region_code, v.* FROM int_mart_rollup v
  WHERE v.period_key = :p AND v.parent_type = 'region' AND v.parent_code <> '140000'
), reported AS (
  SELECT c.* FROM int_indicator_value_current c
  JOIN regions r ON r.region_code = c.region_code AND r.level = 'city'
  JOIN dim_indicator i ON i.indicator_key = c.indicator_key AND i.report_level = 'county'
  WHERE c.period_key = :p
), population AS (
  SELECT region_code, population_wan FROM (
    SELECT region_code, population_wan,
           ROW_NUMBER() OVER (PARTITION BY region_code ORDER BY year > :year, ABS(year - :year), source <> 'form') AS pick
    FROM int_region_population) x
  WHERE pick = 1
), keyset AS (
  SELECT region_code, indicator_key FROM parts UNION SELECT region_code, indicator_key FROM reported
), rolled AS (
  SELECT k.region_code, k.indicator_key, c.value AS reported_value, p.rollup_value,
         IF(c.value IS NOT NULL, c.prior_year_value, p.value_year_ago) AS prior_year_value,
         p.used_parts, COALESCE(p.contributing, 0) AS contributing,
         IF(c.numerator_value IS NOT NULL AND c.denominator_value IS NOT NULL, c.numerator_value, p.numerator_value) AS num,
         IF(c.numerator_value IS NOT NULL AND c.denominator_value IS NOT NULL, c.denominator_value, p.denominator_value) AS den,
         COALESCE(pop.population_wan, p.weight_value) AS weight
  FROM keyset k
  LEFT JOIN parts p ON p.region_code = k.region_code AND p.indicator_key = k.indicator_key
  LEFT JOIN reported c ON c.region_code = k.region_code AND c.indicator_key = k.indicator_key
  LEFT JOIN population pop ON pop.region_code = k.region_code
)
SELECT :p, :periodCode, 'region', r.region_code, r.name_zh, r.level, r.region_code,
       i.indicator_key, i.indicator_code, i.name_zh, i.unit, i.attribute, i.plan_code, i.rollup,
       COALESCE(x.reported_value, x.rollup_value),
       CASE WHEN x.reported_value IS NOT NULL THEN 'reported' WHEN x.rollup_value IS NOT NULL THEN i.rollup ELSE 'none' END,
       x.reported_value, x.rollup_value, x.num, x.den, x.weight,
       IF(x.reported_value IS NOT NULL AND x.contributing = 0, 1, x.contributing),
       IF(x.reported_value IS NOT NULL AND x.contributing = 0, 1, x.used_parts),
       x.prior_year_value, IF(x.prior_year_value IS NULL, NULL, 'reported'), '无数据', :now
FROM rolled x
JOIN regions r ON r.region_code = x.region_code
JOIN dim_indicator i ON i.indicator_key = x.indicator_key;

-- name: refresh.indicatorProvince
INSERT INTO mart_indicator_progress (period_key, period_code, scope_type, scope_code, scope_name, scope_level, city_code,
       indicator_key, indicator_code, indicator_name, unit, attribute, plan_code, rollup,
       value, value_source, reported_value, rollup_value, numerator_value, denominator_value, weight_value,
       contributing_regions, reporting_regions, value_year_ago, year_ago_source, status_zh, refreshed_at)
WITH parts AS (
  SELECT v.* FROM int_mart_rollup v WHERE v.period_key = :p AND v.parent_type = 'region' AND v.parent_code = '140000'
), reported AS (
  SELECT c.* FROM int_indicator_value_current c
  JOIN dim_indicator i ON i.indicator_key = c.indicator_key AND i.report_level IN ('city', 'county')
  WHERE c.period_key = :p AND c.region_code = '140000'
), keyset AS (
  SELECT indicator_key FROM parts UNION SELECT indicator_key FROM reported
), rolled AS (
  SELECT k.indicator_key, c.value AS reported_value, p.rollup_value,
         IF(c.value IS NOT NULL, c.prior_year_value, p.value_year_ago) AS prior_year_value,
         p.used_parts, COALESCE(p.contributing, 0) AS contributing,
         IF(c.numerator_value IS NOT NULL AND c.denominator_value IS NOT NULL, c.numerator_value, p.numerator_value) AS num,
         IF(c.numerator_value IS NOT NULL AND c.denominator_value IS NOT NULL, c.denominator_value, p.denominator_value) AS den,
         p.weight_value AS weight
  FROM keyset k
  LEFT JOIN parts p ON p.indicator_key = k.indicator_key
  LEFT JOIN reported c ON c.indicator_key = k.indicator_key
)
SELECT :p, :periodCode, 'region', r.region_code, r.name_zh, r.level, NULL,
       i.indicator_key, i.indicator_code, i.name_zh, i.unit, i.attribute, i.plan_code, i.rollup,
       COALESCE(x.reported_value, x.rollup_value),
       CASE WHEN x.reported_value IS NOT NULL THEN 'reported' WHEN x.rollup_value IS NOT NULL THEN i.rollup ELSE 'none' END,
       x.reported_value, x.rollup_value, x.num, x.den, x.weight,
       IF(x.reported_value IS NOT NULL AND x.contributing = 0, 1, x.contributing),
       IF(x.reported_value IS NOT NULL AND x.contributing = 0, 1, x.used_parts),
       x.prior_year_value, IF(x.prior_year_value IS NULL, NULL, 'reported'), '无数据', :now
FROM rolled x
JOIN dim_region r ON r.region_code = '140000' AND :periodEnd BETWEEN r.valid_from AND r.valid_to
JOIN dim_indicator i ON i.indicator_key = x.indicator_key;

-- Planning areas from their member counties. A county in two areas counts once in each; the province
-- is built from cities, so it is never counted twice there. An area gets a roll-up only for
-- indicators all its member counties report (a Yellow River indicator is not summed over the part of
-- the Taihang area that lies in the basin); city- and province-level indicators cannot be split into
-- counties. Where the plan sets a target for the area, the area still gets a row (value 'none' when
-- it cannot be rolled up).
-- name: refresh.indicatorAreas
INSERT INTO mart_indicator_progress (period_key, period_code, scope_type, scope_code, scope_name, scope_level, city_code,
       indicator_key, indicator_code, indicator_name, unit, attribute, plan_code, rollup,
       value, value_source, reported_value, rollup_value, numerator_value, denominator_value, weight_value,
       contributing_regions, reporting_regions, value_year_ago, year_ago_source, status_zh, refreshed_at)
WITH parts AS (
  SELECT a.area_key, v.* FROM int_mart_rollup v
  JOIN dim_planning_area a ON a.area_code = v.parent_code
  WHERE v.period_key = :p AND v.parent_type = 'area'
    AND v.contributing = (SELECT COUNT(*) FROM bridge_area_region b
                          WHERE b.area_key = a.area_key AND :periodEnd BETWEEN b.valid_from AND b.valid_to)
), area_targets AS (
  SELECT DISTINCT a.area_key, t.indicator_key
  FROM fact_indicator_target t
  JOIN dim_planning_area a ON a.area_code = t.scope_code
  JOIN dim_indicator i ON i.indicator_key = t.indicator_key
  JOIN dim_plan pl ON pl.plan_code = i.plan_code
  WHERE t.scope_type = 'area' AND NOT pl.is_draft AND COALESCE(pl.start_year, :year) <= :year
    AND COALESCE(pl.end_year, :year) >= :year AND (i.frequency = 'quarterly' OR :q = 4)
), keyset AS (
  SELECT area_key, indicator_key FROM parts UNION SELECT area_key, indicator_key FROM area_targets
)
SELECT :p, :periodCode, 'area', a.area_code, a.name_zh, 'area', NULL,
       i.indicator_key, i.indicator_code, i.name_zh, i.unit, i.attribute, i.plan_code, i.rollup,
       p.rollup_value, IF(p.rollup_value IS NULL, 'none', i.rollup), NULL, p.rollup_value, p.numerator_value, p.denominator_value,
       p.weight_value, COALESCE(p.contributing, 0), COALESCE(p.used_parts, 0),
       p.value_year_ago, IF(p.value_year_ago IS NULL, NULL, 'reported'), '无数据', :now
FROM keyset k
JOIN dim_planning_area a ON a.area_key = k.area_key
JOIN dim_indicator i ON i.indicator_key = k.indicator_key
LEFT JOIN parts p ON p.area_key = k.area_key AND p.indicator_key = k.indicator_key;

-- Lineage of every figure (mart_indicator_source, V35): the current versions its value is built from,
-- so mart_indicator_approval can say live whether it is approved or 初步数. A reported value comes from
-- the version that supplied it; a city's roll-up from its counties' versions, the province's from its
-- cities' figures, an area's from its member counties'. Every part with a value counts (also one a
-- recompute could not use: a figure is approved only when nothing near it awaits review).
-- name: refresh.sourcesReported
INSERT INTO mart_indicator_source (period_key, scope_type, scope_code, indicator_key, submission_id, unit_key)
WITH reported AS (
  SELECT * FROM int_indicator_value_current WHERE period_key = :p AND submission_id IS NOT NULL
)
SELECT m.period_key, m.scope_type, m.scope_code, m.indicator_key, c.submission_id, s.unit_key
FROM mart_indicator_progress m
JOIN reported c ON c.region_code = m.scope_code AND c.indicator_key = m.indicator_key
JOIN ops_submission s ON s.submission_id = c.submission_id
WHERE m.period_key = :p AND m.scope_type = 'region' AND m.value_source = 'reported';

-- name: refresh.sourcesCities
INSERT INTO mart_indicator_source (period_key, scope_type, scope_code, indicator_key, submission_id, unit_key)
SELECT DISTINCT m.period_key, m.scope_type, m.scope_code, m.indicator_key, s.submission_id, s.unit_key
FROM mart_indicator_progress m
JOIN mart_indicator_progress part ON part.period_key = m.period_key AND part.scope_type = 'region' AND part.scope_level = 'county'
  AND part.city_code = m.scope_code AND part.indicator_key = m.indicator_key
JOIN mart_indicator_source s ON s.period_key = part.period_key AND s.scope_type = 'region' AND s.scope_code = part.scope_code
  AND s.indicator_key = part.indicator_key
WHERE m.period_key = :p AND m.scope_type = 'region' AND m.scope_level = 'city' AND m.value_source <> 'reported' AND m.value IS NOT NULL;

-- name: refresh.sourcesProvince
INSERT INTO mart_indicator_source (period_key, scope_type, scope_code, indicator_key, submission_id, unit_key)
SELECT DISTINCT m.period_key, m.scope_type, m.scope_code, m.indicator_key, s.submission_id, s.unit_key
FROM mart_indicator_progress m
JOIN mart_indicator_progress part ON part.period_key = m.period_key AND part.scope_type = 'region' AND part.scope_level = 'city'
  AND part.indicator_key = m.indicator_key
JOIN mart_indicator_source s ON s.period_key = part.period_key AND s.scope_type = 'region' AND s.scope_code = part.scope_code
  AND s.indicator_key = part.indicator_key
WHERE m.period_key = :p AND m.scope_type = 'region' AND m.scope_level = 'province' AND m.value_source <> 'reported' AND m.value IS NOT NULL;

-- name: refresh.sourcesAreas
INSERT INTO mart_indicator_source (period_key, scope_type, scope_code, indicator_key, submission_id, unit_key)
SELECT DISTINCT m.period_key, m.scope_type, m.scope_code, m.indicator_key, s.submission_id, s.unit_key
FROM mart_indicator_progress m
JOIN dim_planning_area a ON a.area_code = m.scope_code
JOIN bridge_area_region b ON b.area_key = a.area_key AND :periodEnd BETWEEN b.valid_from AND b.valid_to
JOIN mart_indicator_source s ON s.period_key = m.period_key AND s.scope_type = 'region' AND s.scope_code = b.region_code
  AND s.indicator_key = m.indicator_key
WHERE m.period_key = :p AND m.scope_type = 'area' AND m.value IS NOT NULL;

-- Currency: where the target is in 美元 and the form collects 元 (dim_indicator.form_unit), the row is
-- compared in the target's unit: value, reported_value and rollup_value are divided by the yearly
-- average rate (ref_exchange_rate, the latest year not after the quarter's); value_form_unit keeps
-- the value as collected, so a report can show both. A typed 上年同期值 is converted at the previous
-- year's rate (the mart's own year-ago rows are already converted).
-- name: refresh.indicatorCurrency
UPDATE mart_indicator_progress m
JOIN dim_indicator i ON i.indicator_key = m.indicator_key
JOIN (SELECT year, cny_per_unit FROM ref_exchange_rate WHERE currency = 'USD' AND year <= :year ORDER BY year DESC LIMIT 1) fx ON 1 = 1
LEFT JOIN (SELECT cny_per_unit FROM ref_exchange_rate WHERE currency = 'USD' AND year <= :year - 1 ORDER BY year DESC LIMIT 1) fx0 ON 1 = 1
SET m.form_unit = i.form_unit, m.value_form_unit = m.value, m.exchange_rate = fx.cny_per_unit, m.exchange_rate_year = fx.year,
    m.value = m.value / fx.cny_per_unit, m.reported_value = m.reported_value / fx.cny_per_unit,
    m.rollup_value = m.rollup_value / fx.cny_per_unit,
    m.value_year_ago = m.value_year_ago / COALESCE(fx0.cny_per_unit, fx.cny_per_unit)
WHERE m.period_key = :p AND i.form_unit LIKE '元%' AND i.unit LIKE '美元%';

-- Value a year earlier: this mart's row for the same quarter of the previous year when it has a
-- value; otherwise the 上年同期值 the region typed (leaf rows only, kept from the insert).
-- name: refresh.indicatorYearAgo
UPDATE mart_indicator_progress m
JOIN mart_indicator_progress y ON y.period_key = :yearAgo AND y.scope_type = m.scope_type
  AND y.scope_code = m.scope_code AND y.indicator_key = m.indicator_key
SET m.value_year_ago = y.value, m.year_ago_source = 'mart'
WHERE m.period_key = :p AND y.value IS NOT NULL;

-- The target of the row's own scope; of several target years the first not before this year,
-- else the last one. A year of 0 (no year in the plan) means the plan's end year; a missing
-- baseline year means the year before the plan starts.
-- name: refresh.indicatorOwnTarget
UPDATE mart_indicator_progress m
JOIN (SELECT t.*,
             ROW_NUMBER() OVER (PARTITION BY t.indicator_key, t.scope_type, t.scope_code
                                ORDER BY eff_target_year < :year, IF(eff_target_year < :year, -eff_target_year, eff_target_year)) AS pick
      FROM (SELECT t0.*, IF(t0.target_year = 0, pl.end_year, t0.target_year) AS eff_target_year,
                   COALESCE(t0.baseline_year, pl.start_year - 1) AS eff_baseline_year
            FROM fact_indicator_target t0
            JOIN dim_indicator i0 ON i0.indicator_key = t0.indicator_key
            JOIN dim_plan pl ON pl.plan_code = i0.plan_code
            WHERE t0.scope_type IN ('region', 'area')) t) t
  ON t.pick = 1 AND t.indicator_key = m.indicator_key AND t.scope_type = m.scope_type AND t.scope_code = m.scope_code
SET m.target_scope_code = t.scope_code, m.target_inherited = FALSE,
    m.baseline_year = t.eff_baseline_year, m.baseline_value = t.baseline_value, m.target_year = t.eff_target_year,
    m.target_kind = t.target_kind, m.target_operator = t.target_operator, m.target_value = t.target_value,
    m.target_value_high = t.target_value_high, m.target_text = t.target_text,
    m.growth_target = IF(t.growth_value IS NOT NULL AND t.growth_text NOT LIKE '[%', t.growth_value, NULL)
WHERE m.period_key = :p;

-- Ratios, averages and rates without a target of their own are compared with the province target
-- (参照全省目标, target_inherited). Sums never are: a county's total is not the province's.
-- name: refresh.indicatorInheritedTarget
UPDATE mart_indicator_progress m
JOIN (SELECT t.*,
             ROW_NUMBER() OVER (PARTITION BY t.indicator_key
                                ORDER BY eff_target_year < :year, IF(eff_target_year < :year, -eff_target_year, eff_target_year)) AS pick
      FROM (SELECT t0.*, IF(t0.target_year = 0, pl.end_year, t0.target_year) AS eff_target_year,
                   COALESCE(t0.baseline_year, pl.start_year - 1) AS eff_baseline_year
            FROM fact_indicator_target t0
            JOIN dim_indicator i0 ON i0.indicator_key = t0.indicator_key
            JOIN dim_plan pl ON pl.plan_code = i0.plan_code
            WHERE t0.scope_type = 'region' AND t0.scope_code = '140000') t) t
  ON t.pick = 1 AND t.indicator_key = m.indicator_key
SET m.target_scope_code = t.scope_code, m.target_inherited = TRUE,
    m.baseline_year = t.eff_baseline_year, m.baseline_value = t.baseline_value, m.target_year = t.eff_target_year,
    m.target_kind = t.target_kind, m.target_operator = t.target_operator, m.target_value = t.target_value,
    m.target_value_high = t.target_value_high, m.target_text = t.target_text,
    m.growth_target = IF(t.growth_value IS NOT NULL AND t.growth_text NOT LIKE '[%', t.growth_value, NULL)
WHERE m.period_key = :p AND m.target_scope_code IS NULL AND m.rollup <> 'sum';

-- 口径 (dim_indicator.basis) and the baseline's owner, before the path. year_share: a flow's share of
-- the year elapsed (Q/4; 1 otherwise), the share of its annual target due by now. value_compared: a
-- ytd_flow (1–N月累计) as reported, a quarter_flow summed over the year's quarters so far, a level
-- or growth rate as it is. own_baseline is FALSE where the baseline is the province's (a target
-- inherited by a city or county): such a row gets no attainment (无本级基期). Time is counted in years
-- from the end of the baseline year to the end of this quarter (2025Q3 = 2024.75) — for a flow to the
-- end of this year, whose total the annual target is — as a share of baseline-to-target, capped to 0..1.
-- name: refresh.indicatorBasis
UPDATE mart_indicator_progress m
JOIN dim_indicator i ON i.indicator_key = m.indicator_key
LEFT JOIN (SELECT scope_type, scope_code, indicator_key, SUM(value) AS earlier FROM mart_indicator_progress
           WHERE period_key BETWEEN :year * 10 + 1 AND :p - 1 GROUP BY scope_type, scope_code, indicator_key) e
  ON i.basis = 'quarter_flow' AND e.scope_type = m.scope_type AND e.scope_code = m.scope_code AND e.indicator_key = m.indicator_key
SET m.basis = i.basis,
    m.year_share = IF(i.basis IN ('ytd_flow', 'quarter_flow'), :q / 4, 1),
    m.value_compared = IF(i.basis = 'quarter_flow', m.value + COALESCE(e.earlier, 0), m.value),
    m.own_baseline = IF(m.baseline_value IS NULL, NULL, NOT m.target_inherited),
    m.elapsed_share = CASE WHEN m.target_year > m.baseline_year
      THEN LEAST(1, GREATEST(0, (IF(i.basis IN ('ytd_flow', 'quarter_flow'), :year, :year - 1 + :q / 4) - m.baseline_year)
                                / (m.target_year - m.baseline_year))) END
WHERE m.period_key = :p;

-- Path from baseline to target at elapsed_share, times year_share for a flow:
--   growth_rate target on a growth-rate indicator: expected = the annual rate itself;
--   a level with an annual growth target (growth_target): compound path B x (1 + g/100)^t;
--   cumulative target (or a stock summed with no baseline, higher better): straight path from 0;
--   a flow with no baseline: its annual target, times year_share;
--   level with baseline: straight path B + (T - B) x share;
--   otherwise without baseline: no path, attainment = V / T (T / V when lower is better).
-- name: refresh.indicatorPath
UPDATE mart_indicator_progress m
JOIN dim_indicator i ON i.indicator_key = m.indicator_key
SET m.expected_value = CASE
      WHEN m.target_value IS NULL OR m.target_kind NOT IN ('number', 'cumulative', 'growth_rate') THEN NULL
      WHEN m.target_kind = 'growth_rate' AND i.value_kind = 'growth_rate' THEN m.target_value
      WHEN m.growth_target IS NOT NULL AND m.baseline_value IS NOT NULL AND m.target_year > m.baseline_year
        THEN m.baseline_value * POW(1 + m.growth_target / 100, m.elapsed_share * (m.target_year - m.baseline_year)) * m.year_share
      WHEN m.baseline_value IS NULL AND i.basis IN ('ytd_flow', 'quarter_flow') THEN m.target_value * m.year_share
      WHEN (m.target_kind = 'cumulative' OR (m.baseline_value IS NULL AND m.rollup = 'sum' AND NOT i.direction <=> 'lower_better')) AND m.target_year > m.baseline_year
        THEN m.target_value * m.elapsed_share
      WHEN m.baseline_value IS NOT NULL AND m.target_year > m.baseline_year
        THEN (m.baseline_value + (m.target_value - m.baseline_value) * m.elapsed_share) * m.year_share
    END
WHERE m.period_key = :p;

-- Attainment and path ratio compare value_compared with the baseline and target scaled by year_share
-- (a year-to-date flow against the elapsed share of its annual target); none from another region's baseline.
-- name: refresh.indicatorAttainment
UPDATE mart_indicator_progress m
JOIN dim_indicator i ON i.indicator_key = m.indicator_key
SET m.attainment = CASE
      WHEN m.value_compared IS NULL OR m.target_value IS NULL OR m.target_kind NOT IN ('number', 'cumulative', 'growth_rate') THEN NULL
      WHEN m.target_kind = 'growth_rate' AND i.value_kind = 'growth_rate' THEN m.value_compared / NULLIF(m.target_value, 0)
      WHEN m.target_kind = 'cumulative' OR (m.baseline_value IS NULL AND m.rollup = 'sum' AND NOT i.direction <=> 'lower_better')
        THEN m.value_compared / NULLIF(m.target_value * m.year_share, 0)
      WHEN m.baseline_value IS NOT NULL AND NOT m.own_baseline THEN NULL
      WHEN m.baseline_value IS NOT NULL
        THEN (m.value_compared - m.baseline_value * m.year_share) / NULLIF((m.target_value - m.baseline_value) * m.year_share, 0)
      WHEN i.direction = 'lower_better' THEN m.target_value * m.year_share / NULLIF(m.value_compared, 0)
      ELSE m.value_compared / NULLIF(m.target_value * m.year_share, 0)
    END,
    m.path_ratio = CASE
      WHEN m.value_compared IS NULL OR m.target_value IS NULL OR m.target_kind NOT IN ('number', 'cumulative', 'growth_rate') THEN NULL
      WHEN m.target_kind = 'growth_rate' AND i.value_kind = 'growth_rate' THEN m.value_compared / NULLIF(m.target_value, 0)
      WHEN m.target_kind = 'cumulative' AND i.direction = 'lower_better' THEN m.expected_value / NULLIF(m.value_compared, 0)
      -- No baseline and a target still years away (人均地区生产总值: 2万美元 by 2035): no path to be behind.
      WHEN m.expected_value IS NULL AND m.baseline_value IS NULL AND m.target_year > :year THEN NULL
      WHEN m.expected_value IS NULL AND m.baseline_value IS NULL AND i.direction = 'lower_better'
        THEN m.target_value * m.year_share / NULLIF(m.value_compared, 0)
      WHEN m.expected_value IS NULL AND m.baseline_value IS NULL THEN m.value_compared / NULLIF(m.target_value * m.year_share, 0)
      WHEN m.target_kind = 'cumulative' OR m.baseline_value IS NULL THEN m.value_compared / NULLIF(m.expected_value, 0)
      WHEN NOT m.own_baseline THEN NULL
      ELSE (m.value_compared - m.baseline_value * m.year_share) / NULLIF(m.expected_value - m.baseline_value * m.year_share, 0)
    END
WHERE m.period_key = :p;

-- Status, thresholds from cfg_mart_rule. Order matters: not aggregable, no numeric target, no value,
-- incomplete sum, target met, no baseline of the region's own, no baseline at all before the target
-- year (no path: 无基期), then the path ratio.
-- name: refresh.indicatorStatus
UPDATE mart_indicator_progress m
JOIN dim_indicator i ON i.indicator_key = m.indicator_key
SET m.status_zh = CASE
      WHEN m.value IS NULL AND m.rollup = 'none' AND m.value_source = 'none' AND m.reporting_regions > 0 THEN '不可汇总'
      WHEN m.target_value IS NULL OR m.target_kind NOT IN ('number', 'cumulative', 'growth_rate') THEN '无目标'
      WHEN m.value IS NULL THEN '无数据'
      WHEN m.value_source = 'sum' AND m.reporting_regions < m.contributing_regions THEN '数据不全'
      WHEN CASE
             WHEN m.target_operator = 'range' THEN m.value_compared BETWEEN m.target_value * m.year_share AND m.target_value_high * m.year_share
             WHEN (m.target_operator = 'approx' OR i.direction = 'target_band')
                  AND ABS(m.value_compared - m.target_value * m.year_share) <= (SELECT rule_value FROM cfg_mart_rule WHERE rule_key = 'status.approx_tolerance') * ABS(m.target_value * m.year_share) THEN TRUE
             WHEN i.direction = 'target_band' THEN FALSE
             WHEN i.direction = 'lower_better' THEN IF(m.target_operator = 'lt', m.value_compared < m.target_value * m.year_share, m.value_compared <= m.target_value * m.year_share)
             ELSE IF(m.target_operator = 'gt', m.value_compared > m.target_value * m.year_share, m.value_compared >= m.target_value * m.year_share)
           END THEN '达标'
      WHEN m.path_ratio IS NULL AND m.own_baseline = FALSE THEN '无本级基期'
      WHEN m.path_ratio IS NULL AND m.baseline_value IS NULL AND m.target_year > :year THEN '无基期'
      WHEN m.path_ratio IS NULL THEN '正常推进'
      WHEN m.path_ratio >= (SELECT rule_value FROM cfg_mart_rule WHERE rule_key = 'status.on_track_min_ratio') THEN '正常推进'
      WHEN m.path_ratio >= (SELECT rule_value FROM cfg_mart_rule WHERE rule_key = 'status.lagging_min_ratio') THEN '滞后'
      ELSE '严重滞后'
    END
WHERE m.period_key = :p;

-- name: refresh.deleteTasks
DELETE FROM mart_task_progress WHERE period_key = :p;

-- Tasks: the current version of each reporting region's row, the change since last quarter, and
-- lagging = reported 滞后, or not 已完成 with percent done more than task.elapsed_tolerance_points below
-- the time elapsed of the task's plan period (start of the start year to the end of the end year;
-- 未启动 without a percent counts as 0). 未启动 from quarter task.not_started_alert_quarter on is flagged.
-- name: refresh.tasks
INSERT INTO mart_task_progress (period_key, period_code, task_key, task_code, task_title, plan_code, region_code, region_name,
       status, percent_done, percent_last_quarter, percent_change, elapsed_share_pct, is_lagging, lag_reason_zh,
       not_started_late, behind_points, departments_zh, lead_department_zh, problems_text, submission_id, refreshed_at)
WITH current_rows AS (
  SELECT f.task_key, f.period_key, r.region_code, r.name_zh AS region_name, f.status, f.percent_done, f.problems_text, f.submission_id
  FROM fact_task_progress f
  JOIN ops_submission s ON s.submission_id = f.submission_id AND s.is_current
  JOIN dim_region r ON r.region_key = f.region_key
  WHERE f.period_key IN (:p, :prev)
), timed AS (
  SELECT c.*, t.task_code, t.title_zh, t.plan_code,
         LEAST(100, GREATEST(0, 100 * (:year - 1 + :q / 4 - (pl.start_year - 1)) / (pl.end_year - pl.start_year + 1))) AS elapsed,
         COALESCE(c.percent_done, IF(c.status = '未启动', 0, NULL)) AS effective_percent
  FROM current_rows c
  JOIN dim_task t ON t.task_key = c.task_key
  JOIN dim_plan pl ON pl.plan_code = t.plan_code
  WHERE c.period_key = :p
)
SELECT :p, :periodCode, x.task_key, x.task_code, x.title_zh, x.plan_code, x.region_code, x.region_name,
       x.status, x.percent_done, prev.percent_done, x.percent_done - prev.percent_done, x.elapsed,
       x.status = '滞后' OR COALESCE(x.status <> '已完成' AND x.effective_percent
                             < x.elapsed - (SELECT rule_value FROM cfg_mart_rule WHERE rule_key = 'task.elapsed_tolerance_points'), FALSE),
       CASE WHEN x.status = '滞后' THEN '填报为滞后'
            WHEN x.status <> '已完成' AND x.effective_percent
                 < x.elapsed - (SELECT rule_value FROM cfg_mart_rule WHERE rule_key = 'task.elapsed_tolerance_points')
            THEN '进度低于时间进度' END,
       x.status = '未启动' AND :q >= (SELECT rule_value FROM cfg_mart_rule WHERE rule_key = 'task.not_started_alert_quarter'),
       IF(x.status <> '已完成' AND x.elapsed > x.effective_percent, x.elapsed - x.effective_percent, NULL),
       (SELECT GROUP_CONCAT(d.name_zh ORDER BY b.position SEPARATOR '、') FROM bridge_task_department b
          JOIN dim_department d ON d.department_key = b.department_key WHERE b.task_key = x.task_key),
       (SELECT d.name_zh FROM bridge_task_department b JOIN dim_department d ON d.department_key = b.department_key
          WHERE b.task_key = x.task_key ORDER BY b.position LIMIT 1),
       x.problems_text, x.submission_id, :now
FROM timed x
LEFT JOIN current_rows prev ON prev.period_key = :prev AND prev.task_key = x.task_key AND prev.region_code = x.region_code;

-- name: refresh.deleteProjects
DELETE FROM mart_project_progress WHERE period_key = :p;

-- Projects per reporting unit (each unit reports the investment made in its jurisdiction).
-- Cumulative = for each earlier year the year-to-date figure of its last reported quarter, plus this
-- year to date, counted from cumulative_from_year. Stalled = no investment this quarter and last, and
-- the same milestone. Lagging = year to date below the annual plan's share of the year elapsed (q/4)
-- by more than project.lagging_tolerance_points.
-- name: refresh.projects
INSERT INTO mart_project_progress (period_key, period_code, project_key, project_code, project_name, category,
       unit_code, city_code, city_name, total_investment_yi, annual_plan_investment_yi, quarter_investment_yi,
       ytd_investment_yi, cumulative_investment_yi, cumulative_from_year, annual_completion, completion_ratio, milestone,
       milestone_last_quarter, is_stalled, is_lagging, submission_id, refreshed_at)
WITH current_rows AS (
  SELECT f.*, u.unit_code, u.region_code AS unit_region, dp.year
  FROM fact_project_progress f
  JOIN ops_submission s ON s.submission_id = f.submission_id AND s.is_current
  JOIN dim_reporting_unit u ON u.unit_key = s.unit_key
  JOIN dim_period dp ON dp.period_key = f.period_key
  WHERE f.period_key <= :p
), earlier_years AS (
  SELECT c.project_key, c.unit_code, SUM(c.ytd_investment_yi) AS total, MIN(c.year) AS first_year
  FROM current_rows c
  WHERE c.year < :year AND c.period_key = (SELECT MAX(c2.period_key) FROM current_rows c2
                                           WHERE c2.project_key = c.project_key AND c2.unit_code = c.unit_code AND c2.year = c.year)
  GROUP BY c.project_key, c.unit_code
)
SELECT :p, :periodCode, pr.project_key, pr.project_code, pr.name_zh, pr.category, c.unit_code,
       COALESCE(r.city_code, '140000'), COALESCE(city.name_zh, r.name_zh),
       c.total_investment_yi, c.annual_plan_investment_yi, c.quarter_investment_yi, c.ytd_investment_yi,
       COALESCE(e.total, 0) + COALESCE(c.ytd_investment_yi, 0), COALESCE(e.first_year, :year),
       c.ytd_investment_yi / NULLIF(c.annual_plan_investment_yi, 0),
       (COALESCE(e.total, 0) + COALESCE(c.ytd_investment_yi, 0)) / NULLIF(c.total_investment_yi, 0),
       c.milestone, prev.milestone,
       prev.project_key IS NOT NULL AND COALESCE(c.quarter_investment_yi, 0) = 0
         AND COALESCE(prev.quarter_investment_yi, 0) = 0 AND c.milestone <=> prev.milestone,
       COALESCE(100 * c.ytd_investment_yi / NULLIF(c.annual_plan_investment_yi, 0)
                < 100 * :q / 4 - (SELECT rule_value FROM cfg_mart_rule WHERE rule_key = 'project.lagging_tolerance_points'), FALSE),
       c.submission_id, :now
FROM current_rows c
JOIN dim_project pr ON pr.project_key = c.project_key
JOIN dim_region r ON r.region_code = c.unit_region AND r.is_current
LEFT JOIN dim_region city ON city.region_code = r.city_code AND city.is_current
LEFT JOIN earlier_years e ON e.project_key = c.project_key AND e.unit_code = c.unit_code
LEFT JOIN current_rows prev ON prev.period_key = :prev AND prev.project_key = c.project_key AND prev.unit_code = c.unit_code
WHERE c.period_key = :p;

-- name: refresh.deleteCompleteness
DELETE FROM mart_submission_completeness WHERE period_key = :p;

-- Completeness (DHIS2's reporting rate): every unit is expected every calendar quarter. On time =
-- the first accepted file was received by the unit's deadline (int_unit_deadline: the reporting calendar's rule).
-- Duplicates and unidentified files do not count as received.
-- name: refresh.completeness
INSERT INTO mart_submission_completeness (period_key, period_code, unit_key, unit_code, unit_name, city_code, deadline,
       expected, received, accepted, on_time, late, missing, rejected_count, rejected_then_fixed, versions,
       first_received_at, first_accepted_received_at, days_late, status_zh, refreshed_at)
WITH files AS (
  SELECT unit_key, COUNT(*) AS received, SUM(status IN ('accepted', 'superseded')) AS versions,
         SUM(status = 'rejected') AS rejected, MIN(received_at) AS first_received,
         MIN(CASE WHEN status IN ('accepted', 'superseded') THEN received_at END) AS first_accepted,
         MIN(CASE WHEN status = 'rejected' THEN received_at END) AS first_rejected
  FROM ops_submission WHERE period_key = :p AND unit_key IS NOT NULL AND status IN ('accepted', 'superseded', 'rejected')
  GROUP BY unit_key
), units AS (
  SELECT u.unit_key, u.unit_code, u.name_zh, COALESCE(r.city_code, '140000') AS city_code,
         d.deadline
  FROM dim_reporting_unit u
  JOIN dim_region r ON r.region_code = u.region_code AND r.is_current
  JOIN int_unit_deadline d ON d.unit_key = u.unit_key AND d.period_key = :p AND d.in_calendar
)
SELECT :p, :periodCode, u.unit_key, u.unit_code, u.name_zh, u.city_code, u.deadline, TRUE,
       COALESCE(f.received, 0) > 0, COALESCE(f.versions, 0) > 0,
       f.first_accepted IS NOT NULL AND DATE(f.first_accepted) <= u.deadline,
       f.first_accepted IS NOT NULL AND DATE(f.first_accepted) > u.deadline,
       f.first_accepted IS NULL AND :today > u.deadline,
       COALESCE(f.rejected, 0), COALESCE(f.first_accepted > f.first_rejected, FALSE),
       COALESCE(f.versions, 0), f.first_received, f.first_accepted,
       CASE WHEN f.first_accepted IS NOT NULL AND DATE(f.first_accepted) > u.deadline THEN DATEDIFF(f.first_accepted, u.deadline)
            WHEN f.first_accepted IS NULL AND :today > u.deadline THEN DATEDIFF(:today, u.deadline) END,
       CASE WHEN f.first_accepted IS NOT NULL AND DATE(f.first_accepted) <= u.deadline THEN '按时报送'
            WHEN f.first_accepted IS NOT NULL THEN '逾期报送'
            WHEN COALESCE(f.rejected, 0) > 0 THEN '已退回'
            WHEN :today > u.deadline THEN '未报送'
            ELSE '未到期' END,
       :now
FROM units u LEFT JOIN files f ON f.unit_key = u.unit_key;

-- name: refresh.deleteQuality
DELETE FROM mart_data_quality_warning WHERE period_key = :p;

-- Outliers against the region's own history: the values of the same region and indicator in the
-- previous three years; robust z = (value - median) / (1.4826 x MAD), MAD floored at a share of
-- the median so a flat history does not flag every change.
-- name: refresh.qualityHistory
INSERT INTO mart_data_quality_warning (period_key, period_code, region_code, region_name, indicator_code, indicator_name,
       check_kind, value, median_value, mad_value, robust_z, compared_values, message_zh, submission_id, refreshed_at)
WITH hist AS (
  SELECT region_code, indicator_key, value,
         ROW_NUMBER() OVER (PARTITION BY region_code, indicator_key ORDER BY value) AS rn,
         COUNT(*) OVER (PARTITION BY region_code, indicator_key) AS n
  FROM int_indicator_value_current
  WHERE period_key BETWEEN :p - 30 AND :p - 1 AND value IS NOT NULL
), with_median AS (
  SELECT region_code, indicator_key, value, n,
         AVG(CASE WHEN rn IN (FLOOR((n + 1) / 2), CEIL((n + 1) / 2)) THEN value END)
           OVER (PARTITION BY region_code, indicator_key) AS median_value
  FROM hist
), deviations AS (
  SELECT region_code, indicator_key, n, median_value, ABS(value - median_value) AS d,
         ROW_NUMBER() OVER (PARTITION BY region_code, indicator_key ORDER BY ABS(value - median_value)) AS rn
  FROM with_median
), stats AS (
  SELECT region_code, indicator_key, MAX(n) AS n, MAX(median_value) AS median_value,
         AVG(CASE WHEN rn IN (FLOOR((n + 1) / 2), CEIL((n + 1) / 2)) THEN d END) AS mad_value
  FROM deviations GROUP BY region_code, indicator_key
), scored AS (
  SELECT c.region_code, c.indicator_key, c.value, c.submission_id, s.median_value, s.n, s.mad_value,
         (c.value - s.median_value) / (1.4826 * GREATEST(s.mad_value,
              (SELECT rule_value FROM cfg_mart_rule WHERE rule_key = 'quality.mad_floor_share') * ABS(s.median_value), 0.000001)) AS z
  FROM int_indicator_value_current c
  JOIN stats s ON s.region_code = c.region_code AND s.indicator_key = c.indicator_key
  WHERE c.period_key = :p AND c.value IS NOT NULL
    AND s.n >= (SELECT rule_value FROM cfg_mart_rule WHERE rule_key = 'quality.min_history')
)
SELECT :p, :periodCode, s.region_code, r.name_zh, i.indicator_code, i.name_zh, 'history', s.value, s.median_value, s.mad_value,
       ROUND(s.z, 2), s.n,
       CONCAT(r.name_zh, '“', i.name_zh, '”本期值', CAST(ROUND(s.value, 2) AS CHAR), '，明显', IF(s.z > 0, '高于', '低于'),
              '本地区近', s.n, '个季度的中位数', CAST(ROUND(s.median_value, 2) AS CHAR), '，请核实。'),
       s.submission_id, :now
FROM scored s
JOIN dim_region r ON r.region_code = s.region_code AND :periodEnd BETWEEN r.valid_from AND r.valid_to
JOIN dim_indicator i ON i.indicator_key = s.indicator_key
WHERE ABS(s.z) > (SELECT rule_value FROM cfg_mart_rule WHERE rule_key = 'quality.robust_z')
  -- A value derived from monitoring readings (V27) is no unit's typed figure to follow up: its readings
  -- were checked cell by cell on their own forms.
  AND s.submission_id IS NOT NULL;

-- Outliers against peer regions: same indicator, quarter and level (counties with counties, cities
-- with cities), only for indicators that are not sums (a total depends on the region's size).
-- name: refresh.qualityPeers
INSERT INTO mart_data_quality_warning (period_key, period_code, region_code, region_name, indicator_code, indicator_name,
       check_kind, value, median_value, mad_value, robust_z, compared_values, message_zh, submission_id, refreshed_at)
WITH cur AS (
  SELECT c.region_code, r.name_zh AS region_name, r.level, c.indicator_key, c.value, c.submission_id,
         ROW_NUMBER() OVER (PARTITION BY r.level, c.indicator_key ORDER BY c.value) AS rn,
         COUNT(*) OVER (PARTITION BY r.level, c.indicator_key) AS n
  FROM int_indicator_value_current c
  JOIN dim_region r ON r.region_code = c.region_code AND :periodEnd BETWEEN r.valid_from AND r.valid_to
  JOIN dim_indicator i ON i.indicator_key = c.indicator_key AND i.rollup <> 'sum'
  WHERE c.period_key = :p AND c.value IS NOT NULL AND r.level IN ('city', 'county')
), with_median AS (
  SELECT cur.*, AVG(CASE WHEN rn IN (FLOOR((n + 1) / 2), CEIL((n + 1) / 2)) THEN value END)
           OVER (PARTITION BY level, indicator_key) AS median_value
  FROM cur
), deviations AS (
  SELECT with_median.*,
         ROW_NUMBER() OVER (PARTITION BY level, indicator_key ORDER BY ABS(value - median_value)) AS drn
  FROM with_median
), scored AS (
  SELECT deviations.*,
         AVG(CASE WHEN drn IN (FLOOR((n + 1) / 2), CEIL((n + 1) / 2)) THEN ABS(value - median_value) END)
           OVER (PARTITION BY level, indicator_key) AS mad_value
  FROM deviations
), z AS (
  SELECT scored.*, (value - median_value) / (1.4826 * GREATEST(mad_value,
              (SELECT rule_value FROM cfg_mart_rule WHERE rule_key = 'quality.mad_floor_share') * ABS(median_value), 0.000001)) AS z
  FROM scored
  WHERE n >= (SELECT rule_value FROM cfg_mart_rule WHERE rule_key = 'quality.min_peers')
)
SELECT :p, :periodCode, s.region_code, s.region_name, i.indicator_code, i.name_zh, 'peers', s.value, s.median_value, s.mad_value,
       ROUND(s.z, 2), s.n,
       CONCAT(s.region_name, '“', i.name_zh, '”本期值', CAST(ROUND(s.value, 2) AS CHAR), '，明显', IF(s.z > 0, '高于', '低于'),
              '全省', s.n, '个同级地区的中位数', CAST(ROUND(s.median_value, 2) AS CHAR), '，请核实。'),
       s.submission_id, :now
FROM z s
JOIN dim_indicator i ON i.indicator_key = s.indicator_key
WHERE ABS(s.z) > (SELECT rule_value FROM cfg_mart_rule WHERE rule_key = 'quality.robust_z')
  AND s.submission_id IS NOT NULL; -- as for the history check: derived values are peers, not warnings

-- name: refresh.log
INSERT INTO ops_mart_refresh (period_key, kind, trigger_zh, indicator_rows, finished_at)
SELECT :p, :kind, :trigger, COUNT(*), :now FROM mart_indicator_progress WHERE period_key = :p;

-- ---------------------------------------------------------------------------------------------
-- Reading the marts (progress command, reports).
-- ---------------------------------------------------------------------------------------------

-- name: findArea
SELECT area_code AS scope_code, name_zh AS scope_name FROM dim_planning_area WHERE area_code = :key OR name_zh = :key;

-- name: findRegion
SELECT region_code AS scope_code, name_zh AS scope_name FROM dim_region WHERE is_current AND (region_code = :key OR name_zh = :key);

-- A user's word for a planning area or region, when it is no code or full name: names containing it.
-- name: findAreaLike
SELECT area_code AS scope_code, name_zh AS scope_name FROM dim_planning_area
WHERE name_zh LIKE CONCAT('%', :key, '%') ORDER BY sort_order;

-- name: findRegionLike
SELECT region_code AS scope_code, name_zh AS scope_name FROM dim_region
WHERE is_current AND name_zh LIKE CONCAT('%', :key, '%') ORDER BY region_code;

-- name: regionCity
SELECT c.name_zh FROM dim_region r LEFT JOIN dim_region c ON c.region_code = r.city_code AND c.is_current AND c.region_code <> r.region_code
WHERE r.is_current AND r.region_code = :code;

-- name: progressRows
SELECT m.*, i.direction
FROM mart_indicator_progress m JOIN dim_indicator i ON i.indicator_key = m.indicator_key
WHERE m.period_code = :periodCode AND m.scope_type = :scopeType AND m.scope_code = :scopeCode
  AND (:indicator IS NULL OR m.indicator_code = :indicator)
  AND (:status IS NULL OR m.status_zh = :status)
ORDER BY m.plan_code, m.indicator_key;

-- name: lastRefresh
SELECT MAX(finished_at) FROM ops_mart_refresh r JOIN dim_period p ON p.period_key = r.period_key WHERE p.period_code = :periodCode;

-- name: completenessBoard
SELECT c.unit_code, c.unit_name, c.deadline, c.status_zh, c.first_accepted_received_at, c.days_late, c.rejected_count, c.versions
FROM mart_submission_completeness c JOIN dim_period p ON p.period_key = c.period_key
WHERE p.period_code = :period ORDER BY c.unit_code;

-- name: provinceRate
SELECT r.* FROM mart_completeness_rate r WHERE r.period_code = :period AND r.scope = 'province';

-- name: areas
SELECT area_code, name_zh FROM dim_planning_area ORDER BY sort_order;

-- name: progressPeriods
SELECT DISTINCT period_code FROM mart_indicator_progress WHERE value IS NOT NULL ORDER BY period_code DESC;
