package cn.zhenxing.report;

import java.util.List;
import java.util.Map;

/**
 * What a report says, independent of its format: a cover and sections, each with a text, an
 * optional chart and an optional table. The PDF lays all of it out; the XLSX has one sheet per table.
 */
public record ReportDocument(ReportName name, String title, String edition, String periodCode, String periodLabel,
                             String issuer, String issueDate, List<Section> sections) {

    /** @param newPage the section starts a page (the summary stands on a page of its own) */
    public record Section(String heading, String text, Chart chart, Table table, boolean newPage) {
        public Section(String heading, String text, Chart chart, Table table) {
            this(heading, text, chart, table, false);
        }

        Section onNewPage() {
            return new Section(heading, text, chart, table, true);
        }
    }

    /** A row of a chart or table: its fields by the names the template declares. */
    public interface Row {
        Map<String, Object> fields();
    }

    /** @param template bar-chart or line-chart; rows have series, category and value */
    public record Chart(String template, String title, String valueLabel, List<? extends Row> rows) {
    }

    /** @param template the table subreport (indicator-table, task-table, ...); sheetName names its XLSX sheet, null for PDF only */
    public record Table(String template, String sheetName, List<? extends Row> rows) {
    }
}
