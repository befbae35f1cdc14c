-- 逐级审核 (issue 14): level-by-level review of each unit's quarter. Every review action is a row of
-- ops_review_event (append-only: review.sql only inserts and reads it); the state is never stored but
-- derived by int_review_state from the current accepted version and the events of that version, so a
-- resubmission (a new version from ingest) is 已报送（待审核） again without ingest knowing about review.

-- A reviewer is an account of role REVIEWER bound to the unit it reviews for: a city's 发改委 unit
-- reviews the city's county units, the province's unit reviews the cities (and counties after their city).
ALTER TABLE ops_portal_user DROP CONSTRAINT ck_portal_user_role;
ALTER TABLE ops_portal_user DROP CONSTRAINT ck_portal_user_unit;
ALTER TABLE ops_portal_user
  MODIFY COLUMN role VARCHAR(16) NOT NULL COMMENT 'STATISTICIAN | ADMIN | LEADER | REVIEWER',
  MODIFY COLUMN unit_code VARCHAR(16) NULL COMMENT 'the one reporting unit of a statistician, or the unit a reviewer reviews for',
  ADD CONSTRAINT ck_portal_user_role CHECK (role IN ('STATISTICIAN', 'ADMIN', 'LEADER', 'REVIEWER')),
  ADD CONSTRAINT ck_portal_user_unit CHECK (role NOT IN ('STATISTICIAN', 'REVIEWER') OR unit_code IS NOT NULL);

CREATE TABLE ops_review_event (
  event_id        BIGINT AUTO_INCREMENT PRIMARY KEY,
  submission_id   BIGINT NOT NULL COMMENT 'the accepted version acted on',
  unit_key        INT NOT NULL,
  period_key      INT NOT NULL,
  version         INT NOT NULL,
  action          VARCHAR(12) NOT NULL COMMENT 'approve | return | unapprove',
  review_level    VARCHAR(12) NOT NULL COMMENT 'city | province: the level that acted',
  from_state      VARCHAR(20) NOT NULL COMMENT 'submitted | city_approved | province_approved',
  to_state        VARCHAR(20) NOT NULL COMMENT 'submitted | city_approved | province_approved | returned',
  reason_zh       VARCHAR(2000) NULL COMMENT '审核意见 (required for a return)',
  actor_username  VARCHAR(64) NOT NULL,
  actor_name      VARCHAR(100) NOT NULL,
  actor_role      VARCHAR(16) NOT NULL,
  actor_unit_code VARCHAR(16) NULL,
  created_at      DATETIME(3) NOT NULL COMMENT 'the server''s wall clock, as for submissions',
  INDEX ix_review_event_submission (submission_id, event_id),
  INDEX ix_review_event_unit_period (unit_key, period_key, event_id),
  CONSTRAINT fk_review_event_submission FOREIGN KEY (submission_id) REFERENCES ops_submission (submission_id),
  CONSTRAINT fk_review_event_unit FOREIGN KEY (unit_key) REFERENCES dim_reporting_unit (unit_key),
  CONSTRAINT fk_review_event_period FOREIGN KEY (period_key) REFERENCES dim_period (period_key),
  CONSTRAINT ck_review_event_action CHECK (action IN ('approve', 'return', 'unapprove')),
  CONSTRAINT ck_review_event_reason CHECK (action <> 'return' OR reason_zh IS NOT NULL)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci
  COMMENT='Grain: one row per review action on a submission version (append-only; never updated or deleted).';

-- The review state of every unit x quarter with a current accepted version: the last event of that
-- version, else submitted, with its label (the same as review.ReviewState's; ReviewServiceTest compares them).
-- Units without one are 未报送 (the readers join dim_reporting_unit).
-- The calendar reads it to refuse uploads of a province-approved (locked) unit-quarter.
CREATE VIEW int_review_state AS
SELECT s.unit_key, s.period_key, s.submission_id, s.version,
       COALESCE(e.to_state, 'submitted') AS state,
       CASE COALESCE(e.to_state, 'submitted') WHEN 'submitted' THEN '已报送（待审核）' WHEN 'city_approved' THEN '市级已审核'
            WHEN 'province_approved' THEN '省级已审核（锁定）' WHEN 'returned' THEN '已退回' END AS state_zh,
       COALESCE(e.created_at, s.decided_at) AS since, e.event_id AS last_event_id, e.reason_zh AS last_reason_zh
FROM ops_submission s
LEFT JOIN ops_review_event e ON e.event_id = (SELECT MAX(x.event_id) FROM ops_review_event x WHERE x.submission_id = s.submission_id)
WHERE s.is_current;
