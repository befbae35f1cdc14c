package cn.zhenxing.form;

import java.util.List;
import org.apache.poi.ss.usermodel.CellStyle;

/** The mappings of 表1 (indicators), 表2 (tasks) and 表3 (projects), in the order the sheets are written. */
final class TableMappings {

    private TableMappings() {}

    /** 表1: region × indicator; 分子值 and 分母值 are grey where the indicator is not a ratio. */
    static final TableMapping<FormContent.IndicatorRow> INDICATORS = new TableMapping<>() {
        @Override
        public String tableKey() {
            return "indicators";
        }

        @Override
        public List<FormContent.IndicatorRow> rows(FormContent content) {
            return content.indicators();
        }

        @Override
        public String text(FormContent.IndicatorRow row, String columnKey) {
            return switch (columnKey) {
                case "region_code" -> row.regionCode();
                case "region_name" -> row.regionName();
                case "indicator_code" -> row.indicatorCode();
                case "indicator_name" -> row.indicatorName();
                case "unit" -> row.unit();
                default -> null;
            };
        }

        @Override
        public CellStyle locked(FormStyles st, String columnKey) {
            return switch (columnKey) {
                case "indicator_name" -> st.lockedWrap;
                case "unit" -> st.lockedCentre;
                default -> st.locked;
            };
        }

        @Override
        public CellStyle input(FormStyles st, FormContent.IndicatorRow row, FormDefinition.Column column) {
            boolean ratioPart = column.key().equals("numerator") || column.key().equals("denominator");
            return ratioPart && (row == null || !row.ratio()) ? st.notApplicable : st.input(column);
        }
    };

    /** 表2: the unit's tasks. */
    static final TableMapping<FormContent.TaskRow> TASKS = new TableMapping<>() {
        @Override
        public String tableKey() {
            return "tasks";
        }

        @Override
        public List<FormContent.TaskRow> rows(FormContent content) {
            return content.tasks();
        }

        @Override
        public String text(FormContent.TaskRow row, String columnKey) {
            return switch (columnKey) {
                case "task_code" -> row.taskCode();
                case "task_name" -> row.taskName();
                case "departments" -> row.departments();
                default -> null;
            };
        }

        @Override
        public CellStyle locked(FormStyles st, String columnKey) {
            return st.lockedWrap;
        }
    };

    /**
     * 表3: the unit's catalog projects, then open rows for projects not yet in the catalog. 项目编码
     * stays blank and locked there: a code is assigned on acceptance, and the ingest refuses any code
     * that was not issued to the unit. Amounts are never negative.
     */
    static final TableMapping<FormContent.ProjectRow> PROJECTS = new TableMapping<>() {
        @Override
        public String tableKey() {
            return "projects";
        }

        @Override
        public List<FormContent.ProjectRow> rows(FormContent content) {
            return content.projects();
        }

        @Override
        public String text(FormContent.ProjectRow row, String columnKey) {
            return switch (columnKey) {
                case "project_code" -> row.projectCode();
                case "project_name" -> row.projectName();
                default -> null;
            };
        }

        @Override
        public CellStyle locked(FormStyles st, String columnKey) {
            return columnKey.equals("project_name") ? st.lockedWrap : st.locked;
        }

        @Override
        public CellStyle open(FormStyles st, FormDefinition.Column column) {
            return column.key().equals("project_name") ? st.inputWrap : st.notApplicable;
        }

        @Override
        public String numberMin() {
            return "0";
        }

        @Override
        public String numberText() {
            return "本单元格只能填写不小于0的数字，不要带单位或文字，金额单位为亿元。";
        }
    };
}
