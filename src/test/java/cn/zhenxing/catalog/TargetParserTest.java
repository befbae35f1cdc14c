package cn.zhenxing.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zhenxing.catalog.TargetParser.Operator;
import cn.zhenxing.catalog.TargetParser.Parsed;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TargetParserTest {

    @ParameterizedTest(name = "{0} -> {1} {2}..{3}")
    @CsvSource(delimiter = '|', value = {
            ">10000        | GT     | 10000 |",
            "≥90           | GE     | 90    |",
            "<5.5          | LT     | 5.5   |",
            "≤13           | LE     | 13    |",
            "68            | EQ     | 68    |",
            "[15]          | EQ     | 15    |",
            "[-17]         | EQ     | -17   |",
            "[≥17.6]       | GE     | 17.6  |",
            "6.5左右        | APPROX | 6.5   |",
            "6.5以上        | GE     | 6.5   |",
            "控制在0.2以下   | LE     | 0.2   |",
            "5000—6000     | RANGE  | 5000  | 6000",
            "3-4           | RANGE  | 3     | 4",
            "2万           | EQ     | 20000 |",
            "60以上         | GE     | 60    |",
    })
    void readsNumbersAndOperators(String text, Operator op, BigDecimal value, BigDecimal high) {
        Parsed parsed = TargetParser.parse(text);
        assertThat(parsed.operator()).isEqualTo(op);
        assertThat(parsed.value()).isEqualByComparingTo(value);
        if (high == null) {
            assertThat(parsed.high()).isNull();
        } else {
            assertThat(parsed.high()).isEqualByComparingTo(high);
        }
        assertThat(parsed.text()).isEqualTo(text.strip());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"完成国家考核目标", "明显提高", "1/10/1/2", "13重点+14一般", "2030年前达峰",
            "县城以上≥20; 乡镇10—20; 农田10", "Ⅳ类以上", "在建1225"})
    void wordsAndCompositesHaveNoNumber(String text) {
        Parsed parsed = TargetParser.parse(text);
        assertThat(parsed.hasNumber()).isFalse();
        assertThat(parsed.text()).isEqualTo(text);
    }

    @Test
    void aspirationsAreFlagged() {
        Parsed parsed = TargetParser.parse("12,力争达到全国平均水平");
        assertThat(parsed.value()).isEqualByComparingTo("12");
        assertThat(parsed.aspirational()).isTrue();
        assertThat(TargetParser.parse("[15]左右").aspirational()).isTrue();
        assertThat(TargetParser.parse(">8").aspirational()).isFalse();
    }

    @Test
    void blankIsNull() {
        assertThat(TargetParser.parse("  ")).isNull();
        assertThat(TargetParser.parse(null)).isNull();
    }
}
