-- Received files removed under the retention policy (zhenxing.retention.*, `files prune`): one row per
-- file, appended when it is deleted, never changed. The submission rows themselves are never deleted.
CREATE TABLE ops_file_pruned (
  pruned_id      BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  path           VARCHAR(1000) NOT NULL,
  file_sha256    CHAR(64)      NOT NULL,
  file_size      BIGINT        NOT NULL,
  reason         VARCHAR(20)   NOT NULL COMMENT 'rejected | duplicate',
  submission_id  BIGINT        NULL COMMENT 'the rejected submission the file belonged to, or the accepted one it duplicated',
  pruned_at      DATETIME(3)   NOT NULL,
  pruned_by      VARCHAR(100)  NOT NULL COMMENT 'cli user or schedule name',
  INDEX ix_fp_submission (submission_id)
) COMMENT 'ops: received files deleted by the retention policy';
