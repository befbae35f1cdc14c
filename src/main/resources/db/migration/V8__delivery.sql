-- Delivery of mail: every message is a row before it is sent, so a restart, a re-fired trigger or a
-- second instance never sends the same thing twice, and an SMTP outage is retried until it succeeds.

CREATE TABLE delivery_log (
  delivery_id     BIGINT AUTO_INCREMENT PRIMARY KEY,
  kind            VARCHAR(16) NOT NULL COMMENT 'report | reminder | overdue | receipt',
  schedule_name   VARCHAR(100) NOT NULL COMMENT 'schedule that produced it (or ingest for receipts)',
  period_code     VARCHAR(8) NOT NULL,
  dedupe_key      VARCHAR(100) NOT NULL COMMENT 'what makes it unique besides kind, schedule, period and recipient (edition, submission id)',
  recipient_email VARCHAR(200) NOT NULL,
  recipient_name  VARCHAR(100) NULL,
  subject         VARCHAR(300) NOT NULL,
  body            TEXT NOT NULL,
  attachments     TEXT NULL COMMENT 'absolute paths, one per line',
  attachment_sha256 TEXT NULL COMMENT 'checksums of the attachments, one per line, at enqueue time',
  status          VARCHAR(8) NOT NULL DEFAULT 'pending' COMMENT 'pending | sending | sent',
  attempts        INT NOT NULL DEFAULT 0,
  next_attempt_at DATETIME(3) NOT NULL,
  claimed_by      VARCHAR(100) NULL,
  claimed_at      DATETIME(3) NULL,
  last_error      VARCHAR(1000) NULL,
  created_at      DATETIME(3) NOT NULL,
  sent_at         DATETIME(3) NULL,
  CONSTRAINT uk_delivery_once UNIQUE (kind, schedule_name, period_code, recipient_email, dedupe_key),
  INDEX ix_delivery_due (status, next_attempt_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci
  COMMENT='Grain: one row per mail message (kind x schedule x period x recipient x dedupe key).';
