package cn.zhenxing.warehouse;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.regex.Pattern;

/**
 * A calendar quarter, the reporting period of every form and report. Its code is {@code 2025Q3}; its
 * key in {@code dim_period} is {@code yyyyq} (20253). The one place that parses a quarter and does
 * arithmetic on it: everything else passes a {@code Quarter}.
 */
public record Quarter(int year, int quarter) implements Comparable<Quarter> {

    /** The code's form, for patterns that embed it (report file names). */
    public static final String CODE_REGEX = "\\d{4}Q[1-4]";
    private static final Pattern CODE = Pattern.compile(CODE_REGEX);
    private static final String[] NUMERALS = {"一", "二", "三", "四"};

    public Quarter {
        if (quarter < 1 || quarter > 4 || year < 1000 || year > 9999) {
            throw new IllegalArgumentException("Not a quarter: " + year + "Q" + quarter);
        }
    }

    /** {@code 2025Q3}; anything else is an {@link IllegalArgumentException} naming the expected form. */
    public static Quarter parse(String code) {
        String s = code == null ? "" : code.strip();
        if (!CODE.matcher(s).matches()) {
            throw new IllegalArgumentException("Unknown quarter: " + code + " (expected e.g. 2025Q3)");
        }
        return new Quarter(Integer.parseInt(s.substring(0, 4)), s.charAt(5) - '0');
    }

    public static boolean isCode(String code) {
        return code != null && CODE.matcher(code).matches();
    }

    public static Quarter ofKey(int key) {
        return new Quarter(key / 10, key % 10);
    }

    public static Quarter of(LocalDate date) {
        return new Quarter(date.getYear(), (date.getMonthValue() + 2) / 3);
    }

    public String code() {
        return year + "Q" + quarter;
    }

    /** The period key of {@code dim_period} (yyyyq). */
    public int key() {
        return year * 10 + quarter;
    }

    public Quarter previous() {
        return quarter == 1 ? new Quarter(year - 1, 4) : new Quarter(year, quarter - 1);
    }

    public Quarter next() {
        return quarter == 4 ? new Quarter(year + 1, 1) : new Quarter(year, quarter + 1);
    }

    public Quarter yearAgo() {
        return new Quarter(year - 1, quarter);
    }

    public LocalDate start() {
        return LocalDate.of(year, quarter * 3 - 2, 1);
    }

    public LocalDate end() {
        return YearMonth.of(year, quarter * 3).atEndOfMonth();
    }

    /** 2025年第三季度, as {@code dim_period.label_zh}. */
    public String labelZh() {
        return year + "年第" + NUMERALS[quarter - 1] + "季度";
    }

    @Override
    public int compareTo(Quarter other) {
        return Integer.compare(key(), other.key());
    }

    @Override
    public String toString() {
        return code();
    }
}
