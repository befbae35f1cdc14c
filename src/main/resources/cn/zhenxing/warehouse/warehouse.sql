-- The warehouse kernel's own queries.

-- name: appliedMigrations
-- Flyway's history: every versioned migration run on this database, and whether it succeeded.
SELECT version, success FROM flyway_schema_history WHERE version IS NOT NULL
