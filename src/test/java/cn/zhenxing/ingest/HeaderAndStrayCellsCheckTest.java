package cn.zhenxing.ingest;

import static cn.zhenxing.ingest.CheckFixtures.DEF;
import static org.assertj.core.api.Assertions.assertThat;

import cn.zhenxing.form.FormDefinition;
import cn.zhenxing.workbook.Problem;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HeaderAndStrayCellsCheckTest {

    private final List<Problem> problems = new ArrayList<>();

    private static Map<String, Map<Integer, String>> issuedHeaders() {
        Map<String, Map<Integer, String>> headers = new HashMap<>();
        for (FormDefinition.Table table : DEF.tables()) {
            Map<Integer, String> row = new HashMap<>();
            table.columns().forEach(c -> row.put(c.index(), " " + c.header() + " "));
            headers.put(table.sheet(), row);
        }
        return headers;
    }

    @Test
    void the_issued_headers_pass() {
        HeaderCheck.check(DEF, issuedHeaders(), problems);
        assertThat(problems).isEmpty();
    }

    @Test
    void a_renamed_or_missing_header_is_an_error_on_the_header_cell() {
        Map<String, Map<Integer, String>> headers = issuedHeaders();
        headers.get("表1 指标季报").put(6, "本季度值");
        headers.get("表2 重点任务进展").remove(3);
        HeaderCheck.check(DEF, headers, problems);
        assertThat(problems).extracting(Problem::cell).containsExactly("G4", "D4");
        assertThat(problems.get(0).messageZh()).startsWith("表头应为“本期值”，实际为“本季度值”");
        assertThat(problems.get(1).messageZh()).startsWith("表头应为“进展状态”，实际为“（空）”");
    }

    @Test
    void stray_cells_give_one_error_per_sheet_with_a_count_and_three_examples() {
        StrayCellsCheck stray = new StrayCellsCheck();
        for (int row = 5; row < 10; row++) {
            stray.add("表1 指标季报", "K" + row);
        }
        stray.add("表3 重点项目进展", "Z1");
        stray.report(problems);
        assertThat(problems).hasSize(2);
        assertThat(problems.get(0).cell()).isEqualTo("K5");
        assertThat(problems.get(0).messageZh()).isEqualTo("表格右侧多出了内容（共5个单元格，如 K5、K6、K7）。");
        assertThat(problems.get(1).sheet()).isEqualTo("表3 重点项目进展");
    }
}
