package cn.zhenxing.form;

import cn.zhenxing.warehouse.Quarter;
import java.util.List;

/**
 * What one unit's form for one quarter holds: the pre-filled rows of 表1–表3. Built by
 * {@link FormContentService} from the catalog; the same content is used to check a returned file.
 */
public record FormContent(Unit unit, Quarter period, List<IndicatorRow> indicators, List<TaskRow> tasks,
                          List<ProjectRow> projects) {

    public record Unit(int unitKey, String code, String name, String kind, String regionCode) {}

    /**
     * 表1: one region × indicator. {@code required}: the region is at the indicator's report level, so
     * nobody else can report it (a city may leave its own row of a county indicator blank: it is
     * rolled up from its counties). {@code ratio}: the indicator is rolled up by recomputing it from a
     * numerator and a denominator, so the row collects 分子值 and 分母值 too.
     */
    public record IndicatorRow(String regionCode, String regionName, int indicatorKey, String indicatorCode,
                               String indicatorName, String unit, boolean ratio, String valueKind, boolean required) {
        public String key() {
            return regionCode + "|" + indicatorCode;
        }
    }

    /** 表2: one task, reported for the unit's own region. */
    public record TaskRow(int taskKey, String taskCode, String taskName, String departments) {}

    /** 表3: one catalog project located in the unit's regions. */
    public record ProjectRow(int projectKey, String projectCode, String projectName) {}
}
