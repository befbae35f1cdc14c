-- Statements of the sample data generator.

-- Each indicator's catalog attributes and the target the samples follow: the province's, else the
-- first other region or area scope (YR-01 area totals, YU23 盂县 rows), so a region's share of it
-- can be taken.
-- name: sampleTargets
SELECT indicator_code, unit, form_unit, rollup, basis, frequency, value_kind, direction, ratio_factor,
       numerator_name_zh, denominator_name_zh, target_kind, baseline_value, target_value, growth_value,
       baseline_year, target_year, scope_type, scope_code
FROM (SELECT i.*, t.target_kind, t.baseline_value, t.target_value, t.growth_value, t.baseline_year,
             IF(t.target_year = 0, NULL, t.target_year) AS target_year, t.scope_type, t.scope_code,
             ROW_NUMBER() OVER (PARTITION BY i.indicator_key
                                ORDER BY t.scope_code = '140000' DESC, t.scope_type = 'other', t.target_year) AS pick
      FROM dim_indicator i LEFT JOIN fact_indicator_target t ON t.indicator_key = i.indicator_key) x
WHERE pick = 1;

-- Resident population per county of the latest year (not after the period's) in which every current
-- county has a row, with its city: the counties' shares (ref_region_population).
-- name: samplePopulation
SELECT p.region_code, r.city_code, p.population_wan
FROM ref_region_population p JOIN dim_region r ON r.region_code = p.region_code AND r.is_current AND r.level = 'county'
WHERE p.year = (SELECT COALESCE(MAX(CASE WHEN year <= ? THEN year END), MIN(year)) FROM (
                  SELECT p2.year FROM ref_region_population p2
                  JOIN dim_region r2 ON r2.region_code = p2.region_code AND r2.is_current AND r2.level = 'county'
                  GROUP BY p2.year
                  HAVING COUNT(*) = (SELECT COUNT(*) FROM dim_region WHERE is_current AND level = 'county')) y);

-- name: sampleAreaMembers
SELECT a.area_code, b.region_code FROM bridge_area_region b JOIN dim_planning_area a ON a.area_key = b.area_key WHERE b.is_current;

-- The yearly average yuan per US dollar of the latest year not after the given one.
-- name: sampleUsdRate
SELECT cny_per_unit FROM ref_exchange_rate WHERE currency = 'USD' ORDER BY year > ?, ABS(year - ?) LIMIT 1;
