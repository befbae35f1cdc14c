-- Statements of the mail intake feature: the claim table ops_mail_intake (V33).

-- A claim is one row per mail x attachment; the unique key makes a second insert a no-op, whichever
-- instance or poll tries it.
-- name: claim
INSERT IGNORE INTO ops_mail_intake (message_key, attachment_sha256, message_id, sender, subject, file_name, status,
       prior_submission_id, claimed_by, claimed_at)
VALUES (:key, :sha, :messageId, :sender, :subject, :fileName, 'claimed', :prior, :instance, :now);

-- name: row
SELECT intake_id, status, prior_submission_id, claimed_by FROM ops_mail_intake WHERE message_key = :key AND attachment_sha256 = :sha;

-- A claim left by an instance that died (claimed longer ago than the claim timeout) is taken over.
-- name: takeOver
UPDATE ops_mail_intake SET claimed_by = :instance, claimed_at = :now
WHERE intake_id = :id AND status = 'claimed' AND claimed_at < :staleBefore;

-- name: done
UPDATE ops_mail_intake SET status = 'done', outcome = :outcome, submission_id = :submission, decided_at = :now
WHERE intake_id = :id AND claimed_by = :instance;

-- The ingest failed without deciding (a system failure): the next poll tries the attachment again.
-- name: release
DELETE FROM ops_mail_intake WHERE intake_id = :id AND claimed_by = :instance AND status = 'claimed';

-- name: byMessage
SELECT attachment_sha256, file_name, status, outcome, submission_id, sender FROM ops_mail_intake WHERE message_id = :messageId ORDER BY intake_id;
