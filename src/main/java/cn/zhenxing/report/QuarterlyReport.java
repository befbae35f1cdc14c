package cn.zhenxing.report;

import cn.zhenxing.warehouse.Quarter;

/** One of the quarterly reports: what it says for a quarter (and, where it has editions, a region). */
interface QuarterlyReport {

    ReportName name();

    /** @param regionCode a city edition's region, or null for the province's */
    ReportDocument build(Quarter quarter, String regionCode);
}
