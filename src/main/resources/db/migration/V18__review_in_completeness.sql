-- 审核率 beside 报送率 and 及时率 (issue 14). Views, not mart columns: a review action changes no facts
-- and refreshes no marts, so the approval is read live from int_review_state (V17) over the mart rows.

-- Grain: quarter x reporting unit, as mart_submission_completeness, with the unit's review state.
CREATE VIEW mart_submission_review AS
SELECT c.period_key, c.period_code, c.unit_key, c.unit_code, c.unit_name, c.city_code, c.expected, c.accepted,
       COALESCE(st.state, 'unsubmitted') AS review_state,
       COALESCE(st.state_zh, '未报送') AS review_state_zh,
       COALESCE(st.state = 'province_approved', FALSE) AS approved,
       st.version AS reviewed_version, st.since AS review_since
FROM mart_submission_completeness c
LEFT JOIN int_review_state st ON st.unit_key = c.unit_key AND st.period_key = c.period_key;

-- The rates per city and for the province, now with approved units and 审核率 (approved / expected),
-- each recomputed from its parts. The columns before `approved` are those of V12, in the same order.
CREATE OR REPLACE VIEW mart_completeness_rate AS
SELECT c.period_key, c.period_code, 'city' AS scope, c.city_code,
       SUM(c.expected) AS expected, SUM(c.accepted) AS accepted, SUM(c.on_time) AS on_time, SUM(c.late) AS late,
       SUM(c.missing) AS missing, SUM(c.rejected_then_fixed) AS rejected_then_fixed,
       SUM(c.accepted) / NULLIF(SUM(c.expected), 0) AS reporting_rate, SUM(c.on_time) / NULLIF(SUM(c.expected), 0) AS on_time_rate,
       SUM(r.approved) AS approved, SUM(r.approved) / NULLIF(SUM(c.expected), 0) AS approval_rate
FROM mart_submission_completeness c
JOIN mart_submission_review r ON r.period_key = c.period_key AND r.unit_key = c.unit_key
GROUP BY c.period_key, c.period_code, c.city_code
UNION ALL
SELECT c.period_key, c.period_code, 'province', '140000',
       SUM(c.expected), SUM(c.accepted), SUM(c.on_time), SUM(c.late), SUM(c.missing), SUM(c.rejected_then_fixed),
       SUM(c.accepted) / NULLIF(SUM(c.expected), 0), SUM(c.on_time) / NULLIF(SUM(c.expected), 0),
       SUM(r.approved), SUM(r.approved) / NULLIF(SUM(c.expected), 0)
FROM mart_submission_completeness c
JOIN mart_submission_review r ON r.period_key = c.period_key AND r.unit_key = c.unit_key
GROUP BY c.period_key, c.period_code;
