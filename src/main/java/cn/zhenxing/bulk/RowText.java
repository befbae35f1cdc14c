package cn.zhenxing.bulk;

import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.Row;

/** The cells of a streamed fastexcel row as text, and cell references for messages. */
final class RowText {

    private RowText() {}

    static Cell cellAt(Row row, int c) {
        return c < row.getCellCount() ? row.getCell(c) : null;
    }

    static String text(Row row, int c) {
        return text(cellAt(row, c));
    }

    /** The cell as text: strings as written, numbers as stored in the file (no display formatting). */
    static String text(Cell cell) {
        if (cell == null) {
            return null;
        }
        return switch (cell.getType()) {
            case STRING -> (String) cell.getValue();
            case NUMBER -> cell.getRawValue();
            case EMPTY -> null;
            case ERROR -> "#" + cell.getRawValue();
            default -> cell.getValue() == null ? null : cell.getValue().toString();
        };
    }

    static boolean blank(Row row) {
        for (int c = 0; c < row.getCellCount(); c++) {
            String t = text(row.getCell(c));
            if (t != null && !t.isBlank()) {
                return false;
            }
        }
        return true;
    }

    /** The A1 reference of a cell, e.g. "F12". */
    static String ref(int rowNo, String col) {
        return col + rowNo;
    }
}
