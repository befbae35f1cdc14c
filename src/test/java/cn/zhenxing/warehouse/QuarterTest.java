package cn.zhenxing.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class QuarterTest {

    @Test
    void parsesAndFormatsTheCodeAndKey() {
        Quarter q = Quarter.parse("2025Q3");
        assertThat(q.code()).isEqualTo("2025Q3");
        assertThat(q.key()).isEqualTo(20253);
        assertThat(Quarter.ofKey(20253)).isEqualTo(q);
        assertThat(q.labelZh()).isEqualTo("2025年第三季度");
        assertThat(q.start()).isEqualTo(LocalDate.of(2025, 7, 1));
        assertThat(q.end()).isEqualTo(LocalDate.of(2025, 9, 30));
    }

    @Test
    void arithmeticCrossesYears() {
        assertThat(Quarter.parse("2025Q1").previous()).isEqualTo(Quarter.parse("2024Q4"));
        assertThat(Quarter.parse("2024Q4").next()).isEqualTo(Quarter.parse("2025Q1"));
        assertThat(Quarter.parse("2025Q2").yearAgo().key()).isEqualTo(20242);
        assertThat(Quarter.of(LocalDate.of(2026, 1, 10)).previous().code()).isEqualTo("2025Q4");
        assertThat(Quarter.parse("2025Q4").end()).isEqualTo(LocalDate.of(2025, 12, 31));
    }

    @Test
    void refusesWhatIsNotAQuarter() {
        for (String bad : new String[] {"2025Q5", "2025Q0", "25Q1", "2025-Q1", "'", ""}) {
            assertThat(Quarter.isCode(bad)).as(bad).isFalse();
            assertThatThrownBy(() -> Quarter.parse(bad)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2025Q3");
        }
        assertThatThrownBy(() -> Quarter.parse(null)).isInstanceOf(IllegalArgumentException.class);
    }
}
