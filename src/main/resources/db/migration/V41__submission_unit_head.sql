-- The cover's one sign-off line (template ZXQ-2025.2): 单位负责人, 统计负责人 (kept in reviewer, which
-- held the 审核人 of ZXQ-2025.1), 填表人, 联系电话, 报出日期.

ALTER TABLE ops_submission
  ADD COLUMN unit_head VARCHAR(64) NULL COMMENT '单位负责人 on the cover (ZXQ-2025.2 and later)' AFTER filler_phone,
  MODIFY COLUMN reviewer VARCHAR(64) NULL COMMENT '统计负责人 on the cover (审核人 in ZXQ-2025.1)';
