-- Statements of the account feature: portal users (bcrypt hashes) and the units they may belong to.

-- name: userByName
SELECT * FROM ops_portal_user WHERE username = :username;

-- name: userInsert
INSERT INTO ops_portal_user (username, password_hash, display_name, email, role, unit_code, region_code, must_change_password, password_changed_at)
VALUES (:username, :hash, :name, :email, :role, :unit, :region, :mustChange, :now);

-- A new password (reset or the user's own change) also ends a lockout.
-- name: userPasswordUpdate
UPDATE ops_portal_user SET password_hash = :hash, must_change_password = :mustChange, password_changed_at = :now,
  failed_logins = 0, locked_until = NULL
WHERE username = :username;

-- name: state
SELECT enabled, must_change_password, COALESCE(password_changed_at, created_at) AS changed_at FROM ops_portal_user WHERE username = :username;

-- One more wrong password; the max-th in a row locks until :until and starts the count again. Assignments run left to right:
-- locked_until reads the old count. Failures while locked are not counted (Spring Security refuses them unchecked).
-- name: loginFailed
UPDATE ops_portal_user
SET locked_until = IF(failed_logins + 1 >= :max, :until, NULL),
    failed_logins = IF(failed_logins + 1 >= :max, 0, failed_logins + 1)
WHERE username = :username AND (locked_until IS NULL OR locked_until <= :now);

-- name: lockedUntil
SELECT locked_until FROM ops_portal_user WHERE username = :username;

-- name: unlock
UPDATE ops_portal_user SET failed_logins = 0, locked_until = NULL WHERE username = :username;

-- name: users
SELECT u.user_id, u.username, u.display_name, u.email, u.role, u.unit_code, ru.name_zh AS unit_name, u.region_code, u.enabled, u.created_at,
  u.locked_until, u.failed_logins, u.must_change_password
FROM ops_portal_user u LEFT JOIN dim_reporting_unit ru ON ru.unit_code = u.unit_code ORDER BY u.role, u.username;

-- name: adminCount
SELECT COUNT(*) FROM ops_portal_user WHERE role = 'ADMIN' AND enabled;

-- name: unit
SELECT unit_code, name_zh FROM dim_reporting_unit WHERE unit_code = :unit;

-- A reviewer reviews for the province's or a city's unit (the units that have units below them to review).
-- name: reviewerUnit
SELECT unit_code FROM dim_reporting_unit WHERE unit_code = :unit AND unit_kind IN ('province', 'city');

-- name: units
SELECT unit_code, name_zh FROM dim_reporting_unit ORDER BY unit_code;

-- Login id -> the person's name, for showing who uploaded a file.
-- name: displayNames
SELECT username, display_name FROM ops_portal_user;

-- name: enabled
SELECT enabled FROM ops_portal_user WHERE username = :username;

-- name: setEnabled
UPDATE ops_portal_user SET enabled = :enabled WHERE username = :username;
