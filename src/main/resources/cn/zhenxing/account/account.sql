-- Statements of the account feature: portal users (bcrypt hashes) and the units they may belong to.

-- name: userByName
SELECT * FROM ops_portal_user WHERE username = :username;

-- name: userInsert
INSERT INTO ops_portal_user (username, password_hash, display_name, email, role, unit_code, region_code)
VALUES (:username, :hash, :name, :email, :role, :unit, :region);

-- name: userPasswordUpdate
UPDATE ops_portal_user SET password_hash = :hash WHERE username = :username;

-- name: users
SELECT u.user_id, u.username, u.display_name, u.email, u.role, u.unit_code, ru.name_zh AS unit_name, u.region_code, u.enabled, u.created_at
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
