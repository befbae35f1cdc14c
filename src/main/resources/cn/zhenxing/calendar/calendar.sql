-- Statements of the reporting calendar, the one owner of submission windows, deadlines, a unit's
-- exception, period locks and "which units are missing". The rule "an administrator's exception for
-- the unit, else the quarter's calendar row" is the view int_unit_deadline (migration V12); a
-- quarter without a calendar row falls back to the configured default (ReportingCalendar).

-- Calendar rows from configuration for every quarter since the first submission whose window has opened.
-- name: calendarInsert
INSERT INTO cfg_reporting_calendar (period_key, opens_on, deadline, source)
SELECT period_key, DATE_SUB(end_date, INTERVAL :opensDaysBefore DAY), DATE_ADD(end_date, INTERVAL :deadlineDaysAfter DAY), 'config'
FROM dim_period
WHERE period_type = 'Q' AND period_key >= (SELECT MIN(period_key) FROM ops_submission WHERE period_key IS NOT NULL)
  AND DATE_SUB(end_date, INTERVAL :opensDaysBefore DAY) <= :today
  AND period_key NOT IN (SELECT period_key FROM cfg_reporting_calendar);

-- name: knownQuarter
SELECT period_code FROM dim_period WHERE period_type = 'Q' AND period_code = :code;

-- name: quarterYears
SELECT MIN(year) AS first_year, MAX(year) AS last_year FROM dim_period WHERE period_type = 'Q';

-- name: lockReason
SELECT reason_zh FROM ops_period_lock WHERE period_key = :p;

-- A unit-quarter approved at province level in the review round (省级已审核) takes no more files.
-- name: unitReviewLocked
SELECT 1 FROM int_review_state st JOIN dim_reporting_unit u ON u.unit_key = st.unit_key
WHERE u.unit_code = :unit AND st.period_key = :p AND st.state = 'province_approved';

-- The quarter's own deadline (its calendar row), for the report date.
-- name: quarterDeadline
SELECT deadline FROM cfg_reporting_calendar WHERE period_key = :p;

-- name: unitDeadline
SELECT d.deadline FROM int_unit_deadline d WHERE d.unit_code = :unit AND d.period_key = :p;

-- Every unit with its deadline for the quarter, whether a file of it was accepted (any version) and
-- whether one was returned.
-- name: unitsOfQuarter
SELECT u.unit_code, u.name_zh, d.deadline,
       EXISTS (SELECT 1 FROM ops_submission s WHERE s.unit_key = u.unit_key AND s.period_key = :p
               AND s.status IN ('accepted', 'superseded')) AS accepted,
       EXISTS (SELECT 1 FROM ops_submission s WHERE s.unit_key = u.unit_key AND s.period_key = :p AND s.status = 'rejected') AS rejected
FROM dim_reporting_unit u LEFT JOIN int_unit_deadline d ON d.unit_key = u.unit_key AND d.period_key = :p
ORDER BY u.unit_code;

-- The unit's quarters: the calendar's quarters plus a recent one whose window has opened, newest first,
-- with its submissions' outcome, the quarter's lock, and the review round's state and latest 审核意见 (V17).
-- name: unitQuarters
SELECT p.period_code, p.label_zh, d.deadline,
       (SELECT MAX(s.version) FROM ops_submission s WHERE s.unit_key = u.unit_key AND s.period_key = p.period_key AND s.is_current) AS current_version,
       (SELECT COUNT(*) FROM ops_submission s WHERE s.unit_key = u.unit_key AND s.period_key = p.period_key AND s.status = 'rejected') AS rejected,
       (SELECT reason_zh FROM ops_period_lock l WHERE l.period_key = p.period_key) AS locked_reason,
       (SELECT st.state_zh FROM int_review_state st WHERE st.unit_key = u.unit_key AND st.period_key = p.period_key) AS review_state_zh,
       (SELECT e.reason_zh FROM ops_review_event e WHERE e.unit_key = u.unit_key AND e.period_key = p.period_key AND e.reason_zh IS NOT NULL
        ORDER BY e.event_id DESC LIMIT 1) AS review_reason_zh
FROM dim_period p
JOIN dim_reporting_unit u ON u.unit_code = :unit
LEFT JOIN int_unit_deadline d ON d.period_key = p.period_key AND d.unit_key = u.unit_key
WHERE p.period_type = 'Q' AND p.start_date <= :today
  AND (d.deadline IS NOT NULL
       OR (DATE_SUB(p.end_date, INTERVAL :opensDays DAY) <= :today AND p.end_date >= DATE_SUB(:today, INTERVAL 400 DAY)))
ORDER BY p.period_key DESC
LIMIT 8;

-- name: calendarQuarters
SELECT p.period_code, p.label_zh, c.deadline, (SELECT reason_zh FROM ops_period_lock l WHERE l.period_key = p.period_key) AS locked_reason
FROM cfg_reporting_calendar c JOIN dim_period p ON p.period_key = c.period_key ORDER BY p.period_key DESC;

-- name: lock
INSERT INTO ops_period_lock (period_key, reason_zh) SELECT period_key, :reason FROM dim_period WHERE period_key = :p AND period_type = 'Q'
ON DUPLICATE KEY UPDATE reason_zh = VALUES(reason_zh);

-- name: unlock
DELETE FROM ops_period_lock WHERE period_key = :p;

-- name: exception
INSERT INTO cfg_reporting_exception (unit_key, period_key, deadline, reason_zh, granted_by)
SELECT u.unit_key, p.period_key, :deadline, :reason, :by FROM dim_reporting_unit u, dim_period p
WHERE u.unit_code = :unit AND p.period_key = :p AND p.period_type = 'Q'
ON DUPLICATE KEY UPDATE deadline = VALUES(deadline), reason_zh = VALUES(reason_zh), granted_by = VALUES(granted_by);

-- name: unitExists
SELECT unit_code FROM dim_reporting_unit WHERE unit_code = :unit;
