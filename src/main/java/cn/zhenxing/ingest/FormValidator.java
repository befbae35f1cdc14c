package cn.zhenxing.ingest;

import cn.zhenxing.audit.AuditInput;
import cn.zhenxing.audit.FormAudit;
import cn.zhenxing.calendar.ReportingCalendar;
import cn.zhenxing.form.FormContent;
import cn.zhenxing.form.FormContentService;
import cn.zhenxing.form.FormDefinition;
import cn.zhenxing.form.FormMeta;
import cn.zhenxing.form.ReadForm;
import cn.zhenxing.warehouse.Quarter;
import cn.zhenxing.workbook.Problem;
import cn.zhenxing.workbook.ProblemList;
import cn.zhenxing.workbook.WorkbookCells;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Checks a read form against what the province issued to its unit for its quarter, collecting every
 * problem at once (rules: etl/forms/README.md). Errors reject the whole file; warnings do not.
 * This class decides whether the form can be checked at all (marker, version, unit, sheets) and asks
 * the calendar about the quarter; the sheets' contents are checked by the pure checks
 * ({@link HeaderCheck}, {@link CoverCheck}, {@link IndicatorRowsCheck}, {@link TaskRowsCheck},
 * {@link ProjectRowsCheck}, {@link StrayCellsCheck}); then the validation rules of etl/rules ({@link FormAudit})
 * judge the figures against each other, the region hierarchy, the plan and the accepted history.
 */
@Component
public class FormValidator {

    private final FormContentService contents;
    private final ReportingCalendar calendar;
    private final FormAudit audit;

    public FormValidator(FormContentService contents, ReportingCalendar calendar, FormAudit audit) {
        this.contents = contents;
        this.calendar = calendar;
        this.audit = audit;
    }

    /**
     * @param expectedUnit the uploader's unit when known (web upload, mail sender): a form of another
     *                     unit is refused; null when the channel does not say (CLI, inbox)
     * @param receivedOn   date the file arrived, for the deadline
     */
    public CheckedForm check(ReadForm form, FormDefinition def, String expectedUnit, LocalDate receivedOn)
            throws WorkbookCells.UnreadableException {
        ProblemList problems = new ProblemList();
        FormMeta meta = form.formMeta();
        String fix = "请从系统下载本单位本期的报表模板，在模板中填写后报送。";
        if (!form.isZhenxingForm()) {
            problems.add(Problem.error(null, null, null, "这不是省里下发的监测季报模板（找不到模板标识），可能用了其他表格或复制粘贴到了新文件中。", fix));
            return rejected(form, meta, problems);
        }
        if (!def.templateVersion().equals(meta.templateVersion())) {
            // A retired layout is not read: its columns and rows are not this definition's.
            problems.add(Problem.error(null, null, null, (def.retired(meta.templateVersion()) ? "本文件是旧版模板（" + meta.templateVersion() + "），已停用"
                    : "模板版本“" + meta.templateVersion() + "”无法识别") + "，现行版本为“" + def.templateVersion() + "”。",
                    "请从系统下载" + def.templateVersion() + "版的本单位本期报表模板，把数据填入新模板后重新报送（新模板已预填上年同期值，并增加了指标解释）。"));
            return rejected(form, meta, problems);
        }
        FormContent content;
        try {
            content = contents.content(meta.unitCode(), meta.periodCode());
        } catch (IllegalArgumentException e) {
            problems.add(Problem.error(null, null, null, "模板中的填报单位或报告期无法识别：" + e.getMessage(), fix));
            return rejected(form, meta, problems);
        }
        if (expectedUnit != null && !expectedUnit.equals(meta.unitCode())) {
            problems.add(Problem.error(def.cover().sheet(), def.cover().field("unit_name").cell(), null,
                    "这是“" + content.unit().name() + "”的报表，不是您所在单位的报表，不能代为报送。", "请下载并填写本单位的报表模板。"));
            return rejected(form, meta, problems);
        }
        for (String sheet : List.of(def.cover().sheet(), def.tables().get(0).sheet(), def.tables().get(1).sheet(), def.tables().get(2).sheet())) {
            if (!form.sheetNames().contains(sheet)) {
                problems.add(Problem.error(sheet, null, null, "找不到工作表“" + sheet + "”，工作表被删除或改名。", "请不要删除或重命名工作表；用新下载的模板重新填写。"));
            }
        }
        if (!problems.isEmpty()) {
            return rejected(form, meta, problems);
        }
        Quarter quarter = content.period();
        String lock = calendar.lockReason(quarter).orElse(null);
        if (lock != null) {
            problems.add(Problem.error(null, null, null, content.period().labelZh() + "已锁定，不再接收报送（" + lock + "）。",
                    "如确需补报或更正，请联系省发展改革委开放报送期。"));
        }
        if (calendar.unitLocked(content.unit().code(), quarter)) {
            problems.add(Problem.error(null, null, null, content.unit().name() + content.period().labelZh()
                    + "的报表已经省级审核，如需修改请联系省发改委退回。", "省级审核通过后数据已锁定，请勿再报送；确需更正请联系省发展改革委退回后重新报送。"));
        }
        LocalDate opens = calendar.opensOn(quarter);
        if (receivedOn.isBefore(opens)) {
            problems.add(Problem.error(null, null, null, content.period().labelZh() + "的报送期尚未开始（" + opens + "起接收），不能提前报送。",
                    "请确认报告期是否选错；本季度数据请在季度末后报送。"));
        }
        LocalDate deadline = calendar.deadline(content.unit().code(), quarter);
        boolean late = receivedOn.isAfter(deadline);
        if (late) {
            problems.add(Problem.warning(null, null, null, "本期报送截止日期为" + deadline + "，本文件于" + receivedOn + "收到，已逾期，记为迟报。", null));
        }
        HeaderCheck.check(def, form.headers(), problems);
        CheckedForm.Cover cover = CoverCheck.check(def.cover(), form.cover(), content.unit(), problems);
        StrayCellsCheck stray = new StrayCellsCheck();
        List<CheckedForm.IndicatorValue> indicators = run(form, new IndicatorRowsCheck(def.table("indicators"), content, problems), stray);
        List<CheckedForm.TaskProgress> tasks = run(form, new TaskRowsCheck(def.table("tasks"), content, problems), stray);
        List<CheckedForm.ProjectProgress> projects = run(form, new ProjectRowsCheck(def.table("projects"), content, problems), stray);
        stray.report(problems);
        problems.addAll(audit.check(content.unit().code(), quarter, auditRows(indicators, content.unit().code()),
                auditRows(def.table("projects"), projects, content.unit().code())));
        return new CheckedForm(form.format(), meta, content, cover, indicators, tasks, projects, problems.withSummary(), late, deadline);
    }

    /** Streams one table's non-empty rows through its check; cells right of the table go to {@code stray}. */
    private static <T> List<T> run(ReadForm form, RowCheck<T> check, StrayCellsCheck stray) throws WorkbookCells.UnreadableException {
        FormDefinition.Table table = check.table();
        form.rows().forEach(table, row -> {
            if (!row.isEmpty()) {
                check.accept(row);
            }
        }, cell -> stray.add(table.sheet(), cell));
        List<T> rows = check.finish();
        check.reportFormulas();
        return rows;
    }

    private static List<AuditInput.IndicatorRow> auditRows(List<CheckedForm.IndicatorValue> rows, String unit) {
        return rows.stream().map(v -> new AuditInput.IndicatorRow(v.sheet(), cells("value", v.valueCell(), "prior", v.priorCell(),
                "numerator", v.numeratorCell(), "denominator", v.denominatorCell()), v.regionCode(), v.indicatorCode(), v.value(),
                v.prior(), v.numerator(), v.denominator(), v.note(), unit, null)).toList();
    }

    private static List<AuditInput.ProjectRow> auditRows(FormDefinition.Table table, List<CheckedForm.ProjectProgress> rows, String unit) {
        return rows.stream().map(p -> new AuditInput.ProjectRow(p.sheet(), cells("total", table.column("total").col() + p.rowNo(),
                "annual_plan", table.column("annual_plan").col() + p.rowNo(), "quarter", table.column("quarter").col() + p.rowNo(),
                "ytd", table.column("ytd").col() + p.rowNo()), p.projectCode(), p.projectName(), p.total(), p.annualPlan(), p.quarter(),
                p.ytd(), p.note(), unit, null)).toList();
    }

    private static Map<String, String> cells(String... keysAndCells) {
        Map<String, String> cells = new HashMap<>();
        for (int i = 0; i < keysAndCells.length; i += 2) {
            if (keysAndCells[i + 1] != null) {
                cells.put(keysAndCells[i], keysAndCells[i + 1]);
            }
        }
        return cells;
    }

    private static CheckedForm rejected(ReadForm form, FormMeta meta, List<Problem> problems) {
        return new CheckedForm(form.format(), meta, null, null, List.of(), List.of(), List.of(), problems, false, null);
    }
}
