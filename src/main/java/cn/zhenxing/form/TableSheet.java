package cn.zhenxing.form;

import static cn.zhenxing.form.SheetLayout.lines;
import static cn.zhenxing.form.SheetLayout.set;

import java.math.BigDecimal;
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
 * One table sheet (表1–表3) laid out as a Chinese statistical form: title, 表号, 制定机关, 批准机关,
 * 批准文号 and 有效期至 top right, 填报单位 and 报告期, unit line, header with the columns' notes as
 * comments and the 栏次 row below it, the pre-filled rows of
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
        List<R> rows = mapping.rows(content);
        for (R row : rows) {
            int lines = 1;
            for (FormDefinition.Column column : table.columns()) {
                String text = mapping.text(content, row, column.key());
                BigDecimal number = mapping.number(row, column.key());
                CellStyle style;
                if (column.prefilled()) {
                    style = mapping.locked(st, row, column.key());
                    lines = Math.max(lines, lines(text, column.width()));
                } else if (number != null) {
                    style = st.lockedNumber;
                } else {
                    style = mapping.input(st, row, column);
                }
                Cell cell = set(sheet, r, column.index(), text, style);
                if (number != null) {
                    cell.setCellValue(number.doubleValue());
                }
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
            mapping.validate(sheet, table, content, rows, first, r - 1);
        }
        SheetLayout.footer(sheet, def, r - 1, st);
        SheetLayout.protect(sheet);
    }

    /** Rows 1 to the 栏次 row: title, legal marking, 填报单位, 报告期, unit line, column headers, 栏次. */
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
        set(sheet, 2, 0, table.unitLine() + (table.openRows() > 0 ? "　　目录外新增项目填在下方空白行，项目编码留空" : ""), st.left);
        // The legal marking top right, two lines a row, as on national forms.
        int markFrom = Math.max(middleColumn(columns) + 1, lastCol - 2);
        for (int row = 1; row <= 2; row++) {
            set(sheet, row, markFrom, String.join("\n", marking(def, table).subList(row * 2 - 2, row * 2)), st.rightWrap);
            sheet.addMergedRegion(new CellRangeAddress(row, row, markFrom, lastCol));
            sheet.getRow(row).setHeightInPoints(2 * SheetLayout.LINE_POINTS + 4);
        }

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
        // 栏次: 甲 乙 丙 … for the descriptive columns, 1 2 3 … for the value columns.
        for (FormDefinition.Column column : columns) {
            set(sheet, headerRow + 1, column.index(), column.code(), st.header);
        }
        sheet.createFreezePane(0, table.headerRow() + 1);
        SheetLayout.printSetup(sheet, table.headerRow() + 1, true);
    }

    /** 表号, 制定机关, 批准机关, then 批准文号 and 有效期至 on one line. */
    static List<String> marking(FormDefinition def, FormDefinition.Table table) {
        return List.of("表　　号：" + table.tableNo(), "制定机关：" + def.issuer(), "批准机关：" + def.approver(),
                "批准文号：" + def.approvalNo() + "　有效期至：" + def.validUntil());
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
