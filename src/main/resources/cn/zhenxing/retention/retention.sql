-- name: submissions
-- Every submission with the files it points to; decided_at falls back to received_at for undecided ones.
SELECT submission_id, status, file_sha256, stored_path, feedback_path, COALESCE(decided_at, received_at) AS decided_at
FROM ops_submission;

-- name: prunedInsert
INSERT INTO ops_file_pruned (path, file_sha256, file_size, reason, submission_id, pruned_at, pruned_by)
VALUES (?, ?, ?, ?, ?, ?, ?);
