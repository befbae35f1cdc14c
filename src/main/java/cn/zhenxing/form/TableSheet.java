package cn.zhenxing.form;

import static cn.zhenxing.form.SheetLayout.lines;
import static cn.zhenxing.form.SheetLayout.set;

import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.ClientAnchor;
import org.apache.poi.ss.usermodel.Comment;
import org.apache.poi.ss.usermodel.Drawing;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * One table sheet (表1–表3) laid out as a Chinese statistical form: title, 表号/制定机关 top right,
 * 填报单位 and 报告期, unit line, header with the columns' notes as comments, the pre-filled rows of
 * the content, the open rows, validations of the value columns, signature line. What differs between
 * the tables is their definition and their {@link TableMapping}.
 */
final class TableSheet {

    private TableSheet() {}

    static <R> void write(XSSFWorkbook wb, FormDefinition def, FormContent content, FormStyles st, TableMapping<R> mapping) {
        FormDefinition.Table table = def.table(mapping.tableKey());
        XSSFSheet sheet = wb.createSheet(table.sheet());
        head(sheet, def, table, content, st);
        int first = table.firstDataRow() - 1;
        int r = first;
        for (R row : mapping.rows(content)) {
            int lines = 1;
            for (FormDefinition.Column column : table.columns()) {
                String text = mapping.text(row, column.key());
                CellStyle style;
                if (column.prefilled()) {
                    style = mapping.locked(st, column.key());
                    lines = Math.max(lines, lines(text, column.width()));
                } else {
                    style = mapping.input(st, row, column);
                }
                set(sheet, r, column.index(), text, style);
            }
            SheetLayout.fitHeight(sheet, r, lines);
            r++;
        }
        for (int i = 0; i < table.openRows(); i++, r++) {
            for (FormDefinition.Column column : table.columns()) {
                CellStyle style = column.prefilled() ? mapping.open(st, column) : mapping.input(st, null, column);
                set(sheet, r, column.index(), null, style);
            }
        }
        if (r > first) {
            for (FormDefinition.Column column : table.columns()) {
                FormValidations.column(sheet, column, first, r - 1, mapping.numberMin(), mapping.numberText());
            }
        }
        SheetLayout.footer(sheet, def, r - 1, st);
        SheetLayout.protect(sheet);
    }

    /** Rows 1 to the header row: title, 表号/制定机关, 填报单位, 报告期, unit line, column headers. */
    private static void head(XSSFSheet sheet, FormDefinition def, FormDefinition.Table table, FormContent content, FormStyles st) {
        sheet.setDisplayGridlines(false);
        sheet.setDefaultRowHeightInPoints(SheetLayout.ROW_POINTS);
        List<FormDefinition.Column> columns = table.columns();
        int lastCol = columns.stream().mapToInt(FormDefinition.Column::index).max().orElse(0);
        for (FormDefinition.Column column : columns) {
            sheet.setColumnWidth(column.index(), SheetLayout.columnWidth(column.width()));
        }
        set(sheet, 0, 0, table.caption(), st.title);
        sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, lastCol));
        sheet.getRow(0).setHeightInPoints(30);
        set(sheet, 1, 0, "填报单位：" + content.unit().name(), st.left);
        set(sheet, 1, middleColumn(columns), content.period().labelZh(), st.centre);
        set(sheet, 1, lastCol, "表号：" + def.tableNo(), st.right);
        set(sheet, 2, 0, table.unitLine() + (table.openRows() > 0 ? "　　目录外新增项目填在下方空白行，项目编码留空" : ""), st.left);
        set(sheet, 2, lastCol, "制定机关：" + def.issuer(), st.right);

        int headerRow = table.headerRow() - 1;
        Drawing<?> drawing = null;
        int lines = 1;
        for (FormDefinition.Column column : columns) {
            Cell cell = set(sheet, headerRow, column.index(), column.header(), st.header);
            lines = Math.max(lines, lines(column.header(), column.width()));
            if (column.note() != null && !column.note().isBlank()) {
                if (drawing == null) {
                    drawing = sheet.createDrawingPatriarch();
                }
                ClientAnchor anchor = sheet.getWorkbook().getCreationHelper().createClientAnchor();
                anchor.setCol1(column.index());
                anchor.setCol2(column.index() + 3);
                anchor.setRow1(headerRow);
                anchor.setRow2(headerRow + 3);
                Comment comment = drawing.createCellComment(anchor);
                comment.setString(sheet.getWorkbook().getCreationHelper().createRichTextString(column.note()));
                comment.setAuthor(def.issuer());
                cell.setCellComment(comment);
            }
        }
        sheet.getRow(headerRow).setHeightInPoints(Math.max(30, lines * SheetLayout.LINE_POINTS + 4));
        sheet.createFreezePane(0, table.headerRow());
        SheetLayout.printSetup(sheet, table.headerRow(), true);
    }

    /** The column whose centre is nearest the table's: the 报告期 is centred under the title. */
    private static int middleColumn(List<FormDefinition.Column> columns) {
        int total = columns.stream().mapToInt(FormDefinition.Column::width).sum();
        int start = 0;
        int best = columns.get(0).index();
        double bestDistance = Double.MAX_VALUE;
        for (FormDefinition.Column column : columns) {
            double distance = Math.abs(start + column.width() / 2.0 - total / 2.0);
            if (distance < bestDistance && column != columns.get(0) && column != columns.get(columns.size() - 1)) {
                bestDistance = distance;
                best = column.index();
            }
            start += column.width();
        }
        return best;
    }
}
