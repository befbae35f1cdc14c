package cn.zhenxing.ingest;

import cn.zhenxing.form.FormContent;
import cn.zhenxing.form.FormMeta;
import cn.zhenxing.workbook.FileFormat;
import cn.zhenxing.workbook.Problem;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** A received form after validation: what it says, typed, and every problem found. */
public record CheckedForm(FileFormat format, FormMeta meta, FormContent content, Cover cover, List<IndicatorValue> indicators,
                          List<TaskProgress> tasks, List<ProjectProgress> projects, List<Problem> problems, boolean late,
                          LocalDate deadline) {

    /** The cover's sign-off line: 填表人, 联系电话, 单位负责人, 统计负责人 ({@code reviewer}), 报出日期. */
    public record Cover(String filler, String phone, String unitHead, String reviewer, LocalDate fillDate) {}

    public record IndicatorValue(String sheet, int rowNo, String regionCode, String indicatorCode, String valueRaw, BigDecimal value,
                                 String valueCell, String priorRaw, BigDecimal prior, String priorCell, BigDecimal numerator,
                                 String numeratorCell, BigDecimal denominator, String denominatorCell, String note) {}

    public record TaskProgress(String sheet, int rowNo, String taskCode, String status, String statusCell, BigDecimal percent,
                               String percentCell, String progress, String problems, String nextSteps) {}

    public record ProjectProgress(String sheet, int rowNo, String projectCode, String projectName, BigDecimal total,
                                  BigDecimal annualPlan, BigDecimal quarter, BigDecimal ytd, String milestone, String note,
                                  String firstCell) {}

    /** A file refused as a whole, before any of its rows could be read. */
    static CheckedForm refused(FileFormat format, String messageZh, String fixZh) {
        return new CheckedForm(format, new FormMeta(null, null, null), null, null, List.of(), List.of(), List.of(),
                List.of(Problem.error(null, null, null, messageZh, fixZh)), false, null);
    }

    public long errorCount() {
        return problems.stream().filter(Problem::isError).count();
    }

    public long warningCount() {
        return problems.size() - errorCount();
    }

    public boolean accepted() {
        return errorCount() == 0;
    }
}
