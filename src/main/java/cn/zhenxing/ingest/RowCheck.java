package cn.zhenxing.ingest;

import java.util.List;
import cn.zhenxing.form.FormDefinition;
import cn.zhenxing.form.ReadForm;

/**
 * A pure check of one table's data rows, fed one row at a time as the file is streamed: it appends
 * what is wrong to the problem list it was given and returns the typed rows when the table ends.
 */
interface RowCheck<T> {

    /** The table checked. */
    FormDefinition.Table table();

    /** One data row of the table (empty rows are skipped before). */
    void accept(ReadForm.TableRow row);

    /** After the last row: the typed rows; may add problems about the table as a whole. */
    List<T> finish();
}
