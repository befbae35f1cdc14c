-- Statements of the security feature: the append-only audit log ops_security_event (V39).

-- name: insert
INSERT INTO ops_security_event (occurred_at, username, role, address, action, target, outcome, detail)
VALUES (:at, :username, :role, :address, :action, :target, :outcome, :detail);

-- Every filter is optional (NULL = any); newest first, at most :limit rows.
-- name: search
SELECT event_id, occurred_at, username, role, address, action, target, outcome, detail FROM ops_security_event
WHERE (:username IS NULL OR username = :username)
  AND (:action IS NULL OR action = :action)
  AND (:outcome IS NULL OR outcome = :outcome)
  AND (:fromTime IS NULL OR occurred_at >= :fromTime)
  AND (:toTime IS NULL OR occurred_at < :toTime)
  AND (:text IS NULL OR target LIKE :text OR detail LIKE :text OR address LIKE :text)
ORDER BY occurred_at DESC, event_id DESC LIMIT :limit;

-- The trigger refuses entries younger than 180 days whatever :before says.
-- name: prune
DELETE FROM ops_security_event WHERE occurred_at < :before;
