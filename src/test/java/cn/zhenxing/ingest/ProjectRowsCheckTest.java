package cn.zhenxing.ingest;

import static cn.zhenxing.ingest.CheckFixtures.CONTENT;
import static cn.zhenxing.ingest.CheckFixtures.DEF;
import static cn.zhenxing.ingest.CheckFixtures.row;
import static org.assertj.core.api.Assertions.assertThat;

import cn.zhenxing.workbook.Problem;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProjectRowsCheckTest {

    private final List<Problem> problems = new ArrayList<>();

    private ProjectRowsCheck check() {
        return new ProjectRowsCheck(DEF.table("projects"), CONTENT, problems);
    }

    @Test
    void issued_and_new_projects_give_typed_rows() {
        ProjectRowsCheck check = check();
        check.accept(row(5, "project_code", "P001", "total", "12", "annual_plan", "3", "quarter", "1", "ytd", "2.5", "milestone", "建设"));
        check.accept(row(6, "project_name", "新建物流园", "quarter", "0.2", "ytd", "0.2"));
        List<CheckedForm.ProjectProgress> rows = check.finish();
        assertThat(problems).isEmpty();
        assertThat(rows).extracting(CheckedForm.ProjectProgress::projectName).containsExactly("长治光伏产业园", "新建物流园");
        assertThat(rows.get(0).ytd()).isEqualByComparingTo("2.5");
        assertThat(rows.get(1).projectCode()).isNull();
    }

    @Test
    void unknown_code_nameless_row_duplicate_and_bad_milestone_are_errors() {
        ProjectRowsCheck check = check();
        check.accept(row(5, "project_code", "P404", "project_name", "别处的项目"));
        check.accept(row(6, "total", "1"));
        check.accept(row(7, "project_code", "P001", "total", "-1", "milestone", "快完了"));
        check.accept(row(8, "project_code", "P001"));
        assertThat(check.finish()).hasSize(1);
        assertThat(problems).extracting(Problem::cell).containsExactly("A5", "B6", "G7", "A8");
        assertThat(problems.get(0).messageZh()).contains("项目编码“P404”不是下发给本单位的项目");
        assertThat(problems.get(1).messageZh()).isEqualTo("新增项目未填写项目名称。");
        assertThat(problems.get(2).messageZh()).contains("形象进度“快完了”不是规定的选项");
        assertThat(problems.get(3).messageZh()).isEqualTo("此项目重复出现。");
    }
}
