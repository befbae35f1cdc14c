package cn.zhenxing.ingest;

import static cn.zhenxing.ingest.CheckFixtures.DEF;
import static cn.zhenxing.ingest.CheckFixtures.UNIT;
import static org.assertj.core.api.Assertions.assertThat;

import cn.zhenxing.workbook.Problem;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CoverCheckTest {

    private final List<Problem> problems = new ArrayList<>();

    @Test
    void a_filled_cover_is_typed() {
        CheckedForm.Cover cover = CoverCheck.check(DEF.cover(), Map.of("B4", "长治市", "B20", "王五", "D20", "李四", "F20", " 张三 ",
                "H20", "0355-1234567", "J20", "2025年10月9日"), UNIT, problems);
        assertThat(problems).isEmpty();
        assertThat(cover).isEqualTo(new CheckedForm.Cover("张三", "0355-1234567", "王五", "李四", LocalDate.of(2025, 10, 9)));
    }

    @Test
    void missing_required_fields_are_errors_naming_their_cells() {
        CoverCheck.check(DEF.cover(), Map.of("B4", "长治市", "B20", "王五", "H20", "0355-1234567", "J20", "2025-10-09"), UNIT, problems);
        assertThat(problems).extracting(Problem::cell).containsExactly("D20", "F20");
        assertThat(problems.get(0).messageZh()).isEqualTo("封面“统计负责人”未填写。");
        assertThat(problems.get(1).messageZh()).isEqualTo("封面“填表人”未填写。");
        assertThat(problems.get(1).fixZh()).isEqualTo("请在F20单元格填写填表人。");
    }

    @Test
    void bad_phone_bad_date_and_another_units_name_are_errors() {
        CheckedForm.Cover cover = CoverCheck.check(DEF.cover(), Map.of("B4", "晋城市", "B20", "王五", "D20", "李四", "F20", "张三",
                "H20", "找办公室", "J20", "十月九日"), UNIT, problems);
        assertThat(problems).extracting(Problem::cell).containsExactly("H20", "J20", "B4");
        assertThat(problems.get(0).messageZh()).isEqualTo("联系电话“找办公室”格式不正确。");
        assertThat(problems.get(1).messageZh()).isEqualTo("报出日期“十月九日”不是有效日期。");
        assertThat(problems.get(2).messageZh()).contains("填报单位被改为“晋城市”，与模板所属单位“长治市”不一致");
        assertThat(cover.fillDate()).isNull();
    }
}
