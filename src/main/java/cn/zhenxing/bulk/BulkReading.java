package cn.zhenxing.bulk;

import java.math.BigDecimal;
import java.time.LocalDate;

/** One valid row of a bulk monitoring sheet, as it is landed in {@code stg_monitoring_reading}. */
public record BulkReading(int rowNo, String stationCode, String stationName, String regionCode, LocalDate readingDate,
                          String parameter, BigDecimal value, String unit, String note) {
}
