-- Attainment shown bounded (issue 15): above this share a report and the portal print 超额完成 instead
-- of a large percentage, and one below the baseline (a negative share) is printed 低于基期, never as a
-- negative percentage. The mart keeps the exact figure.
INSERT INTO cfg_mart_rule (rule_key, rule_value, description_zh, description_en) VALUES
('attainment.display_cap', 1.5000, '完成度高于150%时，报告和网页显示为“超额完成”；低于基期（负值）显示为“低于基期”，不显示负百分比',
 'attainment above this share is printed 超额完成 in reports and the portal; a negative one (below the baseline) 低于基期');
