package cn.zhenxing.ingest;

import cn.zhenxing.form.FormDefinition;
import cn.zhenxing.workbook.Problem;
import java.util.List;
import java.util.Map;

/** Each table's header row must be the issued one: a column inserted, moved or renamed breaks the rows. */
final class HeaderCheck {

    private HeaderCheck() {
    }

    /** @param headers per sheet, the header row's text by 0-based column index, as read */
    static void check(FormDefinition def, Map<String, Map<Integer, String>> headers, List<Problem> problems) {
        for (FormDefinition.Table table : def.tables()) {
            Map<Integer, String> row = headers.getOrDefault(table.sheet(), Map.of());
            for (FormDefinition.Column column : table.columns()) {
                String actual = row.get(column.index());
                if (actual == null || !actual.strip().equals(column.header())) {
                    problems.add(Problem.error(table.sheet(), column.col() + table.headerRow(), null,
                            "表头应为“" + column.header() + "”，实际为“" + (actual == null ? "（空）" : actual.strip()) + "”：列被插入、删除、移动或改名。",
                            "请不要调整表格的列；用新下载的模板重新填写。"));
                }
            }
        }
    }
}
