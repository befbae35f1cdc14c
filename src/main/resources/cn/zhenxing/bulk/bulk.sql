-- Statements of the monitoring forms (cn.zhenxing.bulk): readings into fact_monitoring_reading (V26),
-- one submission at a time, and the catalog the rows are checked against.

-- One LOAD DATA LOCAL INFILE of the tab-separated text TsvBuffer writes (the column list is the order
-- of TsvBuffer.append). The statement cannot be prepared: :submissionId is replaced by a number literal
-- in LoadData.sql.
-- name: loadData
LOAD DATA LOCAL INFILE 'monitoring.tsv' INTO TABLE fact_monitoring_reading CHARACTER SET utf8mb4
FIELDS TERMINATED BY '\t' ESCAPED BY '\\' LINES TERMINATED BY '\n'
(reading_date, point_code, parameter, value, row_no)
SET submission_id = :submissionId;

-- name: count
SELECT COUNT(*) FROM fact_monitoring_reading WHERE submission_id = ?;

-- name: delete
DELETE FROM fact_monitoring_reading WHERE submission_id = ?;

-- name: deleteTotals
DELETE FROM fact_monitoring_rule_total WHERE submission_id = ?;

-- The rules a form's readings are counted for (RuleTotals; the totals of V37).
-- name: rulesOfKind
SELECT rule_code, parameter, measure, class_min, class_max FROM cfg_monitoring_rule WHERE point_kind = ? ORDER BY rule_code;

-- name: totalInsert
INSERT INTO fact_monitoring_rule_total (submission_id, rule_code, point_code, month_start, numerator, denominator)
VALUES (?, ?, ?, ?, ?, ?);

-- Points a unit may report: the province's unit all of them, another unit those in its jurisdiction.
-- name: pointsOfUnit
SELECT p.point_code, p.name_zh, p.point_kind
FROM dim_monitoring_point p
JOIN dim_reporting_unit u ON u.unit_code = ?
WHERE u.region_code = '140000'
   OR EXISTS (SELECT 1 FROM bridge_unit_region b WHERE b.unit_key = u.unit_key AND b.region_code IN (p.county_code, p.city_code))
ORDER BY p.point_code;

-- name: allPoints
SELECT point_code, name_zh, point_kind FROM dim_monitoring_point ORDER BY point_code;

-- name: unitName
SELECT name_zh FROM dim_reporting_unit WHERE unit_code = ?;

-- name: monthPeriod
SELECT period_key FROM dim_period WHERE period_code = ? AND period_type = 'M';

-- name: parameterUpsert
INSERT INTO dim_monitoring_parameter (form_code, parameter, column_letter, header_zh, unit) VALUES (?, ?, ?, ?, ?)
ON DUPLICATE KEY UPDATE column_letter = VALUES(column_letter), header_zh = VALUES(header_zh), unit = VALUES(unit);

-- Temporary stations of the benchmark (bench ingest), removed afterwards.
-- name: benchPointInsert
INSERT INTO dim_monitoring_point (point_code, name_zh, point_kind, county_code, city_code, control_level, is_sample, source_zh)
VALUES (?, ?, 'air', '140105', '140100', '省控', TRUE, '基准测试临时站点（bench ingest），测试后删除')
ON DUPLICATE KEY UPDATE name_zh = VALUES(name_zh);

-- name: benchPointDelete
DELETE FROM dim_monitoring_point WHERE point_code LIKE 'BN%' AND source_zh LIKE '基准测试%';
