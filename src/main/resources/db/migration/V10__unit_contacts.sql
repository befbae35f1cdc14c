-- Contacts of reporting units (reminders, overdue notices, receipts), managed by the administrator in
-- the portal, in addition to those listed in schedules/recipients.yml; and the portal user's e-mail
-- for the receipt of a web upload.
CREATE TABLE unit_contact (
  contact_id      BIGINT AUTO_INCREMENT PRIMARY KEY,
  unit_code       VARCHAR(16) NOT NULL,
  name            VARCHAR(100) NOT NULL,
  email           VARCHAR(200) NOT NULL,
  created_by      VARCHAR(64) NULL,
  created_at      TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT uk_unit_contact UNIQUE (unit_code, email),
  CONSTRAINT fk_unit_contact_unit FOREIGN KEY (unit_code) REFERENCES dim_reporting_unit (unit_code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci
  COMMENT='Grain: one row per reporting unit x contact e-mail.';

ALTER TABLE portal_user ADD COLUMN email VARCHAR(200) NULL COMMENT 'receipts of this user''s uploads go here' AFTER display_name;
