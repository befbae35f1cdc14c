package cn.zhenxing.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class UnitDeadlineTest {

    static final LocalDate DEADLINE = LocalDate.of(2026, 1, 15);

    static ReportingCalendar.UnitDeadline unit(boolean accepted, boolean rejected) {
        return new ReportingCalendar.UnitDeadline("140400", "长治市发展和改革委员会", DEADLINE, accepted, rejected);
    }

    @Test
    void overdueOnlyAfterTheUnitsOwnDeadlineWithNothingAccepted() {
        assertThat(unit(false, false).overdueOn(DEADLINE)).isFalse();
        assertThat(unit(false, false).overdueOn(DEADLINE.plusDays(1))).isTrue();
        assertThat(unit(true, false).overdueOn(DEADLINE.plusDays(1))).isFalse();
    }

    @Test
    void missingMeansOverdueOrReturnedAsTheCompletenessMartSays() {
        assertThat(unit(false, false).missingOn(DEADLINE)).isFalse();
        assertThat(unit(false, true).missingOn(DEADLINE.minusDays(5))).isTrue();
        assertThat(unit(false, false).missingOn(DEADLINE.plusDays(1))).isTrue();
        assertThat(unit(true, true).missingOn(DEADLINE.plusDays(1))).isFalse();
    }
}
