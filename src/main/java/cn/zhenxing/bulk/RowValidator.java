package cn.zhenxing.bulk;

import static cn.zhenxing.bulk.BulkSheetLoader.HEADERS;
import static cn.zhenxing.bulk.RowText.cell;
import static cn.zhenxing.bulk.RowText.cellAt;
import static cn.zhenxing.bulk.RowText.text;

import cn.zhenxing.workbook.NumberCell;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.Row;

/**
 * Checks the header and every data row of a bulk sheet as the table would (required cells, text
 * lengths, 地区代码, dates, DECIMAL(20,6)), recording each problem in Chinese naming the cell.
 */
final class RowValidator {

    /** Excel's day 0 in the 1900 date system (serial 1 = 1900-01-01, with the 1900 leap-year bug). */
    private static final long EXCEL_EPOCH_DAY = LocalDate.of(1899, 12, 30).toEpochDay();
    private static final long EXCEL_1904_EPOCH_DAY = LocalDate.of(1904, 1, 1).toEpochDay();
    /** The table's VARCHAR lengths of columns A..H (0: not text). */
    private static final int[] MAX_LENGTH = {16, 64, 6, 0, 32, 0, 16, 200};

    private RowValidator() {}

    static boolean checkHeader(Row header, LoadErrors errors) {
        List<String> found = new ArrayList<>();
        for (int c = 0; c < HEADERS.size(); c++) {
            String text = text(header, c);
            found.add(text == null ? "" : text.strip());
        }
        if (found.equals(HEADERS)) {
            return true;
        }
        errors.add("第" + header.getRowNum() + "行 表头应依次为“" + String.join("、", HEADERS) + "”，实际为“"
                + String.join("、", found) + "”。请使用监测数据批量报送模板，不要增删或调换列。");
        return false;
    }

    /** Checks one data row; returns null (and records why) if it cannot be loaded. */
    static BulkReading validate(Row row, boolean date1904, LoadErrors errors) {
        int r = row.getRowNum();
        int before = errors.count;
        String station = required(row, r, 0, errors);
        String name = required(row, r, 1, errors);
        String region = required(row, r, 2, errors);
        if (region != null && !sixDigits(region)) {
            errors.add(cell(r, 2) + "地区代码“" + region + "”应为6位数字的行政区划代码（如140821）。");
        }
        LocalDate date = date(row, r, date1904, errors);
        String parameter = required(row, r, 4, errors);
        String unit = optional(row, r, 6, errors);
        BigDecimal value = value(row, r, unit, errors);
        String note = optional(row, r, 7, errors);
        if (errors.count > before) {
            return null;
        }
        return new BulkReading(r, station, name, region, date, parameter, value, unit, note);
    }

    private static String required(Row row, int r, int c, LoadErrors errors) {
        String text = text(row, c);
        if (text == null || text.isBlank()) {
            errors.add(cell(r, c) + HEADERS.get(c) + "未填写。此列为必填项。");
            return null;
        }
        return length(text.strip(), r, c, errors);
    }

    private static String optional(Row row, int r, int c, LoadErrors errors) {
        String text = text(row, c);
        return text == null || text.isBlank() ? null : length(text.strip(), r, c, errors);
    }

    private static String length(String text, int r, int c, LoadErrors errors) {
        int max = MAX_LENGTH[c];
        if (max > 0 && text.length() > max && text.codePointCount(0, text.length()) > max) {
            errors.add(cell(r, c) + HEADERS.get(c) + "超过" + max + "个字符，请精简后重新报送。");
        }
        return text;
    }

    private static boolean sixDigits(String s) {
        if (s.length() != 6) {
            return false;
        }
        for (int i = 0; i < 6; i++) {
            char ch = s.charAt(i);
            if (ch < '0' || ch > '9') {
                return false;
            }
        }
        return true;
    }

    private static LocalDate date(Row row, int r, boolean date1904, LoadErrors errors) {
        Cell cell = cellAt(row, 3);
        String text = text(cell);
        if (text == null || text.isBlank()) {
            errors.add(cell(r, 3) + "监测日期未填写。此列为必填项。");
            return null;
        }
        LocalDate date = null;
        if (cell.getType() == org.dhatim.fastexcel.reader.CellType.NUMBER) {
            // A date cell: Excel stores the day number (a time of day, if any, is the fraction).
            BigDecimal serial = (BigDecimal) cell.getValue();
            if (serial.signum() > 0 && serial.compareTo(BigDecimal.valueOf(2_958_465)) <= 0) {
                date = LocalDate.ofEpochDay((date1904 ? EXCEL_1904_EPOCH_DAY : EXCEL_EPOCH_DAY) + serial.longValue());
            }
        } else {
            date = parseDateText(text.strip());
        }
        if (date == null || date.getYear() < 1949 || date.getYear() > 2100) {
            errors.add(cell(r, 3) + "监测日期“" + text.strip() + "”不是有效日期。请填写如2025-03-01的日期（设置为日期格式或按“年-月-日”填写）。");
            return null;
        }
        return date;
    }

    /** yyyy-M-d, yyyy/M/d, yyyy.M.d, yyyy年M月d日 or yyyyMMdd; null if not a real calendar date. */
    static LocalDate parseDateText(String s) {
        try {
            if (s.length() == 8 && s.chars().allMatch(Character::isDigit)) {
                return LocalDate.of(Integer.parseInt(s.substring(0, 4)), Integer.parseInt(s.substring(4, 6)), Integer.parseInt(s.substring(6)));
            }
            String[] parts = s.replace('年', '-').replace('月', '-').replace("日", "").replace('/', '-').replace('.', '-').split("-", -1);
            if (parts.length != 3 || parts[0].length() != 4 || parts[1].isEmpty() || parts[1].length() > 2
                    || parts[2].isEmpty() || parts[2].length() > 2) {
                return null;
            }
            return LocalDate.of(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), Integer.parseInt(parts[2]));
        } catch (RuntimeException e) {
            return null; // NumberFormatException, DateTimeException (e.g. 2025-02-30)
        }
    }

    private static BigDecimal value(Row row, int r, String unit, LoadErrors errors) {
        String text = text(row, 5);
        NumberCell.Result parsed = NumberCell.parse(text, unit);
        if (parsed.blank()) {
            errors.add(cell(r, 5) + "监测值未填写。此列为必填项；未监测的项目请不要列出。");
            return null;
        }
        if (!parsed.ok()) {
            errors.add(cell(r, 5) + "监测值" + parsed.errorZh());
            return null;
        }
        BigDecimal value = parsed.value();
        if (value.scale() > 6) {
            value = value.setScale(6, RoundingMode.HALF_UP);
        }
        if (value.precision() - value.scale() > 14) {
            errors.add(cell(r, 5) + "监测值“" + text.strip() + "”超出可存储的范围（整数部分最多14位）。请核对数值和单位。");
            return null;
        }
        return value;
    }
}
