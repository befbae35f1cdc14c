-- Statements of the delivery feature: the mail queue (ops_delivery_log) and the figures mails quote.

-- A message is queued once: the unique key (kind, schedule, period, recipient, dedupe key) makes a
-- second enqueue of the same message a no-op, whichever instance or retry does it.
-- name: enqueue
INSERT IGNORE INTO ops_delivery_log (kind, schedule_name, period_code, dedupe_key, recipient_email, recipient_name, subject, body,
       attachments, attachment_sha256, status, attempts, next_attempt_at, created_at)
VALUES (:kind, :schedule, :period, :dedupe, :email, :name, :subject, :body, :attachments, :checksums, 'pending', 0, :now, :now);

-- Due: pending and due, or claimed by an instance that has not finished for longer than the claim timeout.
-- name: due
SELECT delivery_id FROM ops_delivery_log
WHERE (status = 'pending' AND next_attempt_at <= :now) OR (status = 'sending' AND claimed_at < :staleBefore)
ORDER BY delivery_id;

-- name: claim
UPDATE ops_delivery_log SET status = 'sending', claimed_by = :instance, claimed_at = :now, attempts = attempts + 1
WHERE delivery_id = :id AND ((status = 'pending' AND next_attempt_at <= :now) OR (status = 'sending' AND claimed_at < :staleBefore));

-- name: message
SELECT * FROM ops_delivery_log WHERE delivery_id = :id;

-- name: markSent
UPDATE ops_delivery_log SET status = 'sent', sent_at = :now, last_error = NULL WHERE delivery_id = :id AND claimed_by = :instance;

-- name: markFailed
UPDATE ops_delivery_log SET status = 'pending', next_attempt_at = :next, last_error = :error, claimed_by = NULL
WHERE delivery_id = :id AND claimed_by = :instance;

-- name: recent
SELECT delivery_id, kind, schedule_name, period_code, recipient_email, subject, status, attempts, last_error, created_at, sent_at
FROM ops_delivery_log ORDER BY delivery_id DESC LIMIT :limit;

-- name: statusSummary
SELECT m.scope_name, COALESCE(SUM(m.status_zh = '滞后'), 0) AS lagging, COALESCE(SUM(m.status_zh = '严重滞后'), 0) AS serious,
       COALESCE(SUM(m.status_zh IN ('达标', '正常推进', '滞后', '严重滞后')), 0) AS scored
FROM mart_indicator_progress m
WHERE m.period_code = :period AND m.scope_code = :scope
GROUP BY m.scope_name;

-- name: rateSummary
SELECT reporting_rate, on_time_rate, expected, accepted FROM mart_completeness_rate WHERE period_code = :period AND scope = 'province';

-- name: regionName
SELECT name_zh FROM dim_region WHERE region_code = :code AND is_current;

-- Unit contacts kept in the warehouse (added in the portal), as recipients of the unit-contacts group.
-- name: unitContacts
SELECT c.name, c.email, c.unit_code FROM cfg_unit_contact c ORDER BY c.unit_code, c.email;

-- name: contactInsert
INSERT IGNORE INTO cfg_unit_contact (unit_code, name, email, created_by) VALUES (:unit, :name, :email, :by);

-- name: contactDelete
DELETE FROM cfg_unit_contact WHERE contact_id = :id;

-- name: contactList
SELECT c.contact_id, c.unit_code, u.name_zh AS unit_name, c.name, c.email, c.created_by, c.created_at
FROM cfg_unit_contact c JOIN dim_reporting_unit u ON u.unit_code = c.unit_code ORDER BY c.unit_code, c.email;

-- The queue as monitoring sees it (DeliveryMeters): messages not yet sent, and when the oldest was queued.
-- name: queueState
SELECT COUNT(*) AS depth, MIN(created_at) AS oldest FROM ops_delivery_log WHERE status IN ('pending', 'sending');
