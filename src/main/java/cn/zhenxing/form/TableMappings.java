package cn.zhenxing.form;

import cn.zhenxing.form.FormContent.IndicatorRow;
import cn.zhenxing.form.FormContent.ProjectRow;
import cn.zhenxing.form.FormContent.TaskRow;
import java.util.Map;
import org.apache.poi.ss.usermodel.CellStyle;

/** The mappings of 表1 (indicators), 表2 (tasks) and 表3 (projects), in the order the sheets are written. */
final class TableMappings {

    private TableMappings() {}

    /** 表1: region × indicator; 分子值 and 分母值 are grey where the indicator is not a ratio. */
    static final TableMapping<IndicatorRow> INDICATORS = new TableMapping<IndicatorRow>("indicators", FormContent::indicators,
            Map.of("region_code", IndicatorRow::regionCode, "region_name", IndicatorRow::regionName,
                    "indicator_code", IndicatorRow::indicatorCode, "indicator_name", IndicatorRow::indicatorName,
                    "unit", IndicatorRow::unit)) {
        @Override
        CellStyle locked(FormStyles st, String columnKey) {
            return switch (columnKey) {
                case "indicator_name" -> st.lockedWrap;
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
    };

    /** 表2: the unit's tasks; the pre-filled names and departments wrap. */
    static final TableMapping<TaskRow> TASKS = new TableMapping<TaskRow>("tasks", FormContent::tasks,
            Map.of("task_code", TaskRow::taskCode, "task_name", TaskRow::taskName, "departments", TaskRow::departments)) {
        @Override
        CellStyle locked(FormStyles st, String columnKey) {
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
        CellStyle locked(FormStyles st, String columnKey) {
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
