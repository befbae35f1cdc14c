-- The 指标解释 of each indicator, from etl/reference/indicators.csv: what the quarterly form's
-- 指标解释 sheet, its input prompts and its per-row data validation say.

ALTER TABLE dim_indicator
  ADD COLUMN definition_zh VARCHAR(500) NULL COMMENT '指标解释: what the value measures and how it is computed (filled for every indicator a form asks for)',
  ADD COLUMN definition_source VARCHAR(16) NULL COMMENT 'statistics = the national statistical system defines it (paraphrased) | undefined = the plans do not define it: a working reading, to be confirmed',
  ADD COLUMN growth_base VARCHAR(24) NULL COMMENT 'what a growth or cut compares with: same_period_last_year (上年同期) | baseline_year (规划基期年); NULL for levels and flows',
  ADD COLUMN value_range VARCHAR(16) NULL COMMENT 'what a form cell accepts: share (0-100) | count (whole, >= 0) | non_negative | signed (growth rates and cuts)',
  ADD COLUMN form_name_zh VARCHAR(200) NULL COMMENT 'name on the form when the plan''s name is the province''s (全省PM2.5平均浓度 -> PM2.5平均浓度); NULL = name_zh';
