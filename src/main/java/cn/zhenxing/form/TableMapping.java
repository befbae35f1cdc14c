package cn.zhenxing.form;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.xssf.usermodel.XSSFSheet;

/**
 * How the rows of one table of {@link FormContent} become the rows of its sheet (layout: the table of
 * the same key in {@link FormDefinition}): the pre-filled text of each column, its locked style, the
 * style of the value columns, of the pre-filled columns of the open rows, and what a number column
 * accepts. Comments come from the columns' notes and the other validations from the columns' types.
 * The three tables' mappings are in {@link TableMappings}.
 *
 * @param <R> the content row of the table
 */
abstract class TableMapping<R> {

    private final String tableKey;
    private final Function<FormContent, List<R>> rows;
    private final Map<String, Function<R, String>> prefilled;

    /**
     * @param prefilled the text of each pre-filled column (by column key) of a content row; other
     *                  columns are blank
     */
    TableMapping(String tableKey, Function<FormContent, List<R>> rows, Map<String, Function<R, String>> prefilled) {
        this.tableKey = tableKey;
        this.rows = rows;
        this.prefilled = prefilled;
    }

    /** The key of the table in the form definition. */
    final String tableKey() {
        return tableKey;
    }

    /** The pre-filled rows, in order. */
    final List<R> rows(FormContent content) {
        return rows.apply(content);
    }

    /** The pre-filled text of a column of a row, or null (value columns, and columns this table does not pre-fill). */
    String text(FormContent content, R row, String columnKey) {
        Function<R, String> text = prefilled.get(columnKey);
        return text == null ? null : text.apply(row);
    }

    /** A number the province pre-fills in a value column (locked), or null. */
    BigDecimal number(R row, String columnKey) {
        return null;
    }

    /** The locked style of a pre-filled column of a row. */
    CellStyle locked(FormStyles st, R row, String columnKey) {
        return st.locked;
    }

    /** The style of a value column of a row; {@code row} is null in the open rows. */
    CellStyle input(FormStyles st, R row, FormDefinition.Column column) {
        return st.inputWrapped(column);
    }

    /** The style of a pre-filled column in the open rows below the pre-filled ones. */
    CellStyle open(FormStyles st, FormDefinition.Column column) {
        return st.notApplicable;
    }

    /**
     * The data validations of the rows {@code firstRow}–{@code lastRow} (0-based; the pre-filled
     * {@code rows} first, then the open rows): by default one per column, from its type.
     */
    void validate(XSSFSheet sheet, FormDefinition.Table table, FormContent content, List<R> rows, int firstRow, int lastRow) {
        for (FormDefinition.Column column : table.columns()) {
            FormValidations.column(sheet, column, firstRow, lastRow, numberMin(), numberText());
        }
    }

    /** The least value a number column accepts. */
    String numberMin() {
        return FormValidations.NUMBER_MIN;
    }

    /** The error message of a number column. */
    String numberText() {
        return "本单元格只能填写数字，不要带单位或文字，单位见“计量单位”列。";
    }
}
