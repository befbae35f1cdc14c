package cn.zhenxing.form;

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
        List<String> sheetNames = new ArrayList<>();
        Map<String, String> metaCells = new HashMap<>();
        Map<String, String> cover = new HashMap<>();
        Map<String, FormDefinition.Table> tableBySheet = new HashMap<>();
        def.tables().forEach(t -> tableBySheet.put(t.sheet(), t));
        Map<String, Map<Integer, String>> headers = new HashMap<>();

        WorkbookCells.read(file, format, name -> sheetNames.add(name) && (name.equals(def.metaSheet())
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
        Map<String, String> meta = new HashMap<>();
        metaCells.forEach((k, v) -> {
            if (k.startsWith("key")) {
                String value = metaCells.get("value" + k.substring(3));
                if (value != null) {
                    meta.put(v.strip(), value.strip());
                }
            }
        });
        return new ReadForm(format, sheetNames, meta, cover, headers,
                (table, rows, stray) -> streamRows(file, format, def, table, rows, stray));
    }

    private static void streamRows(Path file, FileFormat format, FormDefinition def, FormDefinition.Table table,
                                   Consumer<ReadForm.TableRow> rows, Consumer<String> stray) throws WorkbookCells.UnreadableException {
        Map<Integer, FormDefinition.Column> columns = new HashMap<>();
        table.columns().forEach(c -> columns.put(c.index(), c));
        String footerStart = def.footer().substring(0, Math.min(5, def.footer().length()));
        int[] current = {-1};
        Map<String, String>[] cells = new Map[] {new HashMap<>()};
        Runnable flush = () -> {
            if (current[0] >= 0 && !cells[0].isEmpty()) {
                rows.accept(new ReadForm.TableRow(current[0] + 1, cells[0]));
            }
            cells[0] = new HashMap<>();
        };
        WorkbookCells.read(file, format, name -> name.equals(table.sheet()), (sheet, row, col, text) -> {
            if (row < table.firstDataRow() - 1) {
                return;
            }
            if (row != current[0]) {
                flush.run();
                current[0] = row;
            }
            if (col == 0 && text.startsWith(footerStart)) {
                return; // the form's signature line below the table
            }
            FormDefinition.Column column = columns.get(col);
            if (column == null) {
                stray.accept(new CellReference(row, col).formatAsString(false));
            } else {
                cells[0].put(column.key(), text);
            }
        });
        flush.run();
    }
}
