-- Login failure handling and password policy of the portal (README: 安全). A run of failed logins locks
-- the account until locked_until (zhenxing.security.login.*); an administrator can unlock it earlier.
ALTER TABLE ops_portal_user
  ADD COLUMN failed_logins        INT         NOT NULL DEFAULT 0 COMMENT 'wrong passwords since the last successful login or unlock',
  ADD COLUMN locked_until         DATETIME(3) NULL COMMENT 'sign-in refused until then (server time); NULL = not locked',
  ADD COLUMN must_change_password BOOLEAN     NOT NULL DEFAULT FALSE COMMENT 'a generated or reset password: changed at the next sign-in before anything else',
  ADD COLUMN password_changed_at  DATETIME(3) NULL COMMENT 'when the password was last set (expiry, zhenxing.security.password.max-age-days); NULL = created_at';
