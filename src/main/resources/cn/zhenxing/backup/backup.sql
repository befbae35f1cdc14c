-- Backup and restore of the warehouse (cn.zhenxing.backup.BackupService).

-- The tables, views and sequences of the connected database.
-- name: objects
SELECT table_name AS name, table_type AS type FROM information_schema.tables
WHERE table_schema = DATABASE() ORDER BY table_name;

-- The latest applied Flyway migration: the schema version a backup holds.
-- name: schemaVersion
SELECT version FROM flyway_schema_history WHERE success = 1 AND version IS NOT NULL
ORDER BY installed_rank DESC LIMIT 1;

-- name: serverVersion
SELECT VERSION();

-- {table} is a back-quoted name from the list of objects.
-- name: countRows
SELECT COUNT(*) FROM {table};

-- The writers whose data the manifest's row counts must match: ingest and marts refresh (named locks of this
-- database: GET_LOCK names are server-wide, so each carries the database's name).
-- name: lockIngest
SELECT GET_LOCK(CONCAT('zhenxing.ingest:', DATABASE()), 600);

-- name: lockMarts
SELECT GET_LOCK(CONCAT('zhenxing.marts:', DATABASE()), 600);

-- name: unlockAll
SELECT RELEASE_ALL_LOCKS();

-- name: foreignKeysOff
SET FOREIGN_KEY_CHECKS = 0;

-- {object} is a back-quoted name from the list of objects.
-- name: dropView
DROP VIEW IF EXISTS {object};

-- name: dropTable
DROP TABLE IF EXISTS {object};
