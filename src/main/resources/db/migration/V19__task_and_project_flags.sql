-- Tasks and projects judged against their own plan (issue 15): a tolerance before a task counts as
-- behind its plan period's elapsed time, 未启动 flagged after the half-year, projects behind their
-- annual plan, and the first year a project's cumulative investment counts from.

UPDATE cfg_mart_rule
SET rule_value = 5.0000,
    description_zh = '任务完成进度低于规划期时间进度5个百分点以上（不含）视为滞后',
    description_en = 'a task lags when its percent done is more than this many points below the elapsed share of its plan period'
WHERE rule_key = 'task.elapsed_tolerance_points';

INSERT INTO cfg_mart_rule (rule_key, rule_value, description_zh, description_en) VALUES
('task.not_started_alert_quarter', 3.0000, '时间过半：自第3季度起仍填报“未启动”的任务标红',
 'from this quarter of the year on (after the half-year) a task still reported 未启动 is flagged red'),
('project.lagging_tolerance_points', 10.0000, '项目年初至今完成投资占年度计划的比例低于全年时间进度10个百分点以上（不含）视为滞后',
 'a project lags when its year-to-date share of the annual plan is more than this many points below the share of the year elapsed');

ALTER TABLE mart_task_progress
  ADD COLUMN not_started_late BOOLEAN NOT NULL DEFAULT FALSE
    COMMENT '未启动 from the quarter task.not_started_alert_quarter of the year on' AFTER lag_reason_zh,
  ADD COLUMN behind_points DECIMAL(6,2) NULL
    COMMENT 'elapsed share minus percent done (points; 未启动 without a percent counts as 0), when positive' AFTER not_started_late;

ALTER TABLE mart_project_progress
  ADD COLUMN cumulative_from_year SMALLINT NULL
    COMMENT 'first year whose investment cumulative_investment_yi includes (the warehouse holds no earlier one)' AFTER cumulative_investment_yi,
  ADD COLUMN is_lagging BOOLEAN NOT NULL DEFAULT FALSE
    COMMENT 'year to date below the annual plan x share of the year elapsed, by more than project.lagging_tolerance_points' AFTER is_stalled;
