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

/**
 * 表3: issued projects (or new ones by name) once each; amounts are numbers; a milestone from the
 * list. How the amounts relate (year-to-date vs quarter, plan vs total) is for etl/rules.
 */
final class ProjectRowsCheck extends RowCheck<CheckedForm.ProjectProgress> {

    private static final String[] AMOUNTS = {"total", "annual_plan", "quarter", "ytd"};

    private final FormDefinition.Column milestone;
    private final Map<String, FormContent.ProjectRow> expected = new LinkedHashMap<>();
    private final Set<String> seen = new HashSet<>();
    private final List<CheckedForm.ProjectProgress> rows = new ArrayList<>();

    ProjectRowsCheck(FormDefinition.Table table, FormContent content, List<Problem> problems) {
        super(table, problems);
        this.milestone = table.column("milestone");
        content.projects().forEach(p -> expected.put(p.projectCode(), p));
    }

    @Override
    void accept(ReadForm.TableRow row) {
        String code = row.get("project_code");
        String name = row.get("project_name");
        String first = cell("project_code", row);
        if (code != null && !expected.containsKey(code)) {
            problems.add(Problem.error(sheet, first, name, "项目编码“" + code + "”不是下发给本单位的项目。", "新增项目请将项目编码留空，只填写项目名称等内容。"));
            return;
        }
        if (code == null && name == null) {
            problems.add(Problem.error(sheet, cell("project_name", row), null, "新增项目未填写项目名称。", "请填写项目名称，或清空此行。"));
            return;
        }
        String projectName = code != null ? expected.get(code).projectName() : name;
        String context = "项目“" + projectName + "”";
        if (!seen.add(code != null ? code : "new:" + name)) {
            problems.add(Problem.error(sheet, first, context, "此项目重复出现。", "每个项目只填一行，请删除重复的行。"));
            return;
        }
        BigDecimal[] amounts = new BigDecimal[AMOUNTS.length];
        for (int i = 0; i < AMOUNTS.length; i++) {
            amounts[i] = number(row, AMOUNTS[i], "亿元", context).value();
        }
        String stage = row.get("milestone");
        if (stage != null && !milestone.choices().contains(stage)) {
            problems.add(Problem.error(sheet, cell("milestone", row), context, "形象进度“" + stage + "”不是规定的选项。",
                    "请在下拉列表中选择：" + String.join("/", milestone.choices()) + "。"));
        }
        rows.add(new CheckedForm.ProjectProgress(sheet, row.rowNo(), code, projectName,
                amounts[0], amounts[1], amounts[2], amounts[3], stage, row.get("note"), first));
    }

    @Override
    List<CheckedForm.ProjectProgress> finish() {
        return rows;
    }
}
