package cn.zhenxing.ingest;

import cn.zhenxing.form.FormDefinition;
import cn.zhenxing.form.ReadForm;
import cn.zhenxing.workbook.NumberCell;
import cn.zhenxing.workbook.Problem;
import java.util.ArrayList;
import java.util.List;

/**
 * A pure check of one table's data rows, fed one row at a time as the file is streamed: it appends
 * what is wrong to the problem list it was given and returns the typed rows when the table ends.
 */
abstract class RowCheck<T> {

    protected final FormDefinition.Table table;
    protected final String sheet;
    protected final List<Problem> problems;
    private final List<String> formulaCells = new ArrayList<>();

    static final String FORMULA_FIX = "请将公式单元格复制后以“数值”方式粘贴（右键→选择性粘贴→数值），保存后重新报送。";

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

    /**
     * A number column of a row, typed or the cached result of a formula; what is wrong with it is
     * added to the problems (a formula without a usable result is refused, never read as blank).
     */
    protected final NumberCell.Result number(ReadForm.TableRow row, String key, String unit, String context) {
        String at = cell(key, row);
        String header = table.column(key).header();
        ReadForm.Formula formula = row.formula(key);
        if (formula != null && !formula.usable()) {
            String what = formula.error() ? "是公式，计算结果为错误值“" + formula.cached() + "”，无法读取数值。"
                    : "是公式，但文件中没有保存公式的计算结果（生成文件的程序没有计算公式），无法读取数值。";
            problems.add(Problem.error(sheet, at, context, header + what, FORMULA_FIX));
            return new NumberCell.Result(null, what);
        }
        NumberCell.Result result = NumberCell.parse(row.get(key), unit);
        if (!result.ok()) {
            problems.add(Problem.error(sheet, at, context, header + result.errorZh(), null));
        } else if (formula != null) {
            formulaCells.add(at);
        }
        return result;
    }

    /** After the table: one 提示 for the number cells that were read from formulas' results. */
    final void reportFormulas() {
        if (!formulaCells.isEmpty()) {
            problems.add(Problem.warning(sheet, formulaCells.get(0), null, "本表有" + formulaCells.size() + "个数值单元格是公式（"
                    + String.join("、", formulaCells.subList(0, Math.min(5, formulaCells.size()))) + (formulaCells.size() > 5 ? "等" : "")
                    + "），已按文件中保存的计算结果读取。", "请核对这些单元格的数值；建议将公式单元格以“数值”方式粘贴后报送。"));
        }
    }

    /** The address of a column's cell in a row, e.g. F12. */
    protected final String cell(String key, ReadForm.TableRow row) {
        return table.column(key).col() + row.rowNo();
    }
}
