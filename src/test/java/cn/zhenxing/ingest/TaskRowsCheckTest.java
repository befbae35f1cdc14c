package cn.zhenxing.ingest;

import static cn.zhenxing.ingest.CheckFixtures.CONTENT;
import static cn.zhenxing.ingest.CheckFixtures.DEF;
import static cn.zhenxing.ingest.CheckFixtures.row;
import static org.assertj.core.api.Assertions.assertThat;

import cn.zhenxing.workbook.Problem;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TaskRowsCheckTest {

    private final List<Problem> problems = new ArrayList<>();
    private final TaskRowsCheck check = new TaskRowsCheck(DEF.table("tasks"), CONTENT, problems);

    @Test
    void filled_tasks_give_typed_rows() {
        check.accept(row(5, "task_code", "T01", "status", "按计划推进", "percent", "60%", "progress", "完成一期"));
        check.accept(row(6, "task_code", "T02", "status", "已完成", "percent", "100"));
        List<CheckedForm.TaskProgress> rows = check.finish();
        assertThat(problems).isEmpty();
        assertThat(rows).extracting(CheckedForm.TaskProgress::statusCell).containsExactly("D5", "D6");
        assertThat(rows.get(0).percent()).isEqualByComparingTo("60");
    }

    @Test
    void a_duplicate_task_row_is_an_error() {
        check.accept(row(5, "task_code", "T01", "status", "滞后"));
        check.accept(row(6, "task_code", "T01", "status", "滞后"));
        check.accept(row(7, "task_code", "T02", "status", "滞后"));
        assertThat(check.finish()).hasSize(2);
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.isError()).isTrue();
            assertThat(p.cell()).isEqualTo("A6");
            assertThat(p.contextZh()).isEqualTo("任务“推进产业转型”");
            assertThat(p.messageZh()).isEqualTo("此任务重复出现。");
        });
    }

    @Test
    void status_missing_or_off_the_list_and_percent_out_of_range_are_errors() {
        check.accept(row(5, "task_code", "T01", "percent", "120"));
        check.accept(row(6, "task_code", "T02", "status", "差不多了"));
        check.finish();
        assertThat(problems).extracting(Problem::cell).containsExactly("D5", "E5", "D6");
        assertThat(problems.get(0).messageZh()).isEqualTo("进展状态未填写。");
        assertThat(problems.get(1).messageZh()).isEqualTo("完成进度120超出0–100的范围。");
        assertThat(problems.get(2).messageZh()).contains("不是规定的选项");
    }

    @Test
    void done_below_100_percent_is_a_warning_and_missing_or_unknown_tasks_are_errors() {
        check.accept(row(5, "task_code", "T01", "status", "已完成", "percent", "90"));
        check.accept(row(6, "task_code", "T99", "task_name", "自加任务", "status", "已完成"));
        check.finish();
        assertThat(problems).hasSize(3);
        assertThat(problems.get(0).isError()).isFalse();
        assertThat(problems.get(0).cell()).isEqualTo("E5");
        assertThat(problems.get(1).messageZh()).contains("第6行不是下发模板中的任务（任务编码“T99”）");
        assertThat(problems.get(2).messageZh()).startsWith("缺少1项下发模板中的任务");
    }
}
