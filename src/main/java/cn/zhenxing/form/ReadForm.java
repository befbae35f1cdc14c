package cn.zhenxing.form;

import cn.zhenxing.workbook.FileFormat;
import cn.zhenxing.workbook.WorkbookCells;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A received workbook's head as read (metadata, cover cells, table header rows), and a way to stream
 * each table's data rows: the rows are never all held in memory.
 */
public record ReadForm(FileFormat format, List<String> sheetNames, Map<String, String> meta, Map<String, String> cover,
                       Map<String, Map<Integer, String>> headers, RowSource rows) {

    /** Streams one table's data rows in sheet order; cells right of the defined columns go to {@code stray}. */
    @FunctionalInterface
    public interface RowSource {
        void forEach(FormDefinition.Table table, Consumer<TableRow> rows, Consumer<String> stray) throws WorkbookCells.UnreadableException;
    }

    /**
     * One data row: its Excel row number, the text of each defined column (by column key), and the
     * columns whose cell held a formula (its cached result is in {@code cells} when there is one).
     */
    public record TableRow(int rowNo, Map<String, String> cells, Map<String, Formula> formulas) {

        public TableRow(int rowNo, Map<String, String> cells) {
            this(rowNo, cells, Map.of());
        }

        public String get(String key) {
            String v = cells.get(key);
            return v == null || v.isBlank() ? null : v.strip();
        }

        public boolean isEmpty() {
            return formulas.isEmpty() && cells.values().stream().allMatch(v -> v == null || v.isBlank());
        }

        /** The formula in a column's cell, or null when it held a typed value. */
        public Formula formula(String key) {
            return formulas.get(key);
        }
    }

    /** @param cached the result stored with the formula (null: none); {@code error} when it is e.g. #DIV/0! */
    public record Formula(String cached, boolean error) {
        public boolean usable() {
            return cached != null && !cached.isBlank() && !error;
        }
    }

    public FormMeta formMeta() {
        return new FormMeta(meta.get(FormMeta.KEY_TEMPLATE_VERSION), meta.get(FormMeta.KEY_UNIT_CODE), meta.get(FormMeta.KEY_PERIOD));
    }

    public boolean isZhenxingForm() {
        return "1".equals(meta.get(FormMeta.KEY_MARKER));
    }
}
