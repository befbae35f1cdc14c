-- Shared warehouse lookups (see SqlFile).

-- name: regionKeyAt
SELECT region_key FROM dim_region WHERE region_code = ? AND ? BETWEEN valid_from AND valid_to;
