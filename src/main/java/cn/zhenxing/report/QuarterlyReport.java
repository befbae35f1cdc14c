package cn.zhenxing.report;

import cn.zhenxing.warehouse.Quarter;
import java.time.LocalDate;

/** One of the quarterly reports: what it says for a quarter (and, where it has editions, a region). */
interface QuarterlyReport {

    ReportName name();

    /**
     * @param regionCode a city edition's region, or null for the province's
     * @param reportDate the date the report speaks of (ReportingCalendar.reportDate): on the cover, and durations count to it
     */
    ReportDocument build(Quarter quarter, String regionCode, LocalDate reportDate);
}
