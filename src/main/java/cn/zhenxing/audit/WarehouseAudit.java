package cn.zhenxing.audit;

import cn.zhenxing.warehouse.Quarter;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@code audit run}: the same rules over a quarter's accepted data (a province analyst's 审核 of the
 * quarter), kept in mart_audit_finding where mart_data_quality joins their follow-up.
 */
@Component
public class WarehouseAudit {

    private final JdbcTemplate jdbc;
    private final AuditData data;
    private final Auditor auditor;

    public WarehouseAudit(JdbcTemplate jdbc, AuditData data, Auditor auditor) {
        this.jdbc = jdbc;
        this.data = data;
        this.auditor = auditor;
    }

    /** The findings of the quarter's accepted data, stored in the mart (replacing the quarter's previous run). */
    @Transactional
    public List<Finding> run(Quarter quarter, LocalDateTime now) {
        List<Finding> findings = findings(quarter);
        jdbc.update(AuditData.SQL.get("deleteFindings"), quarter.key());
        jdbc.batchUpdate(AuditData.SQL.get("insertFinding"), findings.stream().map(f -> new Object[] {quarter.key(), quarter.code(),
                f.rule().code(), f.rule().nameZh(), f.rule().severity() == Rule.Severity.MANDATORY ? "mandatory" : "verify",
                f.regionCode() == null ? "" : f.regionCode(), f.regionName() == null ? "" : f.regionName(), f.itemCode(), f.itemName(),
                f.left(), f.right(), truncate(f.messageZh(), 1000), truncate(f.note(), 500), f.unitCode(), f.submissionId(),
                Timestamp.valueOf(now)}).toList());
        return findings;
    }

    List<Finding> findings(Quarter quarter) {
        AuditInput.Catalog catalog = data.catalog(quarter);
        AuditInput.History history = data.history(quarter, null);
        Map<String, Map<String, BigDecimal>> byUnit = data.valuesByUnit(quarter);
        List<AuditInput.IndicatorRow> rows = new ArrayList<>();
        Map<String, BigDecimal> other = new HashMap<>();
        jdbc.query(AuditData.SQL.get("acceptedIndicatorRows"), rs -> {
            String key = rs.getString("region_code") + "|" + rs.getString("indicator_code");
            String unit = rs.getString("unit_code");
            byUnit.getOrDefault(key, Map.of()).entrySet().stream().filter(e -> !e.getKey().equals(unit)).findFirst()
                    .ifPresent(e -> other.put(key, e.getValue()));
            rows.add(new AuditInput.IndicatorRow(null, Map.of(), rs.getString("region_code"), rs.getString("indicator_code"),
                    rs.getBigDecimal("value"), rs.getBigDecimal("prior_year_value"), rs.getBigDecimal("numerator_value"),
                    rs.getBigDecimal("denominator_value"), rs.getString("note"), unit, rs.getLong("submission_id")));
        }, quarter.key());
        List<AuditInput.ProjectRow> projects = new ArrayList<>();
        jdbc.query(AuditData.SQL.get("acceptedProjectRows"), rs -> {
            projects.add(new AuditInput.ProjectRow(null, Map.of(), rs.getString("project_code"), rs.getString("name_zh"),
                    rs.getBigDecimal("total_investment_yi"), rs.getBigDecimal("annual_plan_investment_yi"),
                    rs.getBigDecimal("quarter_investment_yi"), rs.getBigDecimal("ytd_investment_yi"), rs.getString("note"),
                    rs.getString("unit_code"), rs.getLong("submission_id")));
        }, quarter.key());
        AuditInput.History withOthers = new AuditInput.History(history.lastQuarter(), history.lastYear(), other, history.lastYtd());
        List<Finding> findings = new ArrayList<>(auditor.indicators(rows, catalog, withOthers, quarter.quarter()));
        findings.addAll(auditor.projects(projects, withOthers, quarter.quarter()));
        return findings;
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
