package cn.zhenxing.report;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * What Jasper's XLSX export does not do, done on its workbook: two title rows above each table
 * (report, edition, period, as-of time; units), the header frozen and repeated on every printed page,
 * landscape fitted to one page wide, and the indicator sheets' "59.55（2019）" baseline and target cells
 * split into numbers and years.
 */
final class XlsxSheets {

    static final int TITLE_ROWS = 2;
    /** Units line per table template. */
    static final Map<String, String> UNITS = Map.of(
            "indicator-table", "计量单位见“单位”列；完成度为比例", "project-table", "金额单位：亿元", "project-list", "金额单位：亿元",
            "task-table", "完成进度、较上季度单位：%", "rate-table", "单位：个；报送率、及时率为比例", "completeness-table", "逾期天数单位：天",
            "ranking-table", "单位：项；占比为比例", "monitoring-table", "计量单位见“单位”列；读数单位：条");
    private static final Pattern NUMBER_YEAR = Pattern.compile("^(-?[0-9][0-9,]*(?:\\.[0-9]+)?)（(\\d{4})）(\\*?)$");
    /** indicator-table: 基期值（年） and 目标值（年） columns. */
    private static final int BASELINE = 5;
    private static final int TARGET = 6;

    private XlsxSheets() {
    }

    /**
     * @param templates the table template of each sheet, in sheet order
     */
    static void finish(byte[] jasperXlsx, String title, String asOf, List<String> templates, OutputStream out) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(jasperXlsx))) {
            CellStyle bold = wb.createCellStyle();
            Font font = wb.createFont();
            font.setBold(true);
            font.setFontHeightInPoints((short) 12);
            bold.setFont(font);
            for (int i = 0; i < wb.getNumberOfSheets(); i++) {
                Sheet sheet = wb.getSheetAt(i);
                String template = i < templates.size() ? templates.get(i) : "";
                int columns = sheet.getRow(0) == null ? 1 : Math.max(1, sheet.getRow(0).getLastCellNum());
                if (template.equals("indicator-table")) {
                    splitYears(sheet, columns);
                }
                if (sheet.getLastRowNum() >= 0) {
                    sheet.shiftRows(0, sheet.getLastRowNum(), TITLE_ROWS);
                }
                Cell head = sheet.createRow(0).createCell(0);
                head.setCellValue(title + "　" + wb.getSheetName(i) + (asOf == null ? "" : "　数据截至" + asOf));
                head.setCellStyle(bold);
                sheet.createRow(1).createCell(0).setCellValue(UNITS.getOrDefault(template, ""));
                sheet.createFreezePane(0, TITLE_ROWS + 1);
                sheet.setRepeatingRows(new CellRangeAddress(TITLE_ROWS, TITLE_ROWS, 0, columns - 1));
                sheet.setFitToPage(true);
                PrintSetup print = sheet.getPrintSetup();
                print.setLandscape(true);
                print.setPaperSize(PrintSetup.A4_PAPERSIZE);
                print.setFitWidth((short) 1);
                print.setFitHeight((short) 0);
            }
            wb.write(out);
        }
    }

    /** Baseline and target as numbers, their years in two new columns at the end (基期年, 目标年); other texts stay. */
    private static void splitYears(Sheet sheet, int columns) {
        Row header = sheet.getRow(0);
        if (header == null) {
            return;
        }
        header.createCell(columns).setCellValue("基期年");
        header.createCell(columns + 1).setCellValue("目标年");
        header.getCell(BASELINE).setCellValue("基期值");
        header.getCell(TARGET).setCellValue("目标值");
        header.createCell(columns + 2).setCellValue("目标参照全省");
        for (Row row : sheet) {
            if (row.getRowNum() == 0) {
                continue;
            }
            split(row, BASELINE, columns, false);
            split(row, TARGET, columns + 1, true);
        }
    }

    private static void split(Row row, int column, int yearColumn, boolean marksInherited) {
        Cell cell = row.getCell(column);
        if (cell == null || cell.getCellType() != CellType.STRING) {
            return;
        }
        Matcher m = NUMBER_YEAR.matcher(cell.getStringCellValue().strip());
        if (!m.matches()) {
            return;
        }
        cell.setCellValue(Double.parseDouble(m.group(1).replace(",", "")));
        row.createCell(yearColumn).setCellValue(Integer.parseInt(m.group(2)));
        if (marksInherited && !m.group(3).isEmpty()) {
            row.createCell(yearColumn + 1).setCellValue("是");
        }
    }
}
