-- Mail intake (cn.zhenxing.mailin): one claim row per received mail x attachment, so that a message is
-- processed once across restarts and across several `serve` instances polling the same mailbox. An
-- instance first inserts the row (unique key), then ingests, replies and marks it done; a row left
-- 'claimed' by an instance that died is taken over after zhenxing.mail-intake.claim-timeout.
CREATE TABLE ops_mail_intake (
  intake_id          BIGINT AUTO_INCREMENT PRIMARY KEY,
  message_key        CHAR(64)      NOT NULL COMMENT 'SHA-256 of the Message-ID header (of the headers when it has none)',
  attachment_sha256  VARCHAR(64)   NOT NULL COMMENT 'SHA-256 of the attachment; "mail" for the answer to the mail as a whole (unknown sender, no or refused attachments)',
  message_id         VARCHAR(998)  NOT NULL COMMENT 'the Message-ID header as received',
  sender             VARCHAR(320)  NOT NULL COMMENT 'address of From',
  subject            VARCHAR(500)  NULL,
  file_name          VARCHAR(255)  NULL COMMENT 'attachment name as the sender gave it (decoded)',
  status             VARCHAR(8)    NOT NULL COMMENT 'claimed | done',
  outcome            VARCHAR(20)   NULL COMMENT 'accepted | rejected | duplicate | refused (mail-level) | failed (retried next poll)',
  submission_id      BIGINT        NULL COMMENT 'the ops_submission the attachment became (or the earlier one it duplicates)',
  prior_submission_id BIGINT       NULL COMMENT 'latest decided submission of the same bytes when claimed: a later one was made by this claim',
  claimed_by         VARCHAR(100)  NOT NULL,
  claimed_at         DATETIME(3)   NOT NULL,
  decided_at         DATETIME(3)   NULL,
  CONSTRAINT uk_mail_intake_once UNIQUE (message_key, attachment_sha256),
  INDEX ix_mail_intake_submission (submission_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci
  COMMENT='Grain: one row per received mail x attachment (plus one per mail answered as a whole).';
