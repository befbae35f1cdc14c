package cn.zhenxing.ingest;

import static cn.zhenxing.ingest.CheckFixtures.CONTENT;
import static cn.zhenxing.ingest.CheckFixtures.COUNTY;
import static cn.zhenxing.ingest.CheckFixtures.DEF;
import static cn.zhenxing.ingest.CheckFixtures.GDP;
import static cn.zhenxing.ingest.CheckFixtures.URBAN;
import static cn.zhenxing.ingest.CheckFixtures.indicator;
import static cn.zhenxing.ingest.CheckFixtures.row;
import static org.assertj.core.api.Assertions.assertThat;

import cn.zhenxing.workbook.Problem;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class IndicatorRowsCheckTest {

    private final List<Problem> problems = new ArrayList<>();

    private IndicatorRowsCheck check() {
        return new IndicatorRowsCheck(DEF.table("indicators"), CONTENT, problems);
    }

    @Test
    void complete_plausible_rows_give_no_problem_and_typed_values() {
        IndicatorRowsCheck check = check();
        check.accept(indicator(5, GDP, "1,050.5"));
        check.accept(indicator(6, URBAN, "65.3%"));
        check.accept(indicator(7, COUNTY, null));
        List<CheckedForm.IndicatorValue> values = check.finish();
        assertThat(problems).isEmpty();
        assertThat(values).hasSize(3);
        assertThat(values.get(0).value()).isEqualByComparingTo("1050.5");
        assertThat(values.get(0).valueCell()).isEqualTo("G5");
        assertThat(values.get(1).value()).isEqualByComparingTo("65.3");
    }

    @Test
    void blank_required_value_is_an_error_naming_the_cell_unless_a_note_explains() {
        IndicatorRowsCheck check = check();
        check.accept(indicator(5, GDP, null));
        check.accept(indicator(6, URBAN, null, "note", "统计局尚未发布"));
        check.accept(indicator(7, COUNTY, null));
        check.finish();
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.isError()).isTrue();
            assertThat(p.sheet()).isEqualTo("表1 指标季报");
            assertThat(p.cell()).isEqualTo("G5");
            assertThat(p.contextZh()).isEqualTo("长治市“地区生产总值”");
            assertThat(p.messageZh()).isEqualTo("本期值未填写。");
        });
    }

    @Test
    void a_text_value_is_an_error_and_a_negative_one_is_left_to_the_rules() {
        IndicatorRowsCheck check = check();
        check.accept(indicator(5, GDP, "-3"));
        check.accept(indicator(6, URBAN, "约60"));
        assertThat(problems).extracting(Problem::cell).containsExactly("G6");
        assertThat(problems.get(0).messageZh()).startsWith("本期值“约60”不是数字");
    }

    @Test
    void a_duplicate_row_is_an_error_and_not_kept() {
        IndicatorRowsCheck check = check();
        check.accept(indicator(5, GDP, "100"));
        check.accept(indicator(9, GDP, "100"));
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.cell()).isEqualTo("A9");
            assertThat(p.messageZh()).isEqualTo("此行重复出现。");
        });
        assertThat(check.finish()).hasSize(1);
    }

    @Test
    void rows_not_issued_and_regions_of_others_are_errors_and_missing_rows_are_counted() {
        IndicatorRowsCheck check = check();
        check.accept(row(20, "region_code", "140100", "region_name", "太原市", "indicator_code", "GDP01", "value", "1"));
        check.accept(row(6, "region_code", "140400", "region_name", "长治市", "indicator_code", "XXX", "indicator_name", "自编指标"));
        check.finish();
        assertThat(problems).hasSize(3);
        assertThat(problems.get(0).messageZh()).contains("地区代码“140100”不在“长治市”的填报范围内");
        assertThat(problems.get(1).messageZh()).contains("第6行不是下发模板中的行");
        assertThat(problems.get(2).messageZh()).startsWith("缺少3行下发模板中的行");
    }

    @Test
    void a_prefilled_region_code_changed_to_another_citys_county_is_asked_back_not_deleted() {
        IndicatorRowsCheck check = check();
        int countyRow = CheckFixtures.DEF.table("indicators").firstDataRow() + 2; // the template's third row: 潞州区
        check.accept(row(countyRow, "region_code", "140105", "region_name", "潞州区", "indicator_code", "GDP01", "indicator_name", "地区生产总值",
                "value", "1"));
        Problem p = problems.get(0);
        assertThat(p.messageZh()).isEqualTo("地区代码“140105”与本行预填的地区（潞州区 140402）不符，也不在“长治市”的填报范围内。");
        assertThat(p.fixZh()).contains("恢复为“140402”").doesNotContain("删除");
    }

    @Test
    void a_changed_prefilled_name_is_an_error() {
        IndicatorRowsCheck check = check();
        check.accept(row(5, "region_code", "140400", "region_name", "长治", "indicator_code", "GDP01", "indicator_name", "地区生产总值",
                "value", "1"));
        assertThat(problems).singleElement().extracting(Problem::messageZh).isEqualTo("预填的地区名称或指标名称被修改。");
    }

    @Test
    void a_zero_denominator_is_an_error_on_its_cell() {
        IndicatorRowsCheck check = check();
        check.accept(indicator(6, URBAN, "60", "numerator", "6", "denominator", "0"));
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.cell()).isEqualTo("K6");
            assertThat(p.messageZh()).isEqualTo("分母值为0。");
        });
    }
}
