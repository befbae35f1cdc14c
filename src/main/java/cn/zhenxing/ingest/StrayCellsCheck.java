package cn.zhenxing.ingest;

import cn.zhenxing.workbook.Problem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Cells right of a table's columns: per sheet a count and the first few addresses, however many there are. */
final class StrayCellsCheck {

    private final Map<String, Cells> bySheet = new LinkedHashMap<>();

    private static final class Cells {
        final List<String> examples = new ArrayList<>();
        long count;
    }

    void add(String sheet, String cell) {
        Cells cells = bySheet.computeIfAbsent(sheet, k -> new Cells());
        if (cells.examples.size() < 3) {
            cells.examples.add(cell);
        }
        cells.count++;
    }

    /** One error per sheet that had any. */
    void report(List<Problem> problems) {
        bySheet.forEach((sheet, cells) -> problems.add(Problem.error(sheet, cells.examples.get(0), null,
                "表格右侧多出了内容（共" + cells.count + "个单元格，如 " + String.join("、", cells.examples) + "）。",
                "请不要在表格外增加列或填写内容，删除这些单元格后重新报送。")));
    }
}
