package cn.zhenxing.workbook;

import java.math.BigDecimal;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;

/**
 * Numbers as the value stored, not as displayed: a cell formatted "0.0" holding 12.345 reads
 * "12.345", a thousands-formatted 12345 reads "12345". Date-formatted cells read as yyyy-MM-dd.
 */
final class RawValueFormatter extends DataFormatter {

    static String number(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    @Override
    public String formatRawCellContents(double value, int formatIndex, String formatString, boolean use1904Windowing) {
        if (DateUtil.isADateFormat(formatIndex, formatString) && DateUtil.isValidExcelDate(value)) {
            return DateUtil.getLocalDateTime(value, use1904Windowing).toLocalDate().toString();
        }
        return number(value);
    }
}
