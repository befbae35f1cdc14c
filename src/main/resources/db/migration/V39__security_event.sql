-- The security audit log (等保 安全审计, README: 安全): one row per security-relevant event, appended by
-- cn.zhenxing.security.SecurityLog and never changed. The triggers refuse every UPDATE, and every DELETE of
-- an entry younger than 180 days (the least 等保 asks for); zhenxing.security.audit-retention-days (at least
-- 180) decides when the weekly files-prune schedule removes older ones.
CREATE TABLE ops_security_event (
  event_id     BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  occurred_at  DATETIME(3)   NOT NULL,
  username     VARCHAR(100)  NULL COMMENT 'who acted (as typed at a failed login); NULL = nobody signed in',
  role         VARCHAR(16)   NULL COMMENT 'the actor''s role at the time (ADMIN, STATISTICIAN, ...; CLI for the command line)',
  address      VARCHAR(64)   NULL COMMENT 'client address (the reverse proxy''s forwarded address when configured), or cli',
  action       VARCHAR(40)   NOT NULL COMMENT 'login, logout, lockout, password-change, account-create, period-lock, ...',
  target       VARCHAR(300)  NULL COMMENT 'what the action was on: account, period, unit, file',
  outcome      VARCHAR(16)   NOT NULL COMMENT 'success | failure | refused',
  detail       VARCHAR(1000) NULL COMMENT 'Chinese detail as shown to the administrator',
  INDEX ix_se_time (occurred_at),
  INDEX ix_se_user (username, occurred_at),
  INDEX ix_se_action (action, occurred_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci
  COMMENT='Grain: one row per security event (append-only).';

CREATE TRIGGER ops_security_event_no_update BEFORE UPDATE ON ops_security_event FOR EACH ROW
  SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'ops_security_event is append-only: entries cannot be changed';

CREATE TRIGGER ops_security_event_no_early_delete BEFORE DELETE ON ops_security_event FOR EACH ROW
BEGIN
  IF OLD.occurred_at > NOW(3) - INTERVAL 180 DAY THEN
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'ops_security_event entries younger than 180 days cannot be deleted';
  END IF;
END;
