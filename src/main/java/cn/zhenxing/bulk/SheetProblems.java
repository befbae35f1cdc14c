package cn.zhenxing.bulk;

import cn.zhenxing.workbook.Problem;
import java.util.ArrayList;
import java.util.List;

/** The problems of one monitoring file (capped: a million wrong rows must not fill the heap) and their count. */
public final class SheetProblems {
    static final int MAX_MESSAGES = 1000;

    private final List<Problem> problems = new ArrayList<>();
    private long errors;
    private final String sheet;

    SheetProblems(String sheet) {
        this.sheet = sheet;
    }

    void error(String cell, String context, String messageZh, String fixZh) {
        errors++;
        if (problems.size() < MAX_MESSAGES) {
            problems.add(Problem.error(cell == null ? null : sheet, cell, context, messageZh, fixZh));
        } else if (problems.size() == MAX_MESSAGES) {
            problems.add(Problem.error(null, null, null, "……错误过多，仅列出前" + MAX_MESSAGES + "条。", "请按所列问题检查整张表后重新报送。"));
        }
    }

    /** A problem of the whole file (no cell). */
    void fileError(String messageZh, String fixZh) {
        errors++;
        problems.add(Problem.error(null, null, null, messageZh, fixZh));
    }

    public long errors() {
        return errors;
    }

    public List<Problem> list() {
        return List.copyOf(problems);
    }
}
