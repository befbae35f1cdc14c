package cn.zhenxing.workbook;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NumberCellTest {

    @ParameterizedTest(name = "{0} ({1}) -> {2}")
    @CsvSource(delimiter = '|', value = {
            "1234.5       | 亿元 | 1234.5",
            "'1,234,567.8' | 万人 | 1234567.8",
            "１２３４      | 个   | 1234",
            "６５．３      | %    | 65.3",
            "65.3%        | %    | 65.3",
            "65.3％        | %    | 65.3",
            "' 42 '       | 个   | 42",
            "-3.5         | %    | -3.5",
            "1E3          | 个   | 1000",
    })
    void normalisesWhatStatisticiansType(String raw, String unit, String expected) {
        NumberCell.Result r = NumberCell.parse(raw, unit);
        assertThat(r.ok()).isTrue();
        assertThat(r.value()).isEqualByComparingTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"12万元 | 亿元", "约30 | 个", "30左右 | 个", "65.3% | 亿元", "1,23 | 个", "— | 个", "N/A | %"})
    void unitsAndWordsAreErrorsNamingTheUnit(String raw, String unit) {
        NumberCell.Result r = NumberCell.parse(raw, unit);
        assertThat(r.ok()).isFalse();
        assertThat(r.value()).isNull();
        assertThat(r.errorZh()).contains("不是数字").contains(raw.strip()).contains(unit);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"''", "'   '"})
    void blankIsNotReportedNotAnError(String raw) {
        NumberCell.Result r = NumberCell.parse(raw, "个");
        assertThat(r.blank()).isTrue();
        assertThat(r.ok()).isTrue();
    }
}
