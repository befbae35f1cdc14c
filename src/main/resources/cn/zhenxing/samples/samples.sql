-- Statements of the sample data generator.

-- Province-scope baseline and target of each indicator, to make sample values plausible.
-- name: sampleTargets
SELECT i.indicator_code, i.rollup, t.baseline_value, t.target_value, t.baseline_year, t.target_year
FROM dim_indicator i LEFT JOIN fact_indicator_target t ON t.indicator_key = i.indicator_key AND t.scope_code = '140000';
