package cn.zhenxing.form;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataFormat;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Every style of a form workbook, created once (a workbook holds at most 64,000 styles). */
final class FormStyles {

    static final String FONT = "宋体";

    final CellStyle coverTitle;
    final CellStyle title;
    final CellStyle left;
    final CellStyle centre;
    final CellStyle right;
    final CellStyle rightWrap;
    final CellStyle paragraph;
    final CellStyle header;
    final CellStyle locked;
    final CellStyle lockedWrap;
    final CellStyle lockedCentre;
    final CellStyle lockedNumber;
    final CellStyle notApplicable;
    final CellStyle inputText;
    final CellStyle inputWrap;
    final CellStyle inputChoice;
    final CellStyle inputNumber;
    final CellStyle inputDate;

    FormStyles(XSSFWorkbook wb) {
        // 宋体 11, the face Chinese statistical forms are set in (and Excel's Chinese default).
        wb.getFontAt(0).setFontName(FONT);
        wb.getFontAt(0).setFontHeightInPoints((short) 11);
        DataFormat formats = wb.createDataFormat();
        short text = formats.getFormat("@");
        short general = formats.getFormat("General");

        coverTitle = wb.createCellStyle();
        coverTitle.setFont(font(wb, 18, true));
        coverTitle.setAlignment(HorizontalAlignment.CENTER);
        coverTitle.setVerticalAlignment(VerticalAlignment.CENTER);
        coverTitle.setWrapText(true);
        title = wb.createCellStyle();
        title.setFont(font(wb, 16, true));
        title.setAlignment(HorizontalAlignment.CENTER);
        title.setVerticalAlignment(VerticalAlignment.CENTER);
        left = aligned(wb, HorizontalAlignment.LEFT);
        centre = aligned(wb, HorizontalAlignment.CENTER);
        right = aligned(wb, HorizontalAlignment.RIGHT);
        paragraph = aligned(wb, HorizontalAlignment.LEFT);
        paragraph.setVerticalAlignment(VerticalAlignment.TOP);
        paragraph.setWrapText(true);

        header = bordered(wb, text);
        header.setFont(font(wb, 11, true));
        header.setWrapText(true);
        header.setAlignment(HorizontalAlignment.CENTER);
        fill(header, IndexedColors.GREY_25_PERCENT);

        // Created in this order (a style's index in the file follows it).
        locked = bordered(wb, text);
        lockedWrap = wrapped(bordered(wb, text));
        lockedCentre = centred(bordered(wb, text));
        notApplicable = bordered(wb, text);
        fill(notApplicable, IndexedColors.GREY_25_PERCENT);

        inputText = input(wb, text);
        inputWrap = wrapped(input(wb, text));
        inputChoice = centred(input(wb, text));
        inputNumber = input(wb, general);
        inputDate = input(wb, formats.getFormat("yyyy-mm-dd"));
        inputDate.setAlignment(HorizontalAlignment.LEFT);
        // Added with ZXQ-2025.2, after the others so that their indices stay.
        rightWrap = wrapped(aligned(wb, HorizontalAlignment.RIGHT));
        lockedNumber = bordered(wb, general);
    }

    /** The editable style of a value column. */
    CellStyle input(FormDefinition.Column column) {
        return switch (column.typeOrText()) {
            case NUMBER, PERCENT -> inputNumber;
            case CHOICE -> inputChoice;
            case DATE -> inputDate;
            case TEXT, PHONE -> inputText;
        };
    }

    /** As {@link #input(FormDefinition.Column)}, but free text wraps. */
    CellStyle inputWrapped(FormDefinition.Column column) {
        return column.typeOrText() == FormDefinition.ColumnType.TEXT ? inputWrap : input(column);
    }

    private static Font font(XSSFWorkbook wb, int points, boolean bold) {
        Font f = wb.createFont();
        f.setFontName(FONT);
        f.setFontHeightInPoints((short) points);
        f.setBold(bold);
        return f;
    }

    private static CellStyle aligned(XSSFWorkbook wb, HorizontalAlignment alignment) {
        CellStyle s = wb.createCellStyle();
        s.setAlignment(alignment);
        s.setVerticalAlignment(VerticalAlignment.CENTER);
        return s;
    }

    private static CellStyle bordered(XSSFWorkbook wb, short format) {
        CellStyle s = wb.createCellStyle();
        s.setBorderTop(BorderStyle.THIN);
        s.setBorderBottom(BorderStyle.THIN);
        s.setBorderLeft(BorderStyle.THIN);
        s.setBorderRight(BorderStyle.THIN);
        s.setVerticalAlignment(VerticalAlignment.CENTER);
        s.setDataFormat(format);
        return s;
    }

    private static CellStyle wrapped(CellStyle s) {
        s.setWrapText(true);
        return s;
    }

    private static CellStyle centred(CellStyle s) {
        s.setAlignment(HorizontalAlignment.CENTER);
        return s;
    }

    private static CellStyle input(XSSFWorkbook wb, short format) {
        CellStyle s = bordered(wb, format);
        s.setLocked(false);
        fill(s, IndexedColors.LIGHT_YELLOW);
        return s;
    }

    private static void fill(CellStyle s, IndexedColors color) {
        s.setFillForegroundColor(color.getIndex());
        s.setFillPattern(FillPatternType.SOLID_FOREGROUND);
    }
}
