package cn.zhenxing.form;

import static cn.zhenxing.form.SheetLayout.set;

import cn.zhenxing.form.FormDefinition.ColumnType;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** The cover: title, 表号/制定机关, the unit and period pre-filled, the filler's fields, notes and signature line. */
final class CoverSheet {

    private CoverSheet() {}

    static void write(XSSFWorkbook wb, FormDefinition def, FormContent content, FormStyles st) {
        XSSFSheet sheet = wb.createSheet(def.cover().sheet());
        sheet.setDisplayGridlines(false);
        sheet.setColumnWidth(0, 18 * 256);
        sheet.setColumnWidth(1, 64 * 256);
        int lastCol = def.cover().fields().stream().mapToInt(f -> f.ref().getCol()).max().orElse(1);
        set(sheet, 0, 0, def.title(), st.coverTitle);
        sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, lastCol));
        sheet.getRow(0).setHeightInPoints(54);
        set(sheet, 1, lastCol, "表号：" + def.tableNo(), st.right);
        set(sheet, 2, lastCol, "制定机关：" + def.issuer(), st.right);
        int lastRow = 2;
        for (FormDefinition.Field field : def.cover().fields()) {
            CellReference ref = field.ref();
            int r = ref.getRow();
            int c = ref.getCol();
            lastRow = Math.max(lastRow, r);
            set(sheet, r, c - 1, field.label() + (field.required() ? "（必填）" : ""), st.header);
            String value = switch (field.key()) {
                case "unit_name" -> content.unit().name();
                case "period" -> content.period().labelZh();
                default -> null;
            };
            CellStyle style = field.prefilled() ? st.locked
                    : field.type() == ColumnType.DATE ? st.inputDate : st.inputText;
            set(sheet, r, c, value, style);
            sheet.getRow(r).setHeightInPoints(24);
            if (field.prefilled()) {
                continue;
            }
            if (field.type() == ColumnType.DATE) {
                FormValidations.date(sheet, r, c, field.label());
            } else if (field.type() == ColumnType.PHONE) {
                FormValidations.phone(sheet, r, c, field.label());
            }
        }
        set(sheet, lastRow + 2, 0, "说明：1. 黄色单元格为填报项，其余为省里预填的内容，不能修改。", st.left);
        set(sheet, lastRow + 3, 0, "　　　2. 各表的填报要求见“" + TemplateWriter.INSTRUCTIONS_SHEET + "”工作表。", st.left);
        set(sheet, lastRow + 5, 0, def.footer(), st.left);
        SheetLayout.printSetup(sheet, 0, false);
        SheetLayout.protect(sheet);
    }
}
