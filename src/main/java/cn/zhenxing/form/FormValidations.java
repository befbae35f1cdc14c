package cn.zhenxing.form;

import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.DataValidationConstraint.OperatorType;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddressList;

/** The data validations of the form's editable cells: Excel refuses a wrong entry with a Chinese message. */
final class FormValidations {

    /** The warehouse's DECIMAL(20,6) holds 14 integer digits. */
    static final String NUMBER_MAX = "99999999999999";
    static final String NUMBER_MIN = "-" + NUMBER_MAX;

    private FormValidations() {}

    /**
     * The validation of a table column's rows {@code firstRow}–{@code lastRow} (0-based) by its type:
     * numbers from {@code numberMin} with {@code numberText} as the error, percentages 0–100, choices
     * from the list; none for text and other types.
     */
    static void column(Sheet sheet, FormDefinition.Column column, int firstRow, int lastRow, String numberMin, String numberText) {
        DataValidationHelper helper = sheet.getDataValidationHelper();
        int c = column.index();
        switch (column.typeOrText()) {
            case NUMBER -> sheet.addValidationData(validation(sheet,
                    helper.createDecimalConstraint(OperatorType.BETWEEN, numberMin, NUMBER_MAX),
                    firstRow, lastRow, c, "请输入数字", numberText));
            case PERCENT -> sheet.addValidationData(validation(sheet,
                    helper.createDecimalConstraint(OperatorType.BETWEEN, "0", "100"),
                    firstRow, lastRow, c, "请输入0到100之间的数字", "完成进度填写0到100之间的数字，如完成65%填65，不要带%号或文字。"));
            case CHOICE -> sheet.addValidationData(validation(sheet,
                    helper.createExplicitListConstraint(column.choices().toArray(String[]::new)),
                    firstRow, lastRow, c, "请从下拉列表中选择",
                    column.header() + "只能选择：" + String.join("、", column.choices()) + "。"));
            default -> { }
        }
    }

    /** A date between 2015 and 2036 in the single cell {@code row}, {@code col}, with an input prompt. */
    static void date(Sheet sheet, int row, int col, String label) {
        DataValidationConstraint date = sheet.getDataValidationHelper().createDateConstraint(OperatorType.BETWEEN,
                "DATE(2015,1,1)", "DATE(2036,12,31)", "yyyy-mm-dd");
        DataValidation v = validation(sheet, date, row, row, col, "请输入日期", "请按 2025-10-15 的格式填写日期。");
        v.createPromptBox(label, "按 2025-10-15 的格式填写");
        v.setShowPromptBox(true);
        sheet.addValidationData(v);
    }

    /** A telephone number (7 to 20 characters) in the single cell {@code row}, {@code col}, with an input prompt. */
    static void phone(Sheet sheet, int row, int col, String label) {
        DataValidationConstraint length = sheet.getDataValidationHelper().createTextLengthConstraint(OperatorType.BETWEEN, "7", "20");
        DataValidation v = validation(sheet, length, row, row, col, "请输入联系电话",
                "请填写固定电话（如0351-1234567）或手机号码，不要填写其他文字。");
        v.createPromptBox(label, "固定电话带区号，如0351-1234567；或手机号码");
        v.setShowPromptBox(true);
        sheet.addValidationData(v);
    }

    private static DataValidation validation(Sheet sheet, DataValidationConstraint constraint, int firstRow, int lastRow,
                                             int col, String title, String text) {
        DataValidation v = sheet.getDataValidationHelper().createValidation(constraint,
                new CellRangeAddressList(firstRow, lastRow, col, col));
        v.setErrorStyle(DataValidation.ErrorStyle.STOP);
        v.createErrorBox(title, text);
        v.setShowErrorBox(true);
        v.setEmptyCellAllowed(true);
        return v;
    }
}
