package cn.zhenxing.workbook;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ProblemListTest {

    @Test
    void past_the_cap_only_a_count_is_kept_and_one_summary_line_says_how_many() {
        ProblemList problems = new ProblemList();
        for (int i = 0; i < ProblemList.CAP + 25; i++) {
            problems.add(Problem.error("表1", "F" + i, null, "错", null));
        }
        List<Problem> done = problems.withSummary();
        assertThat(done).hasSize(ProblemList.CAP + 1);
        assertThat(done.get(ProblemList.CAP).messageZh()).isEqualTo("另有25处问题未逐一列出。");
    }

    @Test
    void under_the_cap_nothing_is_added() {
        ProblemList problems = new ProblemList();
        problems.add(Problem.warning(null, null, null, "提示", null));
        assertThat(problems.withSummary()).hasSize(1);
    }
}
