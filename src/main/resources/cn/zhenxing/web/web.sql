-- Statements of the web portal: accounts and what each page shows.

-- name: userByName
SELECT * FROM portal_user WHERE username = :username;

-- name: userInsert
INSERT INTO portal_user (username, password_hash, display_name, email, role, unit_code, region_code)
VALUES (:username, :hash, :name, :email, :role, :unit, :region);

-- name: users
SELECT u.user_id, u.username, u.display_name, u.email, u.role, u.unit_code, ru.name_zh AS unit_name, u.region_code, u.enabled, u.created_at
FROM portal_user u LEFT JOIN dim_reporting_unit ru ON ru.unit_code = u.unit_code ORDER BY u.role, u.username;

-- name: adminCount
SELECT COUNT(*) FROM portal_user WHERE role = 'ADMIN' AND enabled;

-- name: unit
SELECT unit_code, name_zh FROM dim_reporting_unit WHERE unit_code = :unit;

-- The unit's quarters: the calendar's quarters plus a recent one whose window has opened, newest first, with the
-- unit's deadline (an exception wins) and its submissions' outcome.
-- name: unitPeriods
SELECT p.period_code, p.label_zh, p.end_date,
       COALESCE(ex.deadline, c.deadline, DATE_ADD(p.end_date, INTERVAL :deadlineDays DAY)) AS deadline,
       DATE_SUB(p.end_date, INTERVAL :opensDays DAY) AS opens_on,
       (SELECT MAX(s.version) FROM fact_submission s WHERE s.unit_key = u.unit_key AND s.period_key = p.period_key AND s.is_current) AS current_version,
       (SELECT COUNT(*) FROM fact_submission s WHERE s.unit_key = u.unit_key AND s.period_key = p.period_key AND s.status = 'rejected') AS rejected,
       (SELECT reason_zh FROM period_lock l WHERE l.period_key = p.period_key) AS locked_reason
FROM dim_period p
JOIN dim_reporting_unit u ON u.unit_code = :unit
LEFT JOIN reporting_calendar c ON c.period_key = p.period_key
LEFT JOIN reporting_exception ex ON ex.period_key = p.period_key AND ex.unit_key = u.unit_key
WHERE p.period_type = 'Q' AND p.start_date <= :today
  AND (c.period_key IS NOT NULL
       OR (DATE_SUB(p.end_date, INTERVAL :opensDays DAY) <= :today AND p.end_date >= DATE_SUB(:today, INTERVAL 400 DAY)))
ORDER BY p.period_key DESC
LIMIT 8;

-- name: unitHistory
SELECT s.submission_id, p.period_code, s.version, s.status, s.file_name, s.submitted_by, s.received_at, s.error_count,
       s.warning_count, s.is_late, s.feedback_path IS NOT NULL AS has_feedback
FROM fact_submission s JOIN dim_period p ON p.period_key = s.period_key
JOIN dim_reporting_unit u ON u.unit_key = s.unit_key
WHERE u.unit_code = :unit AND s.status <> 'duplicate'
ORDER BY s.submission_id DESC LIMIT 50;

-- name: submissionOwner
SELECT s.submission_id, u.unit_code, s.feedback_path, s.file_name, s.status
FROM fact_submission s LEFT JOIN dim_reporting_unit u ON u.unit_key = s.unit_key WHERE s.submission_id = :id;

-- name: completenessBoard
SELECT c.unit_code, c.unit_name, c.deadline, c.status_zh, c.first_accepted_received_at, c.days_late, c.rejected_count, c.versions
FROM mart_submission_completeness c JOIN dim_period p ON p.period_key = c.period_key
WHERE p.period_code = :period ORDER BY c.unit_code;

-- name: provinceRate
SELECT r.* FROM mart_completeness_rate r WHERE r.period_code = :period AND r.scope = 'province';

-- name: calendarPeriods
SELECT p.period_code, p.label_zh, c.deadline, (SELECT reason_zh FROM period_lock l WHERE l.period_key = p.period_key) AS locked_reason
FROM reporting_calendar c JOIN dim_period p ON p.period_key = c.period_key ORDER BY p.period_key DESC;

-- name: lock
INSERT INTO period_lock (period_key, reason_zh) SELECT period_key, :reason FROM dim_period WHERE period_code = :period AND period_type = 'Q'
ON DUPLICATE KEY UPDATE reason_zh = VALUES(reason_zh);

-- name: unlock
DELETE FROM period_lock WHERE period_key = (SELECT period_key FROM dim_period WHERE period_code = :period AND period_type = 'Q');

-- name: exception
INSERT INTO reporting_exception (unit_key, period_key, deadline, reason_zh, granted_by)
SELECT u.unit_key, p.period_key, :deadline, :reason, :by FROM dim_reporting_unit u, dim_period p
WHERE u.unit_code = :unit AND p.period_code = :period AND p.period_type = 'Q'
ON DUPLICATE KEY UPDATE deadline = VALUES(deadline), reason_zh = VALUES(reason_zh), granted_by = VALUES(granted_by);

-- name: units
SELECT unit_code, name_zh FROM dim_reporting_unit ORDER BY unit_code;

-- name: areas
SELECT area_code, name_zh FROM dim_planning_area ORDER BY sort_order;

-- name: progressPeriods
SELECT DISTINCT period_code FROM mart_indicator_progress WHERE value IS NOT NULL ORDER BY period_code DESC;
