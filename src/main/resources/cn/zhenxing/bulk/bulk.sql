-- Statements of bulk monitoring sheets (cn.zhenxing.bulk): stg_monitoring_reading, one load_id per
-- load of one sheet (migration V5).

-- One LOAD DATA LOCAL INFILE of the tab-separated text TsvBuffer writes (the column list is the order
-- of TsvBuffer.append). The statement cannot be prepared: :loadId and :submissionId are replaced by
-- number literals (or NULL) in LoadData.sql.
-- name: loadData
LOAD DATA LOCAL INFILE 'bulk-sheet.tsv' INTO TABLE stg_monitoring_reading CHARACTER SET utf8mb4
FIELDS TERMINATED BY '\t' ESCAPED BY '\\' LINES TERMINATED BY '\n'
(row_no, station_code, station_name, region_code, reading_date, parameter, value, unit, note)
SET load_id = :loadId, submission_id = :submissionId;

-- name: count
SELECT COUNT(*) FROM stg_monitoring_reading WHERE load_id = ?;

-- name: delete
DELETE FROM stg_monitoring_reading WHERE load_id = ?;

-- name: maxLoadId
SELECT MAX(load_id) FROM stg_monitoring_reading;
