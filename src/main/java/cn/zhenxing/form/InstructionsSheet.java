package cn.zhenxing.form;

import static cn.zhenxing.form.SheetLayout.fitHeight;
import static cn.zhenxing.form.SheetLayout.lines;
import static cn.zhenxing.form.SheetLayout.set;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The 填报说明 sheet (how to fill the form in, the deadline and the submission channels) and the
 * 指标解释 sheet (each indicator of 表1 once: definition, 口径, unit, source plan and target, what to fill),
 * generated from the catalog.
 */
final class InstructionsSheet {

    /** Definitions the plans do not give are working readings: said so on every such row. */
    static final String UNDEFINED = "〔规划未作定义：本解释按指标名称、计量单位和口径拟定，以省直责任部门解释为准〕";

    private InstructionsSheet() {}

    static void write(XSSFWorkbook wb, FormDefinition def, FormContent content, FormStyles st) {
        XSSFSheet sheet = wb.createSheet(TemplateWriter.INSTRUCTIONS_SHEET);
        sheet.setDisplayGridlines(false);
        int[] widths = {12, 44, 12, 30};
        for (int i = 0; i < widths.length; i++) {
            sheet.setColumnWidth(i, widths[i] * 256);
        }
        int total = Arrays.stream(widths).sum();
        set(sheet, 0, 0, "填报说明", st.title);
        sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, widths.length - 1));
        sheet.getRow(0).setHeightInPoints(30);
        int r = 2;
        for (String line : paragraphs(def, content)) {
            set(sheet, r, 0, line, st.paragraph);
            sheet.addMergedRegion(new CellRangeAddress(r, r, 0, widths.length - 1));
            sheet.getRow(r).setHeightInPoints(lines(line, total) * SheetLayout.LINE_POINTS + 4);
            r++;
        }
        SheetLayout.printSetup(sheet, 0, false);
        SheetLayout.protect(sheet);
    }

    /** 指标解释: one row per indicator of 表1, in the form's order. */
    static void writeExplanations(XSSFWorkbook wb, FormDefinition def, FormContent content, FormStyles st) {
        XSSFSheet sheet = wb.createSheet(TemplateWriter.EXPLANATIONS_SHEET);
        sheet.setDisplayGridlines(false);
        String[] heads = {"指标编码", "指标名称", "计量单位", "口径", "指标解释（定义和计算方法）", "来源规划及目标", "填报要求"};
        int[] widths = {11, 26, 9, 16, 48, 30, 28};
        for (int i = 0; i < widths.length; i++) {
            sheet.setColumnWidth(i, SheetLayout.columnWidth(widths[i]));
        }
        set(sheet, 0, 0, "指标解释", st.title);
        sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, widths.length - 1));
        sheet.getRow(0).setHeightInPoints(30);
        set(sheet, 1, 0, "报告期：" + content.period().labelZh() + "。口径中的“1—N月累计”指本年1月至本季度末的累计数，第四季度为全年数；"
                + "“期末数”指报告期末的时点数或水平值；增长（降低）均为百分比，与上年同期相比。", st.paragraph);
        sheet.addMergedRegion(new CellRangeAddress(1, 1, 0, widths.length - 1));
        sheet.getRow(1).setHeightInPoints(2 * SheetLayout.LINE_POINTS + 4);
        int r = 2;
        for (int i = 0; i < heads.length; i++) {
            set(sheet, r, i, heads[i], st.header);
        }
        sheet.getRow(r).setHeightInPoints(22);
        Map<String, FormContent.IndicatorRow> distinct = new LinkedHashMap<>();
        content.indicators().forEach(i -> distinct.putIfAbsent(i.indicatorCode(), i));
        for (FormContent.IndicatorRow i : distinct.values()) {
            r++;
            FormContent.Explanation e = i.explanation();
            String[] cells = {i.indicatorCode(), i.indicatorName(), i.unit(), basis(e, content),
                    (e.definition() == null ? "" : e.definition()) + (e.undefinedByPlans() ? UNDEFINED : ""),
                    (e.planTitle() == null ? "" : e.planTitle()) + (e.target() == null ? "" : "；目标 " + e.target()),
                    requirement(i)};
            int lines = 1;
            for (int c = 0; c < cells.length; c++) {
                set(sheet, r, c, cells[c], c == 2 ? st.lockedCentre : st.lockedWrap);
                lines = Math.max(lines, lines(cells[c], widths[c]));
            }
            fitHeight(sheet, r, lines);
        }
        if (distinct.isEmpty()) {
            set(sheet, ++r, 0, "本期表1无指标。", st.left);
        }
        sheet.createFreezePane(0, 3);
        SheetLayout.printSetup(sheet, 3, true);
        SheetLayout.protect(sheet);
    }

    static String basis(FormContent.Explanation e, FormContent content) {
        String basis = e.basisZh(content.period());
        String base = e.growthBaseZh();
        return base.isEmpty() || basis.contains("上年同期") || basis.contains("基期") ? basis : basis + "（" + base + "）";
    }

    /** What the row asks: the ratio's parts, whole numbers, the 0–100 range. */
    static String requirement(FormContent.IndicatorRow i) {
        List<String> parts = new ArrayList<>();
        if (i.ratio()) {
            parts.add("比率类：同时填写分子值（" + i.explanation().numeratorName() + "）和分母值（" + i.explanation().denominatorName() + "）");
        }
        String range = i.explanation().valueRange();
        if ("share".equals(range)) {
            parts.add("0到100之间");
        } else if ("count".equals(range)) {
            parts.add("整数");
        } else if ("signed".equals(range)) {
            parts.add("下降时填负数");
        } else {
            parts.add("不小于0");
        }
        return String.join("；", parts);
    }

    private static List<String> paragraphs(FormDefinition def, FormContent content) {
        FormDefinition.Table t1 = def.table("indicators");
        FormDefinition.Table t2 = def.table("tasks");
        FormDefinition.Table t3 = def.table("projects");
        List<String> channels = new ArrayList<>();
        for (int i = 0; i < def.channels().size(); i++) {
            channels.add("（" + (i + 1) + "）" + def.channels().get(i));
        }
        String tableNos = String.join("、", def.tables().stream().map(t -> t.tableNo() + " " + t.caption()).toList());
        return List.of(
                "本报表制度由" + def.issuer() + "制定，" + def.approver() + "批准（批准文号：" + def.approvalNo() + "，有效期至"
                        + def.validUntil() + "），包括" + tableNos + "，按季度填报，报告期为" + content.period().labelZh() + "。",
                "一、报送时间和方式：请于" + CoverSheet.dateZh(content.deadline()) + "前报送，逾期的记为迟报。报送方式："
                        + String.join("；", channels) + "。",
                "二、只在黄色单元格中填写。白色单元格是省里预填的代码、名称、计量单位、口径和上年同期值，灰色单元格不需要填写，均不能修改。"
                        + "表头下一行为栏次：甲、乙、丙……为主栏，1、2、3……为数值栏。",
                "三、数值单元格只填阿拉伯数字，不要带计量单位、文字或“约”“左右”等字样。" + t1.sheet().split(" ")[0]
                        + "的计量单位见“计量单位”列，口径（1—N月累计、期末数、比上年同期增长等）见“口径”列，每个指标的定义见“"
                        + TemplateWriter.EXPLANATIONS_SHEET + "”工作表；选中单元格时会提示计量单位和口径。表3的金额单位为亿元。",
                "四、本期值留空表示“未报送”。本单位负责报送的指标确实无法填报的，请在“备注”中说明原因；"
                        + "留空又无说明的，报表将被退回。",
                "五、“" + t1.column("prior_value").header() + "”由系统按已审核通过的上年同期数据预填并锁定；如需更正上年数据，"
                        + "请重新报送上年同期的报表。系统中没有上年数据的，该单元格为黄色，请按上年统计数据填写。",
                "六、百分比（%）指标和“" + t2.column("percent").header() + "”填写0到100之间的数字，如65.3%填65.3；增长率下降时填负数；"
                        + "计数类指标填整数。比率类指标请同时填写“" + t1.column("numerator").header() + "”和“"
                        + t1.column("denominator").header() + "”，分子、分母的名称和计量单位见“" + t1.column("ratio_parts").header()
                        + "”列（不是比率的指标这几格为灰色，不用填）。",
                "七、" + t2.sheet().split(" ")[0] + "“" + t2.column("status").header() + "”请从下拉列表中选择："
                        + String.join("、", t2.column("status").choices()) + "。",
                "八、" + t3.sheet().split(" ")[0] + "已列出本单位的项目。目录外的新增项目填写在表下方的空白行中："
                        + "项目编码留空（报送后由系统赋码），填写项目名称、投资额和形象进度。空白行不够时请另行报送说明。",
                "九、不要插入、删除或移动行和列，不要重命名、删除或新增工作表；可以调整行高和列宽。",
                "十、填好后保存为.xlsx文件（也可另存为.xls）报送，文件名可以不改。同一报告期再次报送的作为新版本，"
                        + "以最后一次通过审核的为准。封面最下方一行请填写单位负责人、统计负责人、填表人、联系电话和报出日期。",
                "十一、报表经审核规则检查：强制性审核（如比率与分子分母不符、计数不是整数、县数值超过全省）必须改正；"
                        + "核实性审核（如与上年同期相比变化过大、市合计与所辖县合计不符）请先核实，数据属实的请在该行“备注”中写明具体原因"
                        + "（如“新建某某项目投产，产量增加”），“核实无误”“属实”等不算说明，没有说明的报表将被退回。");
    }
}
