-- Statements of the ingest feature: submissions, staging with lineage, problems, publishing into facts.

-- name: submissionInsert
INSERT INTO ops_submission (version, file_name, file_sha256, file_size, channel, submitted_by, sender_unit_code, status, received_at,
                            job_execution_id)
VALUES (0, ?, ?, ?, ?, ?, ?, 'received', ?, ?);

-- name: submissionIdentify
UPDATE ops_submission SET unit_key = ?, period_key = ?, template_version = ?, file_format = ?, filler = ?, filler_phone = ?,
       unit_head = ?, reviewer = ?, fill_date = ?, is_late = ?, deadline = ?
WHERE submission_id = ?;

-- A monitoring form: unit and period by code (NULL when the file named no valid one); always an .xlsx.
-- name: monitoringIdentify
UPDATE ops_submission SET form_code = ?, template_version = ?, file_format = 'xlsx',
       unit_key = (SELECT unit_key FROM dim_reporting_unit WHERE unit_code = ?),
       period_key = (SELECT period_key FROM dim_period WHERE period_code = ?)
WHERE submission_id = ?;

-- name: formCode
SELECT form_code FROM ops_submission WHERE submission_id = ?;

-- The submissions of the same unit, period and form as submission ? (a monitoring form's version series).
-- name: lockMonitoringSeries
SELECT o.submission_id FROM ops_submission o JOIN ops_submission s ON s.submission_id = ?
WHERE o.unit_key = s.unit_key AND o.period_key = s.period_key AND o.form_code = s.form_code FOR UPDATE;

-- name: nextMonitoringVersion
SELECT COALESCE(MAX(o.version), 0) + 1 FROM ops_submission o JOIN ops_submission s ON s.submission_id = ?
WHERE o.unit_key = s.unit_key AND o.period_key = s.period_key AND o.form_code = s.form_code AND o.status IN ('accepted', 'superseded');

-- name: supersedeMonitoring
UPDATE ops_submission o JOIN ops_submission s ON s.submission_id = ?
SET o.is_current = FALSE, o.status = 'superseded'
WHERE o.unit_key = s.unit_key AND o.period_key = s.period_key AND o.form_code = s.form_code AND o.is_current;

-- name: submissionFormat
UPDATE ops_submission SET file_format = ? WHERE submission_id = ?;

-- name: submission
SELECT s.submission_id, s.status, s.version, s.error_count, s.warning_count, s.feedback_path, s.file_name, s.is_late, s.file_format,
       u.unit_code, p.period_code
FROM ops_submission s LEFT JOIN dim_reporting_unit u ON u.unit_key = s.unit_key LEFT JOIN dim_period p ON p.period_key = s.period_key
WHERE s.submission_id = ?;

-- A file whose exact bytes were accepted before (or superseded since) is a duplicate, once that
-- ingest finished (its receipt written); an unfinished one is resumed instead.
-- name: acceptedWithSameBytes
SELECT submission_id FROM ops_submission WHERE file_sha256 = ? AND status IN ('accepted', 'superseded') AND feedback_path IS NOT NULL
ORDER BY submission_id LIMIT 1;

-- The latest finished rejection of the same bytes: a new attempt is a new job instance after it.
-- name: finishedRejectionWithSameBytes
SELECT submission_id FROM ops_submission WHERE file_sha256 = ? AND status = 'rejected' AND feedback_path IS NOT NULL
ORDER BY submission_id DESC LIMIT 1;

-- name: undecidedWithSameBytes
SELECT submission_id FROM ops_submission WHERE file_sha256 = ? AND status = 'received' ORDER BY submission_id DESC LIMIT 1;

-- name: latestWithSameBytes
SELECT submission_id FROM ops_submission WHERE file_sha256 = ? AND status <> 'received' ORDER BY submission_id DESC LIMIT 1;

-- name: stgIndicatorDelete
DELETE FROM stg_indicator_value WHERE submission_id = ?;

-- name: stgTaskDelete
DELETE FROM stg_task_progress WHERE submission_id = ?;

-- name: stgProjectDelete
DELETE FROM stg_project_progress WHERE submission_id = ?;

-- name: problemDelete
DELETE FROM ops_submission_problem WHERE submission_id = ?;

-- name: stgIndicatorInsert
INSERT INTO stg_indicator_value (submission_id, sheet, row_no, region_code, indicator_code, value_raw, value, value_cell,
       prior_raw, prior_value, prior_cell, numerator_value, numerator_cell, denominator_value, denominator_cell, note)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?);

-- name: stgTaskInsert
INSERT INTO stg_task_progress (submission_id, sheet, row_no, task_code, status, status_cell, percent_done, percent_cell,
       progress_text, problems_text, next_steps_text)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?);

-- name: stgProjectInsert
INSERT INTO stg_project_progress (submission_id, sheet, row_no, project_code, project_name, total_investment_yi,
       annual_plan_investment_yi, quarter_investment_yi, ytd_investment_yi, milestone, note, first_cell)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?);

-- name: problemInsert
INSERT INTO ops_submission_problem (submission_id, seq, severity, sheet, cell, context_zh, message_zh, fix_zh, rule_code, region_code,
       item_code, explanation_zh)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?);

-- name: problems
SELECT p.severity, p.sheet, p.cell, p.context_zh, p.message_zh, p.fix_zh, p.rule_code, p.region_code, p.item_code, p.explanation_zh
FROM ops_submission_problem p WHERE p.submission_id = ? ORDER BY p.seq;

-- name: lockUnitPeriod
SELECT submission_id FROM ops_submission WHERE unit_key = ? AND period_key = ? FOR UPDATE;

-- name: nextVersion
SELECT COALESCE(MAX(version), 0) + 1 FROM ops_submission WHERE unit_key = ? AND period_key = ? AND status IN ('accepted', 'superseded');

-- name: supersede
UPDATE ops_submission SET is_current = FALSE, status = 'superseded' WHERE unit_key = ? AND period_key = ? AND is_current;

-- Region versions valid at the end of the period (renamed counties keep their history).
-- name: publishIndicatorValues
INSERT INTO fact_indicator_value (submission_id, region_key, indicator_key, period_key, value, prior_year_value,
       numerator_value, denominator_value, note)
SELECT s.submission_id, r.region_key, i.indicator_key, ?, s.value, s.prior_value, s.numerator_value, s.denominator_value, s.note
FROM stg_indicator_value s
JOIN dim_region r ON r.region_code = s.region_code AND ? BETWEEN r.valid_from AND r.valid_to
JOIN dim_indicator i ON i.indicator_code = s.indicator_code
WHERE s.submission_id = ? AND (s.value IS NOT NULL OR s.prior_value IS NOT NULL OR s.note IS NOT NULL);

-- name: publishTaskProgress
INSERT INTO fact_task_progress (submission_id, task_key, region_key, period_key, status, percent_done, progress_text,
       problems_text, next_steps_text)
SELECT s.submission_id, t.task_key, ?, ?, s.status, s.percent_done, s.progress_text, s.problems_text, s.next_steps_text
FROM stg_task_progress s JOIN dim_task t ON t.task_code = s.task_code
WHERE s.submission_id = ? AND s.status IS NOT NULL;

-- name: newProjects
SELECT row_no, project_name FROM stg_project_progress WHERE submission_id = ? AND project_code IS NULL;

-- name: newProjectInsert
INSERT INTO dim_project (project_code, name_zh, category, regions_label, source, row_hash) VALUES (?, ?, NULL, ?, 'submitted', ?);

-- name: newProjectRegion
INSERT INTO bridge_project_region (project_key, region_code) SELECT project_key, ? FROM dim_project WHERE project_code = ?;

-- name: stgProjectCode
UPDATE stg_project_progress SET project_code = ? WHERE submission_id = ? AND row_no = ?;

-- name: publishProjectProgress
INSERT INTO fact_project_progress (submission_id, project_key, period_key, total_investment_yi, annual_plan_investment_yi,
       quarter_investment_yi, ytd_investment_yi, milestone, note)
SELECT s.submission_id, p.project_key, ?, s.total_investment_yi, s.annual_plan_investment_yi, s.quarter_investment_yi,
       s.ytd_investment_yi, s.milestone, s.note
FROM stg_project_progress s JOIN dim_project p ON p.project_code = s.project_code
WHERE s.submission_id = ?;

-- name: markAccepted
UPDATE ops_submission SET status = 'accepted', version = ?, is_current = TRUE, decided_at = ?, error_count = ?, warning_count = ?
WHERE submission_id = ?;

-- name: markRejected
UPDATE ops_submission SET status = 'rejected', decided_at = ?, error_count = ?, warning_count = ? WHERE submission_id = ?;

-- name: setFeedback
UPDATE ops_submission SET feedback_path = ? WHERE submission_id = ?;

-- name: unitRegionKey
SELECT r.region_key FROM dim_reporting_unit u JOIN dim_region r ON r.region_code = u.region_code
WHERE u.unit_key = ? AND ? BETWEEN r.valid_from AND r.valid_to;

-- name: regionCodeOfKey
SELECT region_code FROM dim_region WHERE region_key = ?;

-- One ingest at a time across all Zhenxing processes on this warehouse (held on its own connection).
-- name: acquireIngestLock
SELECT GET_LOCK(CONCAT(?, ':', DATABASE()), 600);

-- name: releaseIngestLock
SELECT RELEASE_LOCK(CONCAT(?, ':', DATABASE()));

-- name: listSubmissions
SELECT s.submission_id, u.unit_code, u.name_zh AS unit_name, p.period_code, s.version, s.status, s.is_current, s.is_late,
       s.received_at, s.error_count, s.warning_count, s.file_name,
       (SELECT COUNT(*) FROM fact_indicator_value f WHERE f.submission_id = s.submission_id) AS indicator_values
FROM ops_submission s
LEFT JOIN dim_reporting_unit u ON u.unit_key = s.unit_key
LEFT JOIN dim_period p ON p.period_key = s.period_key
WHERE (? IS NULL OR p.period_code = ?)
ORDER BY p.period_code, u.unit_code, s.submission_id;

-- name: unitHistory
SELECT s.submission_id, p.period_code, s.version, s.status, s.file_name, s.channel, s.submitted_by, s.received_at, s.error_count,
       s.warning_count, s.is_late, s.feedback_path IS NOT NULL AS has_feedback
FROM ops_submission s LEFT JOIN dim_period p ON p.period_key = s.period_key
LEFT JOIN dim_reporting_unit u ON u.unit_key = s.unit_key
WHERE (u.unit_code = ? OR (s.unit_key IS NULL AND s.sender_unit_code = ?)) AND s.status <> 'duplicate'
ORDER BY s.submission_id DESC LIMIT 50;

-- name: submissionOwner
SELECT s.submission_id, COALESCE(u.unit_code, s.sender_unit_code) AS unit_code, s.feedback_path, s.file_name, s.status,
       s.channel, s.submitted_by
FROM ops_submission s LEFT JOIN dim_reporting_unit u ON u.unit_key = s.unit_key WHERE s.submission_id = ?;

-- name: setStoredPath
UPDATE ops_submission SET stored_path = ? WHERE submission_id = ? AND stored_path IS NULL;
