package cn.zhenxing.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExpressionTest {

    private final Map<String, BigDecimal> vars = new HashMap<>(Map.of("a", new BigDecimal("18"), "b", new BigDecimal("100")));

    private BigDecimal eval(String source) {
        return Expression.parse(source).evaluate(vars::get);
    }

    @Test
    void arithmetic_follows_precedence_and_parentheses() {
        assertThat(eval("a / b * 100")).isEqualByComparingTo("18");
        assertThat(eval("1 + 2 * 3")).isEqualByComparingTo("7");
        assertThat(eval("(1 + 2) * 3")).isEqualByComparingTo("9");
        assertThat(eval("-a + 20")).isEqualByComparingTo("2");
        assertThat(eval("abs(a - b) / b")).isEqualByComparingTo("0.82");
        assertThat(eval("max(a, b, 3)")).isEqualByComparingTo("100");
        assertThat(eval("frac(12.25)")).isEqualByComparingTo("0.25");
        assertThat(eval("round(2.345, 1)")).isEqualByComparingTo("2.3");
    }

    @Test
    void a_missing_value_or_a_division_by_zero_has_no_value_unless_coalesce_or_present_looks_through() {
        assertThat(eval("a + missing")).isNull();
        assertThat(eval("a / 0")).isNull();
        assertThat(eval("coalesce(missing, a)")).isEqualByComparingTo("18");
        assertThat(eval("present(missing)")).isEqualByComparingTo("0");
        assertThat(eval("present(a, b)")).isEqualByComparingTo("1");
    }

    @Test
    void comparisons_and_logic_give_one_or_zero() {
        assertThat(eval("a < b and b >= 100")).isEqualByComparingTo("1");
        assertThat(eval("a == b or not (a == 18)")).isEqualByComparingTo("0");
        assertThat(eval("missing > 1 and a > b")).isEqualByComparingTo("0");
        assertThat(eval("missing > 1 or a < b")).isEqualByComparingTo("1");
        assertThat(eval("missing > 1")).isNull();
        assertThat(Expression.parse("missing > 1").holds(vars::get)).isFalse();
    }

    @Test
    void variables_are_listed_and_bad_text_is_refused_with_its_position() {
        assertThat(Expression.parse("numerator / denominator * factor").variables()).containsExactly("numerator", "denominator", "factor");
        assertThatThrownBy(() -> Expression.parse("a +")).hasMessageContaining("unexpected end");
        assertThatThrownBy(() -> Expression.parse("sqrt(a)")).hasMessageContaining("unknown function 'sqrt'");
        assertThatThrownBy(() -> Expression.parse("a = b")).hasMessageContaining("unexpected '= b'");
    }
}
