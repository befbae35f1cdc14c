package cn.zhenxing.audit;

import cn.zhenxing.warehouse.Quarter;
import cn.zhenxing.workbook.Problem;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The rules of etl/rules over a received form, against the catalog and the accepted history: the
 * findings as problems for the feedback (强制 and unexplained 核实 ones are errors that return the
 * file; explained 核实 ones are warnings that keep their 说明 on record).
 */
@Component
public class FormAudit {

    private final AuditData data;
    private final Auditor auditor;

    public FormAudit(AuditData data, Auditor auditor) {
        this.data = data;
        this.auditor = auditor;
    }

    public List<Problem> check(String unitCode, Quarter quarter, List<AuditInput.IndicatorRow> indicators,
                               List<AuditInput.ProjectRow> projects) {
        AuditInput.Catalog catalog = data.catalog(quarter);
        AuditInput.History history = data.history(quarter, unitCode);
        List<Finding> findings = new ArrayList<>(auditor.indicators(indicators, catalog, history, quarter.quarter()));
        findings.addAll(auditor.projects(projects, history, quarter.quarter()));
        return findings.stream().map(f -> f.problem(auditor.book().explanations())).toList();
    }
}
