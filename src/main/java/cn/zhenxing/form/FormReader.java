package cn.zhenxing.form;

import cn.zhenxing.workbook.CellSink;
import cn.zhenxing.workbook.FileFormat;
import cn.zhenxing.workbook.WorkbookCells;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.poi.ss.util.CellReference;

/**
 * Reads a returned form with the layout of the form definition. One streaming pass reads the head
 * (metadata, cover, each table's header row, then skips the rest of the sheet); each table's rows are
 * then streamed on demand, one row at a time, so memory does not grow with the number of rows.
 */
public final class FormReader {

    private FormReader() {}

    public static ReadForm read(Path file, FileFormat format, FormDefinition def) throws WorkbookCells.UnreadableException {
        return read(file, format, def, null);
    }

    /**
     * @param knownMeta the metadata sheet's keys and values when the caller has read them already (the
     *                  ingest identifies every .xlsx by them first); null = read them in this pass
     */
    public static ReadForm read(Path file, FileFormat format, FormDefinition def, Map<String, String> knownMeta)
            throws WorkbookCells.UnreadableException {
        List<String> sheetNames = new ArrayList<>();
        Map<String, String> metaCells = new HashMap<>();
        Map<String, String> cover = new HashMap<>();
        Map<String, FormDefinition.Table> tableBySheet = new HashMap<>();
        def.tables().forEach(t -> tableBySheet.put(t.sheet(), t));
        Map<String, Map<Integer, String>> headers = new HashMap<>();

        WorkbookCells.read(file, format, name -> sheetNames.add(name) && ((knownMeta == null && name.equals(def.metaSheet()))
                || name.equals(def.cover().sheet()) || tableBySheet.containsKey(name)), (sheet, row, col, text) -> {
            if (sheet.equals(def.metaSheet())) {
                metaCells.put((col == 0 ? "key" : "value") + row, text);
            } else if (sheet.equals(def.cover().sheet())) {
                cover.put(new CellReference(row, col).formatAsString(false), text);
            } else {
                FormDefinition.Table table = tableBySheet.get(sheet);
                if (row >= table.headerRow()) {
                    throw WorkbookCells.StopSheet.INSTANCE; // data rows are streamed later
                }
                if (row == table.headerRow() - 1) {
                    headers.computeIfAbsent(sheet, k -> new HashMap<>()).put(col, text);
                }
            }
        });
        Map<String, String> meta = knownMeta != null ? knownMeta : new HashMap<>();
        metaCells.forEach((k, v) -> {
            if (k.startsWith("key")) {
                String value = metaCells.get("value" + k.substring(3));
                if (value != null) {
                    meta.put(v.strip(), value.strip());
                }
            }
        });
        return new ReadForm(format, sheetNames, meta, cover, headers,
                (table, rows, stray) -> streamRows(file, def, table, format, rows, stray));
    }

    private static void streamRows(Path file, FormDefinition def, FormDefinition.Table table, FileFormat format,
                                   Consumer<ReadForm.TableRow> rows, Consumer<String> stray) throws WorkbookCells.UnreadableException {
        TableRows sink = new TableRows(def, table, rows, stray);
        WorkbookCells.read(file, format, name -> name.equals(table.sheet()), sink);
        sink.flush();
    }

    /** Collects one table's cells into rows as the sheet streams by; {@link #finish} flushes the last row. */
    private static final class TableRows implements CellSink {
        private final FormDefinition.Table table;
        private final Consumer<ReadForm.TableRow> rows;
        private final Consumer<String> stray;
        private final Map<Integer, FormDefinition.Column> columns = new HashMap<>();
        private final String footerStart;
        private int current = -1;
        private Map<String, String> cells = new HashMap<>();
        private Map<String, ReadForm.Formula> formulas = new HashMap<>();

        TableRows(FormDefinition def, FormDefinition.Table table, Consumer<ReadForm.TableRow> rows, Consumer<String> stray) {
            this.table = table;
            this.rows = rows;
            this.stray = stray;
            table.columns().forEach(c -> columns.put(c.index(), c));
            this.footerStart = def.footer().substring(0, Math.min(5, def.footer().length()));
        }

        @Override
        public void cell(String sheet, int row, int col, String text) {
            FormDefinition.Column column = column(row, col, text);
            if (column != null) {
                cells.put(column.key(), text);
            }
        }

        @Override
        public void formula(String sheet, int row, int col, String cached, boolean error) {
            FormDefinition.Column column = column(row, col, cached == null ? "" : cached);
            if (column != null) {
                formulas.put(column.key(), new ReadForm.Formula(cached, error));
                if (cached != null && !error) {
                    cells.put(column.key(), cached);
                }
            }
        }

        /** The defined column of a data cell; null for cells above the data, the footer, and stray cells (reported). */
        private FormDefinition.Column column(int row, int col, String text) {
            if (row < table.firstDataRow() - 1) {
                return null;
            }
            if (row != current) {
                flush();
                current = row;
            }
            if (col == 0 && text.startsWith(footerStart)) {
                return null; // the form's signature line below the table
            }
            FormDefinition.Column column = columns.get(col);
            if (column == null) {
                stray.accept(new CellReference(row, col).formatAsString(false));
            }
            return column;
        }

        private void flush() {
            if (current >= 0 && (!cells.isEmpty() || !formulas.isEmpty())) {
                rows.accept(new ReadForm.TableRow(current + 1, cells, formulas));
            }
            cells = new HashMap<>();
            formulas = new HashMap<>();
        }
    }
}
