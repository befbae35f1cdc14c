package cn.zhenxing.form;

import cn.zhenxing.warehouse.Quarter;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * What one unit's form for one quarter holds: the pre-filled rows of 表1–表3 and the unit's deadline.
 * Built by {@link FormContentService} from the catalog and the warehouse; the same content is used to
 * check a returned file.
 */
public record FormContent(Unit unit, Quarter period, LocalDate deadline, List<IndicatorRow> indicators, List<TaskRow> tasks,
                          List<ProjectRow> projects) {

    public record Unit(int unitKey, String code, String name, String kind, String regionCode) {}

    /**
     * 表1: one region × indicator. {@code required}: the region is at the indicator's report level, so
     * nobody else can report it (a city may leave its own row of a county indicator blank: it is
     * rolled up from its counties). {@code ratio}: the indicator is rolled up by recomputing it from a
     * numerator and a denominator, so the row collects 分子值 and 分母值 too. {@code lastYear}: the
     * warehouse's current accepted value of the same quarter last year, pre-filled and locked as
     * 上年同期值; null when there is none (the cell is then open, with a 提示).
     */
    public record IndicatorRow(String regionCode, String regionName, int indicatorKey, String indicatorCode,
                               String indicatorName, String unit, boolean ratio, String valueKind, boolean required,
                               Explanation explanation, BigDecimal lastYear) {
        public String key() {
            return regionCode + "|" + indicatorCode;
        }
    }

    /**
     * An indicator's 指标解释 from the catalog (etl/reference/README.md): definition and whether a
     * plan or the statistical system defines it, 口径 ({@code basis}, {@code growthBase}), what a cell
     * accepts ({@code valueRange}), the ratio's parts, the source plan and its target.
     */
    public record Explanation(String definition, String definitionSource, String valueKind, String basis, String growthBase, String valueRange,
                              String numeratorName, String denominatorName, String planTitle, String target) {

        /** 口径 as the form shows it: 期末数, 1—N月累计, 本季度, 比上年同期增长(%), 规划期累计. */
        public String basisZh(Quarter period) {
            String months = period.quarter() == 4 ? "全年" : "1—" + period.quarter() * 3 + "月累计";
            if (basis == null) {
                return "";
            }
            return switch (basis) {
                case "level" -> "期末数";
                case "ytd_flow" -> months;
                case "quarter_flow" -> "本季度";
                case "growth_yoy" -> "reduction".equals(valueKind) ? "比上年同期降低" : months + "比上年同期增长";
                case "period_total" -> "baseline_year".equals(growthBase) ? "比规划基期年降低" : "规划期累计";
                default -> basis;
            };
        }

        /** What a growth or a cut compares with, in words; empty for levels and flows. */
        public String growthBaseZh() {
            if (growthBase == null) {
                return "";
            }
            return switch (growthBase) {
                case "same_period_last_year" -> "与上年同期相比";
                case "baseline_year" -> "与规划基期年相比";
                default -> growthBase;
            };
        }

        public boolean undefinedByPlans() {
            return "undefined".equals(definitionSource);
        }
    }

    /** 表2: one task, reported for the unit's own region. */
    public record TaskRow(int taskKey, String taskCode, String taskName, String departments) {}

    /** 表3: one catalog project located in the unit's regions. */
    public record ProjectRow(int projectKey, String projectCode, String projectName) {}
}
