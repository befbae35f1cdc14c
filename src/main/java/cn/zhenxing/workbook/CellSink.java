package cn.zhenxing.workbook;

/** Receives the non-empty cells of a workbook, sheet by sheet, row by row, as text. */
@FunctionalInterface
public interface CellSink {

    /**
     * @param sheet  sheet name
     * @param row    0-based row index
     * @param col    0-based column index
     * @param text   the cell's value as text: numbers in plain notation (no grouping, full precision),
     *               dates as yyyy-MM-dd, strings as typed, formulas as their cached result
     * @throws WorkbookCells.StopSheet to skip the rest of this sheet
     */
    void cell(String sheet, int row, int col, String text);

    /**
     * A formula cell. By default its cached result is taken like a typed value.
     *
     * @param cached the result the file stored with the formula, as {@link #cell} would give it; null
     *               when the file holds none (written by a program that does not calculate)
     * @param error  the cached result is an error value such as {@code #DIV/0!} (then {@code cached} is its text)
     */
    default void formula(String sheet, int row, int col, String cached, boolean error) {
        if (cached != null && !cached.isEmpty()) {
            cell(sheet, row, col, cached);
        }
    }
}
