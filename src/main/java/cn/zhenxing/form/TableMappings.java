package cn.zhenxing.form;

import cn.zhenxing.form.FormContent.IndicatorRow;
import cn.zhenxing.form.FormContent.ProjectRow;
import cn.zhenxing.form.FormContent.TaskRow;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.xssf.usermodel.XSSFSheet;

/** The mappings of 表1 (indicators), 表2 (tasks) and 表3 (projects), in the order the sheets are written. */
final class TableMappings {

    private TableMappings() {}

    /**
     * 表1: region × indicator, with its 口径 and ratio parts (names and units); 分子值 and 分母值 are grey
     * where the indicator is not a ratio; 上年同期值 is pre-filled and locked where the warehouse holds
     * last year's accepted value. Validations and input prompts per row, from the catalog.
     */
    static final TableMapping<IndicatorRow> INDICATORS = new TableMapping<IndicatorRow>("indicators", FormContent::indicators,
            Map.of("region_code", IndicatorRow::regionCode, "region_name", IndicatorRow::regionName,
                    "indicator_code", IndicatorRow::indicatorCode, "indicator_name", IndicatorRow::indicatorName,
                    "unit", IndicatorRow::unit)) {
        @Override
        String text(FormContent content, IndicatorRow row, String columnKey) {
            return switch (columnKey) {
                case "basis" -> row.explanation().basisZh(content.period());
                case "ratio_parts" -> row.ratio() ? IndicatorValidations.parts(row) : null;
                default -> super.text(content, row, columnKey);
            };
        }

        @Override
        BigDecimal number(IndicatorRow row, String columnKey) {
            return columnKey.equals("prior_value") ? row.lastYear() : null;
        }

        @Override
        CellStyle locked(FormStyles st, IndicatorRow row, String columnKey) {
            return switch (columnKey) {
                case "indicator_name", "basis" -> st.lockedWrap;
                case "ratio_parts" -> row.ratio() ? st.lockedWrap : st.notApplicable;
                case "unit" -> st.lockedCentre;
                default -> st.locked;
            };
        }

        /** Free text does not wrap here (备注 is short). */
        @Override
        CellStyle input(FormStyles st, IndicatorRow row, FormDefinition.Column column) {
            boolean ratioPart = column.key().equals("numerator") || column.key().equals("denominator");
            return ratioPart && (row == null || !row.ratio()) ? st.notApplicable : st.input(column);
        }

        @Override
        void validate(XSSFSheet sheet, FormDefinition.Table table, FormContent content, List<IndicatorRow> rows, int firstRow, int lastRow) {
            IndicatorValidations.write(sheet, table, content, rows, firstRow);
        }
    };

    /** 表2: the unit's tasks; the pre-filled names and departments wrap. */
    static final TableMapping<TaskRow> TASKS = new TableMapping<TaskRow>("tasks", FormContent::tasks,
            Map.of("task_code", TaskRow::taskCode, "task_name", TaskRow::taskName, "departments", TaskRow::departments)) {
        @Override
        CellStyle locked(FormStyles st, TaskRow row, String columnKey) {
            return st.lockedWrap;
        }
    };

    /**
     * 表3: the unit's catalog projects, then open rows for projects not yet in the catalog. 项目编码
     * stays blank and locked there: a code is assigned on acceptance, and the ingest refuses any code
     * that was not issued to the unit. Amounts are never negative.
     */
    static final TableMapping<ProjectRow> PROJECTS = new TableMapping<ProjectRow>("projects", FormContent::projects,
            Map.of("project_code", ProjectRow::projectCode, "project_name", ProjectRow::projectName)) {
        @Override
        CellStyle locked(FormStyles st, ProjectRow row, String columnKey) {
            return columnKey.equals("project_name") ? st.lockedWrap : st.locked;
        }

        @Override
        CellStyle open(FormStyles st, FormDefinition.Column column) {
            return column.key().equals("project_name") ? st.inputWrap : st.notApplicable;
        }

        @Override
        String numberMin() {
            return "0";
        }

        @Override
        String numberText() {
            return "本单元格只能填写不小于0的数字，不要带单位或文字，金额单位为亿元。";
        }
    };
}
