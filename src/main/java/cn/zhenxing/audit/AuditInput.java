package cn.zhenxing.audit;

import java.math.BigDecimal;
import java.util.Map;

/**
 * What the rules read: the rows of a received form (cells known) or the accepted rows of the
 * warehouse (cells unknown), the catalog as of the quarter, and the accepted history around it.
 */
public final class AuditInput {

    private AuditInput() {
    }

    /**
     * A 表1 row. {@code cells}: the cell of each variable (value, prior, numerator, denominator) in the
     * file, empty for warehouse rows; {@code unitCode}/{@code submissionId}: whose row it is.
     */
    public record IndicatorRow(String sheet, Map<String, String> cells, String regionCode, String indicatorCode, BigDecimal value,
                               BigDecimal prior, BigDecimal numerator, BigDecimal denominator, String note, String unitCode,
                               Long submissionId) {}

    /** A 表3 row; {@code projectCode} is null for a project the unit added. */
    public record ProjectRow(String sheet, Map<String, String> cells, String projectCode, String projectName, BigDecimal total,
                             BigDecimal annualPlan, BigDecimal quarter, BigDecimal ytd, String note, String unitCode, Long submissionId) {}

    /** An indicator as the rules see it: its catalog attributes and the plan's figures for its scope. */
    public record Indicator(String code, String nameZh, String unit, Map<String, String> attributes, BigDecimal factor,
                            String scopeType, String scopeCode, BigDecimal planBaseline, BigDecimal planTarget) {}

    public record Region(String code, String nameZh, String level, String cityCode) {}

    /** The catalog as of the quarter. */
    public record Catalog(Map<String, Indicator> indicators, Map<String, Region> regions) {}

    /**
     * Accepted values around the quarter, by "region|indicator": last quarter's, the same quarter
     * last year's, and the same region's value on another unit's current form; by project code, last
     * quarter's year-to-date investment (same year only).
     */
    public record History(Map<String, BigDecimal> lastQuarter, Map<String, BigDecimal> lastYear, Map<String, BigDecimal> otherForm,
                          Map<String, BigDecimal> lastYtd) {
        public static final History NONE = new History(Map.of(), Map.of(), Map.of(), Map.of());
    }
}
