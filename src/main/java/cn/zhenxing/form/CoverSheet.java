package cn.zhenxing.form;

import static cn.zhenxing.form.SheetLayout.set;

import cn.zhenxing.form.FormDefinition.ColumnType;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The cover: title; 制定机关, 批准机关, 批准文号, 有效期至 top right; the unit and period pre-filled; the
 * 报表目录 (表号, 表名, 报告期别, 报送单位, 报送时间); the unit's deadline and the submission channels;
 * notes; and the one sign-off line (单位负责人, 统计负责人, 填表人, 联系电话, 报出日期) the unit fills in.
 */
final class CoverSheet {

    private static final int[] WIDTHS = {13, 13, 13, 13, 9, 14, 11, 16, 11, 13};

    private CoverSheet() {}

    static void write(XSSFWorkbook wb, FormDefinition def, FormContent content, FormStyles st) {
        XSSFSheet sheet = wb.createSheet(def.cover().sheet());
        sheet.setDisplayGridlines(false);
        int lastCol = Math.max(WIDTHS.length, def.cover().fields().stream().mapToInt(f -> f.ref().getCol()).max().orElse(1) + 1) - 1;
        for (int i = 0; i <= lastCol; i++) {
            sheet.setColumnWidth(i, SheetLayout.columnWidth(i < WIDTHS.length ? WIDTHS[i] : 12));
        }
        set(sheet, 0, 0, def.title(), st.coverTitle);
        sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, lastCol));
        sheet.getRow(0).setHeightInPoints(54);
        List<String> marking = List.of("制定机关：" + def.issuer(), "批准机关：" + def.approver(), "批准文号：" + def.approvalNo(),
                "有效期至：" + def.validUntil());
        for (int row = 1; row <= 2; row++) {
            set(sheet, row, lastCol - 3, marking.get(row * 2 - 2) + "\n" + marking.get(row * 2 - 1), st.rightWrap);
            sheet.addMergedRegion(new CellRangeAddress(row, row, lastCol - 3, lastCol));
            sheet.getRow(row).setHeightInPoints(2 * SheetLayout.LINE_POINTS + 4);
        }
        int signRow = Integer.MAX_VALUE;
        for (FormDefinition.Field field : def.cover().fields()) {
            CellReference ref = field.ref();
            int r = ref.getRow();
            int c = ref.getCol();
            String value = switch (field.key()) {
                case "unit_name" -> content.unit().name();
                case "period" -> content.period().labelZh();
                default -> null;
            };
            if (field.prefilled()) {
                set(sheet, r, c - 1, field.label(), st.header);
                set(sheet, r, c, value, st.locked);
                for (int i = c + 1; i <= c + 4; i++) {
                    set(sheet, r, i, null, st.locked);
                }
                sheet.addMergedRegion(new CellRangeAddress(r, r, c, c + 4));
            } else {
                signRow = Math.min(signRow, r);
                set(sheet, r, c - 1, field.label() + "：", st.right);
                set(sheet, r, c, null, field.type() == ColumnType.DATE ? st.inputDate : st.inputText);
            }
            sheet.getRow(r).setHeightInPoints(24);
            if (field.type() == ColumnType.DATE) {
                FormValidations.date(sheet, r, c, field.label());
            } else if (field.type() == ColumnType.PHONE) {
                FormValidations.phone(sheet, r, c, field.label());
            }
        }
        int r = catalogue(sheet, def, content, st, def.cover().catalogueRow() - 1);
        r++;
        set(sheet, r++, 0, "报送截止日期：" + dateZh(content.deadline()) + "（逾期报送的记为迟报）", st.left);
        set(sheet, r++, 0, "报送方式：", st.left);
        for (int i = 0; i < def.channels().size(); i++) {
            set(sheet, r++, 0, "　　" + (i + 1) + ". " + def.channels().get(i), st.left);
        }
        r++;
        set(sheet, r++, 0, "说明：1. 黄色单元格为填报项，其余为省里预填的内容，不能修改。", st.left);
        set(sheet, r++, 0, "　　　2. 各表的填报要求见“" + TemplateWriter.INSTRUCTIONS_SHEET + "”，指标的定义和口径见“"
                + TemplateWriter.EXPLANATIONS_SHEET + "”工作表。", st.left);
        if (r > signRow) {
            throw new IllegalStateException("quarterly.yml: the cover's sign-off line (row " + (signRow + 1)
                    + ") must be below the catalogue and notes, which end on row " + r);
        }
        SheetLayout.printSetup(sheet, 0, false);
        SheetLayout.protect(sheet);
    }

    /** The 报表目录 from 0-based {@code row}: heading, header, one line per table. Returns the next free row. */
    private static int catalogue(XSSFSheet sheet, FormDefinition def, FormContent content, FormStyles st, int row) {
        set(sheet, row++, 0, "报表目录", st.left);
        String[] heads = {"表号", "表名", "报告期别", "报送单位", "报送时间"};
        int[][] spans = {{0, 1}, {2, 5}, {6, 6}, {7, 8}, {9, 9}};
        line(sheet, row++, heads, spans, st.header);
        for (FormDefinition.Table table : def.tables()) {
            String[] cells = {table.tableNo(), table.caption(), def.reportFrequency(), content.unit().name(),
                    "季后" + ChronoUnit.DAYS.between(content.period().end(), content.deadline()) + "日内"};
            line(sheet, row, cells, spans, st.lockedWrap);
            SheetLayout.fitHeight(sheet, row, SheetLayout.lines(content.unit().name(), 26));
            row++;
        }
        return row;
    }

    private static void line(XSSFSheet sheet, int row, String[] texts, int[][] spans, CellStyle style) {
        for (int i = 0; i < texts.length; i++) {
            for (int c = spans[i][0]; c <= spans[i][1]; c++) {
                set(sheet, row, c, c == spans[i][0] ? texts[i] : null, style);
            }
            if (spans[i][1] > spans[i][0]) {
                sheet.addMergedRegion(new CellRangeAddress(row, row, spans[i][0], spans[i][1]));
            }
        }
        sheet.getRow(row).setHeightInPoints(22);
    }

    static String dateZh(LocalDate date) {
        return date.getYear() + "年" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日";
    }
}
