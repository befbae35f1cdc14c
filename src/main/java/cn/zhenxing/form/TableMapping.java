package cn.zhenxing.form;

import java.util.List;
import org.apache.poi.ss.usermodel.CellStyle;

/**
 * How the rows of one table of {@link FormContent} become the rows of its sheet (layout: the table of
 * the same key in {@link FormDefinition}): the pre-filled text and style of each column, the style of
 * the value columns, of the pre-filled columns of the open rows, and what a number column accepts.
 * Comments come from the columns' notes and the other validations from the columns' types.
 *
 * @param <R> the content row of the table
 */
interface TableMapping<R> {

    /** The key of the table in the form definition. */
    String tableKey();

    /** The pre-filled rows, in order. */
    List<R> rows(FormContent content);

    /** The pre-filled text of a column of a row, or null (value columns, and columns this table does not pre-fill). */
    String text(R row, String columnKey);

    /** The locked style of a pre-filled column. */
    CellStyle locked(FormStyles st, String columnKey);

    /** The style of a value column of a row; {@code row} is null in the open rows. */
    default CellStyle input(FormStyles st, R row, FormDefinition.Column column) {
        return st.inputWrapped(column);
    }

    /** The style of a pre-filled column in the open rows below the pre-filled ones. */
    default CellStyle open(FormStyles st, FormDefinition.Column column) {
        return st.notApplicable;
    }

    /** The least value a number column accepts. */
    default String numberMin() {
        return FormValidations.NUMBER_MIN;
    }

    /** The error message of a number column. */
    default String numberText() {
        return "本单元格只能填写数字，不要带单位或文字，单位见“计量单位”列。";
    }
}
