package cn.zhenxing.form;

import static cn.zhenxing.form.SheetLayout.fitHeight;
import static cn.zhenxing.form.SheetLayout.lines;
import static cn.zhenxing.form.SheetLayout.set;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** The 填报说明 sheet: how to fill the form in, and the list of 表1's indicators with their requirements. */
final class InstructionsSheet {

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
        r++;
        set(sheet, r++, 0, "附：本表所列指标", st.left);
        String[] heads = {"指标编码", "指标名称", "计量单位", "填报要求"};
        for (int i = 0; i < heads.length; i++) {
            set(sheet, r, i, heads[i], st.header);
        }
        sheet.getRow(r).setHeightInPoints(22);
        Map<String, FormContent.IndicatorRow> distinct = new LinkedHashMap<>();
        content.indicators().forEach(i -> distinct.putIfAbsent(i.indicatorCode(), i));
        for (FormContent.IndicatorRow i : distinct.values()) {
            r++;
            String requirement = i.ratio() ? "比率类：同时填写分子值、分母值" : "";
            set(sheet, r, 0, i.indicatorCode(), st.locked);
            set(sheet, r, 1, i.indicatorName(), st.lockedWrap);
            set(sheet, r, 2, i.unit(), st.lockedCentre);
            set(sheet, r, 3, requirement, st.lockedWrap);
            fitHeight(sheet, r, Math.max(lines(i.indicatorName(), widths[1]), lines(requirement, widths[3])));
        }
        if (distinct.isEmpty()) {
            set(sheet, ++r, 0, "本期表1无指标。", st.left);
        }
        SheetLayout.printSetup(sheet, 0, false);
        SheetLayout.protect(sheet);
    }

    private static List<String> paragraphs(FormDefinition def, FormContent content) {
        FormDefinition.Table t1 = def.table("indicators");
        FormDefinition.Table t2 = def.table("tasks");
        FormDefinition.Table t3 = def.table("projects");
        return List.of(
                "本表为" + def.issuer() + "制定的" + def.title() + "（表号：" + def.tableNo() + "），按季度填报，"
                        + "报告期为" + content.period().labelZh() + "。",
                "一、只在黄色单元格中填写。白色单元格是省里预填的代码、名称和计量单位，灰色单元格不需要填写，均不能修改。",
                "二、数值单元格只填阿拉伯数字，不要带计量单位、文字或“约”“左右”等字样。表1的计量单位见“计量单位”列，"
                        + "表3的金额单位为亿元。",
                "三、本期值留空表示“未报送”。本单位负责报送的指标确实无法填报的，请在“备注”中说明原因；"
                        + "留空又无说明的，报表将被退回。",
                "四、百分比（%）指标和“" + t2.column("percent").header() + "”填写0到100之间的数字，如65.3%填65.3。"
                        + "比率类指标请同时填写“" + t1.column("numerator").header() + "”和“" + t1.column("denominator").header()
                        + "”（不是比率的指标这两格为灰色，不用填）。",
                "五、" + t2.sheet().split(" ")[0] + "“" + t2.column("status").header() + "”请从下拉列表中选择："
                        + String.join("、", t2.column("status").choices()) + "。",
                "六、" + t3.sheet().split(" ")[0] + "已列出本单位的项目。目录外的新增项目填写在表下方的空白行中："
                        + "项目编码留空（报送后由系统赋码），填写项目名称、投资额和形象进度。空白行不够时请另行报送说明。",
                "七、不要插入、删除或移动行和列，不要重命名、删除或新增工作表；可以调整行高和列宽。",
                "八、填好后保存为.xlsx文件（也可另存为.xls）报送，文件名可以不改。同一报告期再次报送的作为新版本，"
                        + "以最后一次通过审核的为准。",
                "九、报表经审核规则检查：强制性审核（如比率与分子分母不符、计数不是整数、县数值超过全省）必须改正；"
                        + "核实性审核（如与上年同期相比变化过大、市合计与所辖县合计不符）请先核实，数据属实的请在该行“备注”中写明具体原因"
                        + "（如“新建某某项目投产，产量增加”），“核实无误”“属实”等不算说明，没有说明的报表将被退回。");
    }
}
