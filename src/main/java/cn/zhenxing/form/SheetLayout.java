package cn.zhenxing.form;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFSheet;

/** Cells, row heights, printing and protection shared by every sheet of the form. */
final class SheetLayout {

    /** Sheet protection prevents accidental edits of pre-filled cells; it is not a security measure. */
    static final String PROTECTION = "zhenxing-form";
    static final float LINE_POINTS = 14.5f;
    /** Data rows are a little taller than Excel's default, as on the printed forms. */
    static final float ROW_POINTS = 18f;

    private SheetLayout() {}

    /** The cell at 0-based {@code row}, {@code col}, created anew, with its text (if any) and style (if any). */
    static Cell set(Sheet sheet, int row, int col, String text, CellStyle style) {
        Row r = sheet.getRow(row) != null ? sheet.getRow(row) : sheet.createRow(row);
        Cell cell = r.createCell(col);
        if (text != null) {
            cell.setCellValue(text);
        }
        if (style != null) {
            cell.setCellStyle(style);
        }
        return cell;
    }

    /** The signature line, two rows below the table's last row (0-based {@code lastRow}). */
    static void footer(Sheet sheet, FormDefinition def, int lastRow, FormStyles st) {
        set(sheet, lastRow + 2, 0, def.footer(), st.left);
    }

    /** Definition widths are in characters of the default font, which already allows for CJK names. */
    static int columnWidth(int chars) {
        return Math.min(255, Math.max(6, chars + 1)) * 256;
    }

    /** Display width in character cells: CJK and full-width characters count double. */
    static int displayWidth(String text) {
        int width = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            width += cp >= 0x1100 && (cp <= 0x115F || cp >= 0x2E80 && cp <= 0xA4CF || cp >= 0xAC00 && cp <= 0xD7A3
                    || cp >= 0xF900 && cp <= 0xFAFF || cp >= 0xFE30 && cp <= 0xFE4F || cp >= 0xFF00 && cp <= 0xFF60
                    || cp >= 0xFFE0 && cp <= 0xFFE6 || cp >= 0x20000) ? 2 : 1;
            i += Character.charCount(cp);
        }
        return width;
    }

    /** Lines a wrapped text takes in a column {@code chars} wide (POI cannot measure; Excel does not re-fit on open). */
    static int lines(String text, int chars) {
        if (text == null || text.isEmpty()) {
            return 1;
        }
        int usable = Math.max(4, chars);
        return Math.max(1, (displayWidth(text) + usable - 1) / usable);
    }

    static void fitHeight(Sheet sheet, int row, int lines) {
        if (lines > 1) {
            sheet.getRow(row).setHeightInPoints(Math.max(ROW_POINTS, lines * LINE_POINTS + 4));
        }
    }

    /** A4, one page wide; landscape for the tables, whose title and header rows repeat on every page. */
    static void printSetup(XSSFSheet sheet, int headerRow, boolean landscape) {
        PrintSetup print = sheet.getPrintSetup();
        print.setPaperSize(PrintSetup.A4_PAPERSIZE);
        print.setLandscape(landscape);
        print.setFitWidth((short) 1);
        print.setFitHeight((short) 0);
        sheet.setFitToPage(true);
        sheet.setHorizontallyCenter(true);
        sheet.setMargin(Sheet.LeftMargin, 0.4);
        sheet.setMargin(Sheet.RightMargin, 0.4);
        if (headerRow > 0) {
            sheet.setRepeatingRows(new CellRangeAddress(0, headerRow - 1, -1, -1));
        }
    }

    /** Only unlocked cells can be edited; selecting, formatting rows, columns and cells stays allowed. */
    static void protect(XSSFSheet sheet) {
        sheet.protectSheet(PROTECTION);
        sheet.lockSelectLockedCells(false);
        sheet.lockSelectUnlockedCells(false);
        sheet.lockFormatCells(false);
        sheet.lockFormatColumns(false);
        sheet.lockFormatRows(false);
    }
}
