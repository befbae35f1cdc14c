-- Statements of the review round (逐级审核). ops_review_event is append-only: this file only inserts
-- into it and reads it (ReviewServiceTest holds that no statement here updates or deletes it). The
-- state of a unit's quarter is the view int_review_state (migration V17).

-- Every reporting unit with what its chain of reviewers is made of: the 发改委 unit of a county's city
-- (from the county's region) and the province's unit.
-- name: chains
SELECT u.unit_code, u.name_zh, u.unit_kind, r.city_code,
       c.unit_code AS city_unit_code, c.name_zh AS city_unit_name,
       p.unit_code AS province_unit_code, p.name_zh AS province_unit_name
FROM dim_reporting_unit u
LEFT JOIN dim_region r ON r.region_code = u.region_code AND r.is_current
LEFT JOIN dim_reporting_unit c ON u.unit_kind = 'county' AND c.unit_kind = 'city' AND c.region_code = r.city_code
LEFT JOIN dim_reporting_unit p ON p.unit_kind = 'province'
ORDER BY u.unit_code;

-- The unit's current accepted version of the quarter, locked until the action is recorded, so two
-- reviewers (or a reviewer and ingest publishing a new version) act one after the other.
-- name: currentForUpdate
SELECT s.submission_id, s.version, s.unit_key, s.period_key
FROM ops_submission s JOIN dim_reporting_unit u ON u.unit_key = s.unit_key
WHERE u.unit_code = :unit AND s.period_key = :p AND s.is_current
FOR UPDATE;

-- Quarters with a version waiting for a review level, oldest first (the reviewers' reminder).
-- name: quartersAwaitingReview
SELECT DISTINCT period_key FROM int_review_state WHERE state IN ('submitted', 'city_approved') ORDER BY period_key;

-- name: stateOfSubmission
SELECT state FROM int_review_state WHERE submission_id = :id;

-- name: eventInsert
INSERT INTO ops_review_event (submission_id, unit_key, period_key, version, action, review_level, from_state, to_state, reason_zh,
                              actor_username, actor_name, actor_role, actor_unit_code, created_at)
VALUES (:submission, :unit, :p, :version, :action, :level, :from, :to, :reason, :username, :name, :role, :actorUnit, :at);

-- Every unit's state in the quarter, with its current version, since when, and the latest 审核意见
-- given on any of its versions of the quarter.
-- name: quarterStates
SELECT u.unit_code, u.name_zh AS unit_name, COALESCE(st.state, 'unsubmitted') AS state, st.state_zh, st.version, st.submission_id, st.since,
       (SELECT e.reason_zh FROM ops_review_event e WHERE e.unit_key = u.unit_key AND e.period_key = :p AND e.reason_zh IS NOT NULL
        ORDER BY e.event_id DESC LIMIT 1) AS last_reason
FROM dim_reporting_unit u
LEFT JOIN int_review_state st ON st.unit_key = u.unit_key AND st.period_key = :p
ORDER BY u.unit_code;

-- name: eventsOfUnitQuarter
SELECT e.event_id, e.submission_id, e.version, e.action, e.review_level, e.from_state, e.to_state, e.reason_zh, e.actor_username,
       e.actor_name, e.actor_role, e.actor_unit_code, e.created_at
FROM ops_review_event e JOIN dim_reporting_unit u ON u.unit_key = e.unit_key
WHERE u.unit_code = :unit AND e.period_key = :p
ORDER BY e.event_id;

-- name: eventsOfSubmission
SELECT e.event_id, e.submission_id, e.version, e.action, e.review_level, e.from_state, e.to_state, e.reason_zh, e.actor_username,
       e.actor_name, e.actor_role, e.actor_unit_code, e.created_at
FROM ops_review_event e
WHERE e.submission_id = :id
ORDER BY e.event_id;

-- The unit's files of the quarter, newest first (the reviewer's version history).
-- name: versions
SELECT s.submission_id, s.version, s.status, s.is_current, s.file_name, s.filler, s.received_at, s.decided_at, s.is_late,
       s.error_count, s.warning_count
FROM ops_submission s JOIN dim_reporting_unit u ON u.unit_key = s.unit_key
WHERE u.unit_code = :unit AND s.period_key = :p
ORDER BY s.submission_id DESC;

-- A version's 表1 values against last year: the 上年同期值 the unit typed and the same quarter's current
-- value in the warehouse a year earlier, with the 说明 the unit wrote in 备注, and the outlier warnings
-- of the data-quality mart (against the region's own history and its peers; thresholds in cfg_mart_rule).
-- name: valuesAgainstLastYear
SELECT r.region_code, r.name_zh AS region_name, r.level AS region_level, i.indicator_code, i.name_zh AS indicator_name, i.unit,
       f.value, f.prior_year_value, ly.value AS last_year_value,
       (f.value - COALESCE(ly.value, f.prior_year_value)) / NULLIF(ABS(COALESCE(ly.value, f.prior_year_value)), 0) * 100 AS change_pct,
       sv.note,
       (SELECT GROUP_CONCAT(w.message_zh ORDER BY w.check_kind SEPARATOR ' ') FROM mart_data_quality_warning w
        WHERE w.period_key = f.period_key AND w.region_code = r.region_code AND w.indicator_code = i.indicator_code) AS quality_note
FROM fact_indicator_value f
JOIN dim_region r ON r.region_key = f.region_key
JOIN dim_indicator i ON i.indicator_key = f.indicator_key
LEFT JOIN int_indicator_value_current ly ON ly.period_key = f.period_key - 10 AND ly.region_code = r.region_code
     AND ly.indicator_key = f.indicator_key
LEFT JOIN stg_indicator_value sv ON sv.submission_id = f.submission_id AND sv.region_code = r.region_code
     AND sv.indicator_code = i.indicator_code
WHERE f.submission_id = :id
ORDER BY sv.note IS NULL, r.region_code, i.indicator_code;

-- The same quarter's values of the same indicators in the sibling regions of each of the version's
-- regions (the other counties of a county's city; the other cities of a city), as the marts hold them
-- (a city's own value or its counties' roll-up), in the form's unit. The province has no siblings.
-- name: siblingValues
SELECT r.region_code, i.indicator_code, m.scope_code AS sibling_code, COALESCE(m.value_form_unit, m.value) AS value
FROM fact_indicator_value f
JOIN dim_region r ON r.region_key = f.region_key
JOIN dim_indicator i ON i.indicator_key = f.indicator_key
JOIN mart_indicator_progress m ON m.period_key = f.period_key AND m.scope_type = 'region' AND m.indicator_key = f.indicator_key
  AND m.scope_level = r.level AND m.scope_code <> r.region_code AND (r.level <> 'county' OR m.city_code = r.city_code)
WHERE f.submission_id = :id AND r.level IN ('county', 'city') AND m.value IS NOT NULL;
