package cn.zhenxing.ingest;

import cn.zhenxing.form.FormContent;
import cn.zhenxing.form.FormDefinition;
import cn.zhenxing.form.ReadForm;
import cn.zhenxing.workbook.NumberCell;
import cn.zhenxing.workbook.Problem;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** 表2: each issued task once, a status from the list, a percentage between 0 and 100 that fits the status. */
final class TaskRowsCheck extends RowCheck<CheckedForm.TaskProgress> {

    private final FormDefinition.Column statusColumn;
    private final Map<String, FormContent.TaskRow> expected = new LinkedHashMap<>();
    private final Set<String> seen = new HashSet<>();
    private final List<CheckedForm.TaskProgress> rows = new ArrayList<>();

    TaskRowsCheck(FormDefinition.Table table, FormContent content, List<Problem> problems) {
        super(table, problems);
        this.statusColumn = table.column("status");
        content.tasks().forEach(t -> expected.put(t.taskCode(), t));
    }

    @Override
    void accept(ReadForm.TableRow row) {
        String code = row.get("task_code");
        FormContent.TaskRow spec = expected.get(code);
        String at = cell("task_code", row);
        if (spec == null) {
            problems.add(Problem.error(sheet, at, row.get("task_name"), "第" + row.rowNo() + "行不是下发模板中的任务（任务编码“" + code + "”）。",
                    "请不要新增行或修改任务编码；用新下载的模板重新填写。"));
            return;
        }
        String context = "任务“" + spec.taskName() + "”";
        if (!seen.add(code)) {
            problems.add(Problem.error(sheet, at, context, "此任务重复出现。", "每项任务只填一行，请删除重复的行。"));
            return;
        }
        String status = row.get("status");
        String statusCell = cell("status", row);
        if (status == null) {
            problems.add(Problem.error(sheet, statusCell, context, "进展状态未填写。", "请在下拉列表中选择：" + String.join("/", statusColumn.choices()) + "。"));
        } else if (!statusColumn.choices().contains(status)) {
            problems.add(Problem.error(sheet, statusCell, context, "进展状态“" + status + "”不是规定的选项。",
                    "请在下拉列表中选择：" + String.join("/", statusColumn.choices()) + "。"));
        }
        String percentCell = cell("percent", row);
        NumberCell.Result percent = number(row, "percent", "%", context);
        if (percent.value() == null) {
            // blank, or wrong and reported by number()
        } else if ((percent.value().signum() < 0 || percent.value().compareTo(BigDecimal.valueOf(100)) > 0)) {
            problems.add(Problem.error(sheet, percentCell, context, "完成进度" + percent.value().toPlainString() + "超出0–100的范围。", "请填写0到100之间的数字。"));
        } else if ("已完成".equals(status) && percent.value().compareTo(BigDecimal.valueOf(100)) < 0) {
            problems.add(Problem.warning(sheet, percentCell, context, "状态为“已完成”，但完成进度为" + percent.value().toPlainString() + "%。", "请核实状态或进度。"));
        }
        rows.add(new CheckedForm.TaskProgress(sheet, row.rowNo(), code, status, statusCell, percent.ok() ? percent.value() : null,
                percentCell, row.get("progress"), row.get("problems"), row.get("next_steps")));
    }

    @Override
    List<CheckedForm.TaskProgress> finish() {
        long missing = expected.keySet().stream().filter(c -> !seen.contains(c)).count();
        if (missing > 0) {
            problems.add(Problem.error(sheet, null, null, "缺少" + missing + "项下发模板中的任务，可能被删除了。", "请不要删除预填的行；用新下载的模板重新填写。"));
        }
        return rows;
    }
}
