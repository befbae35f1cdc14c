package cn.zhenxing.bulk;

import java.math.BigDecimal;
import java.time.LocalDate;

/** One reading of a monitoring form: one parameter cell of a row, as it is landed in {@code fact_monitoring_reading}. */
public record MonitoringReading(int rowNo, String pointCode, LocalDate date, String parameter, BigDecimal value) {
}
