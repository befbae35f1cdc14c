package cn.zhenxing.calendar;

import cn.zhenxing.warehouse.Quarter;

/** A quarter's deadlines changed (an exception was granted): whatever is derived from them is out of date. */
public record CalendarChanged(Quarter quarter, String reason) {
}
