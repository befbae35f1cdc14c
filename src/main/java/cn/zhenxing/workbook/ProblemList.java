package cn.zhenxing.workbook;

import java.util.ArrayList;
import java.util.List;

/**
 * The findings in one file, capped: a file with a million wrong rows must not fill memory. Past the
 * cap only the count is kept, and one last line says how many more there were.
 */
public final class ProblemList extends ArrayList<Problem> {

    public static final int CAP = 1000;
    private long dropped;

    @Override
    public boolean add(Problem problem) {
        if (size() >= CAP) {
            dropped++;
            return false;
        }
        return super.add(problem);
    }

    /** The list itself, with the summary line appended once if findings were dropped. */
    public List<Problem> withSummary() {
        if (dropped > 0) {
            super.add(Problem.error(null, null, null, "另有" + dropped + "处问题未逐一列出。", "请先修改以上问题，重新报送后再看其余问题。"));
            dropped = 0;
        }
        return this;
    }
}
