package cn.zhenxing.submission;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.poi.ss.util.CellReference;

/** Reads a returned form's cells into a {@link ReadForm}, using the layout of the form definition. */
public final class FormReader {

    private FormReader() {}

    public static ReadForm read(Path file, FileFormat format, FormDefinition def) throws WorkbookCells.UnreadableException {
        List<String> sheetNames = WorkbookCells.sheetNames(file, format);
        Map<String, String> meta = new HashMap<>();
        Map<String, String> cover = new HashMap<>();
        Map<String, FormDefinition.Table> tableBySheet = new HashMap<>();
        def.tables().forEach(t -> tableBySheet.put(t.sheet(), t));
        Map<String, Map<Integer, String>> headers = new HashMap<>();
        Map<String, TreeMap<Integer, Map<String, String>>> rows = new HashMap<>();
        Map<String, List<String>> stray = new LinkedHashMap<>();
        String footerStart = def.footer().substring(0, Math.min(5, def.footer().length()));

        WorkbookCells.read(file, format, name -> name.equals(def.metaSheet()) || name.equals(def.cover().sheet())
                || tableBySheet.containsKey(name), (sheet, row, col, text) -> {
            if (sheet.equals(def.metaSheet())) {
                if (col == 1) {
                    meta.put("row" + row, text);
                } else if (col == 0) {
                    meta.put("key" + row, text);
                }
                return;
            }
            if (sheet.equals(def.cover().sheet())) {
                cover.put(new CellReference(row, col).formatAsString(false), text);
                return;
            }
            FormDefinition.Table table = tableBySheet.get(sheet);
            if (row == table.headerRow() - 1) {
                headers.computeIfAbsent(sheet, k -> new HashMap<>()).put(col, text);
            } else if (row >= table.firstDataRow() - 1) {
                if (col == 0 && text.startsWith(footerStart)) {
                    return; // the form's signature line below the table
                }
                FormDefinition.Column column = table.columns().stream().filter(c -> c.index() == col).findFirst().orElse(null);
                if (column == null) {
                    stray.computeIfAbsent(sheet, k -> new ArrayList<>()).add(new CellReference(row, col).formatAsString(false));
                    return;
                }
                rows.computeIfAbsent(sheet, k -> new TreeMap<>()).computeIfAbsent(row + 1, k -> new HashMap<>()).put(column.key(), text);
            }
        });

        Map<String, String> metaByKey = new HashMap<>();
        meta.forEach((k, v) -> {
            if (k.startsWith("key")) {
                String value = meta.get("row" + k.substring(3));
                if (value != null) {
                    metaByKey.put(v.strip(), value.strip());
                }
            }
        });
        Map<String, List<ReadForm.TableRow>> tables = new LinkedHashMap<>();
        for (FormDefinition.Table table : def.tables()) {
            List<ReadForm.TableRow> list = new ArrayList<>();
            rows.getOrDefault(table.sheet(), new TreeMap<>()).forEach((rowNo, cells) -> list.add(new ReadForm.TableRow(rowNo, cells)));
            tables.put(table.key(), list);
        }
        return new ReadForm(format, sheetNames, metaByKey, cover, headers, tables, stray);
    }
}
