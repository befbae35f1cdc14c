-- Web portal accounts. Passwords are bcrypt hashes; nobody has a default password.
CREATE TABLE portal_user (
  user_id         BIGINT AUTO_INCREMENT PRIMARY KEY,
  username        VARCHAR(64) NOT NULL,
  password_hash   VARCHAR(100) NOT NULL,
  display_name    VARCHAR(100) NOT NULL,
  role            VARCHAR(16) NOT NULL COMMENT 'STATISTICIAN | ADMIN | LEADER',
  unit_code       VARCHAR(16) NULL COMMENT 'the one reporting unit of a statistician',
  region_code     CHAR(6) NULL COMMENT 'a leader limited to one city',
  enabled         BOOLEAN NOT NULL DEFAULT TRUE,
  created_at      TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT uk_portal_user UNIQUE (username),
  CONSTRAINT ck_portal_user_role CHECK (role IN ('STATISTICIAN', 'ADMIN', 'LEADER')),
  CONSTRAINT ck_portal_user_unit CHECK (role <> 'STATISTICIAN' OR unit_code IS NOT NULL)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci
  COMMENT='Grain: one row per portal account.';
