package cn.zhenxing.ingest;

import cn.zhenxing.form.FormDefinition;
import cn.zhenxing.form.ReadForm;
import cn.zhenxing.workbook.Problem;
import java.util.List;

/**
 * A pure check of one table's data rows, fed one row at a time as the file is streamed: it appends
 * what is wrong to the problem list it was given and returns the typed rows when the table ends.
 */
abstract class RowCheck<T> {

    protected final FormDefinition.Table table;
    protected final String sheet;
    protected final List<Problem> problems;

    RowCheck(FormDefinition.Table table, List<Problem> problems) {
        this.table = table;
        this.sheet = table.sheet();
        this.problems = problems;
    }

    /** The table checked. */
    final FormDefinition.Table table() {
        return table;
    }

    /** One data row of the table (empty rows are skipped before). */
    abstract void accept(ReadForm.TableRow row);

    /** After the last row: the typed rows; may add problems about the table as a whole. */
    abstract List<T> finish();

    /** The address of a column's cell in a row, e.g. F12. */
    protected final String cell(String key, ReadForm.TableRow row) {
        return table.column(key).col() + row.rowNo();
    }
}
