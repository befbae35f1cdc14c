package cn.zhenxing.ingest;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import cn.zhenxing.calendar.ReportingCalendar;
import cn.zhenxing.warehouse.Quarter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import cn.zhenxing.form.FormContent;
import cn.zhenxing.form.FormContentService;
import cn.zhenxing.form.FormDefinition;
import cn.zhenxing.form.FormMeta;
import cn.zhenxing.form.ReadForm;
import cn.zhenxing.workbook.NumberCell;
import cn.zhenxing.workbook.Problem;
import cn.zhenxing.workbook.WorkbookCells;

/**
 * Checks a read form against what the province issued to its unit for its quarter, collecting every
 * problem at once (rules: etl/forms/README.md). Errors reject the whole file; warnings do not.
 */
@Component
public class FormValidator {

    /** A value moving more than this share against last quarter or last year is worth a second look. */
    static final BigDecimal JUMP = new BigDecimal("0.5");
    private static final Set<String> MAY_BE_NEGATIVE = Set.of("growth_rate", "reduction");

    private final FormContentService contents;
    private final ReportingCalendar calendar;
    private final JdbcTemplate jdbc;

    public FormValidator(FormContentService contents, ReportingCalendar calendar, JdbcTemplate jdbc) {
        this.contents = contents;
        this.calendar = calendar;
        this.jdbc = jdbc;
    }

    /**
     * @param expectedUnit the uploader's unit when known (web upload, mail sender): a form of another
     *                     unit is refused; null when the channel does not say (CLI, inbox)
     * @param receivedOn   date the file arrived, for the deadline
     */
    public CheckedForm check(ReadForm form, FormDefinition def, String expectedUnit, LocalDate receivedOn)
            throws WorkbookCells.UnreadableException {
        Problems problems = new Problems();
        FormMeta meta = form.formMeta();
        String fix = "请从系统下载本单位本期的报表模板，在模板中填写后报送。";
        if (!form.isZhenxingForm()) {
            problems.add(Problem.error(null, null, null, "这不是省里下发的监测季报模板（找不到模板标识），可能用了其他表格或复制粘贴到了新文件中。", fix));
            return rejected(form, meta, problems);
        }
        if (!def.templateVersion().equals(meta.templateVersion())) {
            problems.add(Problem.error(null, null, null, "模板版本“" + meta.templateVersion() + "”已停用，现行版本为“" + def.templateVersion() + "”。", fix));
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
        checkHeaders(form, def, problems);
        CheckedForm.Cover cover = checkCover(form, def, content, problems);
        Map<String, StrayCells> stray = new LinkedHashMap<>();
        List<CheckedForm.IndicatorValue> indicators = checkIndicators(form, def, content, problems, stray);
        List<CheckedForm.TaskProgress> tasks = checkTasks(form, def, content, problems, stray);
        List<CheckedForm.ProjectProgress> projects = checkProjects(form, def, content, problems, stray);
        stray.forEach((sheet, cells) -> problems.add(Problem.error(sheet, cells.examples.get(0), null,
                "表格右侧多出了内容（共" + cells.count + "个单元格，如 " + String.join("、", cells.examples) + "）。",
                "请不要在表格外增加列或填写内容，删除这些单元格后重新报送。")));
        return new CheckedForm(form.format(), meta, content, cover, indicators, tasks, projects, problems.withSummary(), late, deadline);
    }

    /** Cells outside the table: a count and the first few addresses, however many there are. */
    static final class StrayCells {
        final List<String> examples = new ArrayList<>();
        long count;

        void add(String cell) {
            if (examples.size() < 3) {
                examples.add(cell);
            }
            count++;
        }
    }

    /**
     * The findings, capped: a file with a million wrong rows must not fill memory. Past the cap only
     * the count is kept, and one last line says how many more there were.
     */
    static final class Problems extends ArrayList<Problem> {
        static final int CAP = 1000;
        private long dropped;

        @Override
        public boolean add(Problem problem) {
            if (size() >= CAP) {
                dropped++;
                return false;
            }
            return super.add(problem);
        }

        List<Problem> withSummary() {
            if (dropped > 0) {
                super.add(Problem.error(null, null, null, "另有" + dropped + "处问题未逐一列出。", "请先修改以上问题，重新报送后再看其余问题。"));
            }
            return this;
        }
    }

    private static CheckedForm rejected(ReadForm form, FormMeta meta, List<Problem> problems) {
        return new CheckedForm(form.format(), meta, null, null, List.of(), List.of(), List.of(), problems, false, null);
    }

    private static void checkHeaders(ReadForm form, FormDefinition def, List<Problem> problems) {
        for (FormDefinition.Table table : def.tables()) {
            Map<Integer, String> headers = form.headers().getOrDefault(table.sheet(), Map.of());
            for (FormDefinition.Column column : table.columns()) {
                String actual = headers.get(column.index());
                if (actual == null || !actual.strip().equals(column.header())) {
                    problems.add(Problem.error(table.sheet(), column.col() + table.headerRow(), null,
                            "表头应为“" + column.header() + "”，实际为“" + (actual == null ? "（空）" : actual.strip()) + "”：列被插入、删除、移动或改名。",
                            "请不要调整表格的列；用新下载的模板重新填写。"));
                }
            }
        }
    }

    private CheckedForm.Cover checkCover(ReadForm form, FormDefinition def, FormContent content, List<Problem> problems) {
        String sheet = def.cover().sheet();
        Map<String, String> values = new HashMap<>();
        for (FormDefinition.Field field : def.cover().fields()) {
            String value = form.cover().get(field.cell());
            value = value == null || value.isBlank() ? null : value.strip();
            values.put(field.key(), value);
            if (field.required() && value == null) {
                problems.add(Problem.error(sheet, field.cell(), null, "封面“" + field.label() + "”未填写。", "请在" + field.cell() + "单元格填写" + field.label() + "。"));
            }
        }
        String phone = values.get("phone");
        if (phone != null && !phone.matches("[0-9０-９\\-－+()（） ]{7,20}")) {
            problems.add(Problem.error(sheet, def.cover().field("phone").cell(), null, "联系电话“" + phone + "”格式不正确。",
                    "请填写固定电话（如0351-1234567）或手机号码，不要写文字。"));
        }
        LocalDate fillDate = null;
        String date = values.get("fill_date");
        if (date != null) {
            try {
                fillDate = LocalDate.parse(date.replace('/', '-').replace('.', '-').replaceAll("年|月", "-").replace("日", ""),
                        java.time.format.DateTimeFormatter.ofPattern("yyyy-M-d"));
            } catch (DateTimeParseException e) {
                problems.add(Problem.error(sheet, def.cover().field("fill_date").cell(), null, "填报日期“" + date + "”不是有效日期。",
                        "请按 2025-10-15 的格式填写日期。"));
            }
        }
        String unitName = values.get("unit_name");
        if (unitName != null && !unitName.equals(content.unit().name())) {
            problems.add(Problem.error(sheet, def.cover().field("unit_name").cell(), null, "填报单位被改为“" + unitName + "”，与模板所属单位“"
                    + content.unit().name() + "”不一致。", "请使用本单位的模板，不要修改预填内容。"));
        }
        return new CheckedForm.Cover(values.get("filler"), phone, values.get("reviewer"), fillDate);
    }

    private List<CheckedForm.IndicatorValue> checkIndicators(ReadForm form, FormDefinition def, FormContent content, List<Problem> problems,
                                                             Map<String, StrayCells> stray) throws WorkbookCells.UnreadableException {
        FormDefinition.Table table = def.table("indicators");
        String sheet = table.sheet();
        Map<String, FormContent.IndicatorRow> expected = new LinkedHashMap<>();
        content.indicators().forEach(r -> expected.put(r.key(), r));
        Set<String> jurisdiction = new HashSet<>();
        content.indicators().forEach(r -> jurisdiction.add(r.regionCode()));
        Map<String, BigDecimal> previous = previousValues(content);
        Set<String> seen = new HashSet<>();
        List<CheckedForm.IndicatorValue> values = new ArrayList<>();
        form.rows().forEach(table, row -> {
            if (row.isEmpty()) {
                return;
            }
            String region = row.get("region_code");
            String code = row.get("indicator_code");
            String at = table.column("region_code").col() + row.rowNo();
            FormContent.IndicatorRow spec = expected.get(region + "|" + code);
            if (spec == null) {
                if (region != null && !jurisdiction.contains(region)) {
                    problems.add(Problem.error(sheet, at, row.get("region_name"), "地区代码“" + region + "”不在“" + content.unit().name()
                            + "”的填报范围内。", "只填报本单位所辖地区；其他地区由其所属单位报送。请删除此行或用新模板重新填写。"));
                } else {
                    problems.add(Problem.error(sheet, at, describe(row.get("region_name"), row.get("indicator_name")),
                            "第" + row.rowNo() + "行不是下发模板中的行（地区代码“" + region + "”、指标编码“" + code + "”）。",
                            "请不要新增行或修改预填的代码；用新下载的模板重新填写。"));
                }
                return;
            }
            String context = describe(spec.regionName(), spec.indicatorName());
            if (!seen.add(spec.key())) {
                problems.add(Problem.error(sheet, at, context, "此行重复出现。", "每个地区的每项指标只填一行，请删除重复的行。"));
                return;
            }
            if (!spec.regionName().equals(row.get("region_name")) || !spec.indicatorName().equals(row.get("indicator_name"))) {
                problems.add(Problem.error(sheet, at, context, "预填的地区名称或指标名称被修改。", "请不要修改灰色的预填内容。"));
            }
            String note = row.get("note");
            NumberCell.Result value = number(row, "value", spec, table, sheet, context, problems);
            NumberCell.Result prior = number(row, "prior_value", spec, table, sheet, context, problems);
            NumberCell.Result numerator = number(row, "numerator", spec, table, sheet, context, problems);
            NumberCell.Result denominator = number(row, "denominator", spec, table, sheet, context, problems);
            String valueCell = table.column("value").col() + row.rowNo();
            if (value.blank() && spec.required() && note == null) {
                problems.add(Problem.error(sheet, valueCell, context, "本期值未填写。", "请填写本期值；确实无法填报的，请在“备注”中说明原因。"));
            }
            if (value.ok() && value.value() != null) {
                checkRange(value.value(), spec, sheet, valueCell, context, problems);
                checkJump(value.value(), previous.get(spec.key()), "上季度", sheet, valueCell, context, problems);
                if (prior.ok() && prior.value() != null) {
                    checkJump(value.value(), prior.value(), "上年同期", sheet, valueCell, context, problems);
                }
            }
            if (numerator.ok() && denominator.ok() && denominator.value() != null && denominator.value().signum() == 0) {
                problems.add(Problem.error(sheet, table.column("denominator").col() + row.rowNo(), context, "分母值为0。", "请填写实际的分母值。"));
            }
            values.add(new CheckedForm.IndicatorValue(sheet, row.rowNo(), region, code, row.get("value"), value.value(), valueCell,
                    row.get("prior_value"), prior.value(), table.column("prior_value").col() + row.rowNo(),
                    numerator.value(), table.column("numerator").col() + row.rowNo(),
                    denominator.value(), table.column("denominator").col() + row.rowNo(), note));
        }, cell -> stray.computeIfAbsent(table.sheet(), k -> new StrayCells()).add(cell));
        List<FormContent.IndicatorRow> missing = expected.values().stream().filter(r -> !seen.contains(r.key())).toList();
        if (!missing.isEmpty()) {
            FormContent.IndicatorRow first = missing.get(0);
            problems.add(Problem.error(sheet, null, describe(first.regionName(), first.indicatorName()),
                    "缺少" + missing.size() + "行下发模板中的行（如“" + first.regionName() + " " + first.indicatorName() + "”），可能被删除了。",
                    "请不要删除预填的行；用新下载的模板重新填写。"));
        }
        return values;
    }

    private static NumberCell.Result number(ReadForm.TableRow row, String key, FormContent.IndicatorRow spec, FormDefinition.Table table,
                                            String sheet, String context, List<Problem> problems) {
        NumberCell.Result result = NumberCell.parse(row.get(key), spec.unit());
        if (!result.ok()) {
            FormDefinition.Column column = table.column(key);
            problems.add(Problem.error(sheet, column.col() + row.rowNo(), context, column.header() + result.errorZh(), null));
        }
        return result;
    }

    private static void checkRange(BigDecimal value, FormContent.IndicatorRow spec, String sheet, String cell, String context,
                                   List<Problem> problems) {
        boolean mayBeNegative = MAY_BE_NEGATIVE.contains(spec.valueKind());
        if (value.signum() < 0 && !mayBeNegative) {
            problems.add(Problem.error(sheet, cell, context, "本期值为负数（" + value.toPlainString() + "），此指标不可能为负。", "请核实后填写正确数值。"));
        }
        if ("%".equals(spec.unit()) && !mayBeNegative && value.compareTo(BigDecimal.valueOf(100)) > 0 && "level".equals(spec.valueKind())) {
            problems.add(Problem.error(sheet, cell, context, "百分比为" + value.toPlainString() + "，超出0–100的范围。",
                    "百分比请填写0到100之间的数字（如65.3表示65.3%），不要填写小数形式或带%以外的符号。"));
        }
    }

    private static void checkJump(BigDecimal value, BigDecimal reference, String against, String sheet, String cell, String context,
                                  List<Problem> problems) {
        if (reference == null || reference.signum() == 0) {
            return;
        }
        BigDecimal change = value.subtract(reference).abs().divide(reference.abs(), 4, RoundingMode.HALF_UP);
        if (change.compareTo(JUMP) > 0) {
            problems.add(Problem.warning(sheet, cell, context, "本期值" + value.stripTrailingZeros().toPlainString() + "与" + against + "（"
                    + reference.stripTrailingZeros().toPlainString() + "）相比变化" + change.movePointRight(2).setScale(0, RoundingMode.HALF_UP)
                    + "%，变化较大。", "请核实数据；如属实，请在“备注”中说明原因。"));
        }
    }

    private Map<String, BigDecimal> previousValues(FormContent content) {
        int previousKey = content.period().previous().key();
        Map<String, BigDecimal> previous = new HashMap<>();
        jdbc.query(SubmissionStore.SQL.get("previousValues"), rs -> {
            previous.put(rs.getString("region_code") + "|" + rs.getString("indicator_code"), rs.getBigDecimal("value"));
        }, content.unit().unitKey(), previousKey);
        return previous;
    }

    private List<CheckedForm.TaskProgress> checkTasks(ReadForm form, FormDefinition def, FormContent content, List<Problem> problems,
                                                      Map<String, StrayCells> stray) throws WorkbookCells.UnreadableException {
        FormDefinition.Table table = def.table("tasks");
        String sheet = table.sheet();
        Map<String, FormContent.TaskRow> expected = new LinkedHashMap<>();
        content.tasks().forEach(t -> expected.put(t.taskCode(), t));
        FormDefinition.Column statusColumn = table.column("status");
        Set<String> seen = new HashSet<>();
        List<CheckedForm.TaskProgress> rows = new ArrayList<>();
        form.rows().forEach(table, row -> {
            if (row.isEmpty()) {
                return;
            }
            String code = row.get("task_code");
            FormContent.TaskRow spec = expected.get(code);
            String at = table.column("task_code").col() + row.rowNo();
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
            String statusCell = statusColumn.col() + row.rowNo();
            if (status == null) {
                problems.add(Problem.error(sheet, statusCell, context, "进展状态未填写。", "请在下拉列表中选择：" + String.join("/", statusColumn.choices()) + "。"));
            } else if (!statusColumn.choices().contains(status)) {
                problems.add(Problem.error(sheet, statusCell, context, "进展状态“" + status + "”不是规定的选项。",
                        "请在下拉列表中选择：" + String.join("/", statusColumn.choices()) + "。"));
            }
            String percentCell = table.column("percent").col() + row.rowNo();
            NumberCell.Result percent = NumberCell.parse(row.get("percent"), "%");
            if (!percent.ok()) {
                problems.add(Problem.error(sheet, percentCell, context, "完成进度" + percent.errorZh(), null));
            } else if (percent.value() != null && (percent.value().signum() < 0 || percent.value().compareTo(BigDecimal.valueOf(100)) > 0)) {
                problems.add(Problem.error(sheet, percentCell, context, "完成进度" + percent.value().toPlainString() + "超出0–100的范围。", "请填写0到100之间的数字。"));
            } else if ("已完成".equals(status) && percent.value() != null && percent.value().compareTo(BigDecimal.valueOf(100)) < 0) {
                problems.add(Problem.warning(sheet, percentCell, context, "状态为“已完成”，但完成进度为" + percent.value().toPlainString() + "%。", "请核实状态或进度。"));
            }
            rows.add(new CheckedForm.TaskProgress(sheet, row.rowNo(), code, status, statusCell, percent.ok() ? percent.value() : null,
                    percentCell, row.get("progress"), row.get("problems"), row.get("next_steps")));
        }, cell -> stray.computeIfAbsent(table.sheet(), k -> new StrayCells()).add(cell));
        long missing = expected.keySet().stream().filter(c -> !seen.contains(c)).count();
        if (missing > 0) {
            problems.add(Problem.error(sheet, null, null, "缺少" + missing + "项下发模板中的任务，可能被删除了。", "请不要删除预填的行；用新下载的模板重新填写。"));
        }
        return rows;
    }

    private List<CheckedForm.ProjectProgress> checkProjects(ReadForm form, FormDefinition def, FormContent content, List<Problem> problems,
                                                            Map<String, StrayCells> stray) throws WorkbookCells.UnreadableException {
        FormDefinition.Table table = def.table("projects");
        String sheet = table.sheet();
        Map<String, FormContent.ProjectRow> expected = new LinkedHashMap<>();
        content.projects().forEach(p -> expected.put(p.projectCode(), p));
        Map<String, BigDecimal> previousYtd = new HashMap<>();
        if (content.period().quarter() > 1) {
            jdbc.query(SubmissionStore.SQL.get("previousProjectYtd"), rs -> {
                previousYtd.put(rs.getString("project_code"), rs.getBigDecimal("ytd_investment_yi"));
            }, content.unit().unitKey(), content.period().previous().key());
        }
        FormDefinition.Column milestone = table.column("milestone");
        Set<String> seen = new HashSet<>();
        List<CheckedForm.ProjectProgress> rows = new ArrayList<>();
        form.rows().forEach(table, row -> {
            if (row.isEmpty()) {
                return;
            }
            String code = row.get("project_code");
            String name = row.get("project_name");
            String first = table.column("project_code").col() + row.rowNo();
            if (code != null && !expected.containsKey(code)) {
                problems.add(Problem.error(sheet, first, name, "项目编码“" + code + "”不是下发给本单位的项目。", "新增项目请将项目编码留空，只填写项目名称等内容。"));
                return;
            }
            if (code == null && name == null) {
                problems.add(Problem.error(sheet, table.column("project_name").col() + row.rowNo(), null, "新增项目未填写项目名称。", "请填写项目名称，或清空此行。"));
                return;
            }
            String context = "项目“" + (code != null ? expected.get(code).projectName() : name) + "”";
            if (!seen.add(code != null ? code : "new:" + name)) {
                problems.add(Problem.error(sheet, first, context, "此项目重复出现。", "每个项目只填一行，请删除重复的行。"));
                return;
            }
            BigDecimal[] amounts = new BigDecimal[4];
            String[] keys = {"total", "annual_plan", "quarter", "ytd"};
            for (int i = 0; i < keys.length; i++) {
                FormDefinition.Column column = table.column(keys[i]);
                NumberCell.Result r = NumberCell.parse(row.get(keys[i]), "亿元");
                if (!r.ok()) {
                    problems.add(Problem.error(sheet, column.col() + row.rowNo(), context, column.header() + r.errorZh(), null));
                } else if (r.value() != null && r.value().signum() < 0) {
                    problems.add(Problem.error(sheet, column.col() + row.rowNo(), context, column.header() + "为负数。", "投资额不能为负，请核实。"));
                } else {
                    amounts[i] = r.value();
                }
            }
            if (amounts[2] != null && amounts[3] != null && amounts[3].compareTo(amounts[2]) < 0) {
                problems.add(Problem.error(sheet, table.column("ytd").col() + row.rowNo(), context,
                        "年初至今累计完成投资（" + amounts[3].toPlainString() + "）小于本季度完成投资（" + amounts[2].toPlainString() + "）。",
                        "累计投资包含本季度投资，请核实两个数。"));
            }
            BigDecimal before = code == null ? null : previousYtd.get(code);
            if (before != null && amounts[3] != null && amounts[3].compareTo(before) < 0) {
                problems.add(Problem.warning(sheet, table.column("ytd").col() + row.rowNo(), context,
                        "年初至今累计完成投资比上季度（" + before.toPlainString() + "）减少了。", "累计值在年内不应下降，请核实。"));
            }
            String stage = row.get("milestone");
            if (stage != null && !milestone.choices().contains(stage)) {
                problems.add(Problem.error(sheet, milestone.col() + row.rowNo(), context, "形象进度“" + stage + "”不是规定的选项。",
                        "请在下拉列表中选择：" + String.join("/", milestone.choices()) + "。"));
            }
            rows.add(new CheckedForm.ProjectProgress(sheet, row.rowNo(), code, code != null ? expected.get(code).projectName() : name,
                    amounts[0], amounts[1], amounts[2], amounts[3], stage, row.get("note"), first));
        }, cell -> stray.computeIfAbsent(table.sheet(), k -> new StrayCells()).add(cell));
        return rows;
    }

    private static String describe(String region, String indicator) {
        if (region == null && indicator == null) {
            return null;
        }
        return (region == null ? "" : region) + (indicator == null ? "" : "“" + indicator + "”");
    }
}
