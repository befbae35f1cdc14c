package cn.zhenxing.submission;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.SheetVisibility;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.stereotype.Component;

/**
 * Writes the province-issued quarterly form of one unit and quarter (layout: etl/forms/quarterly.yml):
 * a cover, 表1–表3 with pre-filled, locked codes and names, editable yellow value cells with data
 * validation, 填报说明, and the very hidden metadata sheet that identifies the file.
 */
@Component
public class TemplateWriter {

    /** Sheet protection prevents accidental edits of pre-filled cells; it is not a security measure. */
    static final String PROTECTION = "zhenxing-form";

    public Path write(FormDefinition def, FormContent content, Path outDir) throws IOException {
        Files.createDirectories(outDir);
        Path file = outDir.resolve(content.unit().code() + "_" + content.period().code() + "_" + content.unit().name() + ".xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            Styles styles = new Styles(wb);
            writeCover(wb, def, content, styles);
            writeIndicators(wb, def, content, styles);
            writeTasks(wb, def, content, styles);
            writeProjects(wb, def, content, styles);
            writeInstructions(wb, def, content, styles);
            writeMeta(wb, def, content);
            wb.lockStructure();
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            try (OutputStream out = Files.newOutputStream(tmp)) {
                wb.write(out);
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        }
        return file;
    }

    private static final class Styles {
        final CellStyle title;
        final CellStyle plain;
        final CellStyle header;
        final CellStyle locked;
        final CellStyle lockedWrap;
        final CellStyle inputText;
        final CellStyle inputWrap;
        final CellStyle inputNumber;
        final CellStyle inputDate;
        final CellStyle grey;

        Styles(XSSFWorkbook wb) {
            Font bold = wb.createFont();
            bold.setBold(true);
            Font big = wb.createFont();
            big.setBold(true);
            big.setFontHeightInPoints((short) 14);
            title = wb.createCellStyle();
            title.setFont(big);
            title.setAlignment(HorizontalAlignment.CENTER);
            plain = wb.createCellStyle();
            header = bordered(wb);
            header.setFont(bold);
            header.setWrapText(true);
            header.setAlignment(HorizontalAlignment.CENTER);
            header.setVerticalAlignment(VerticalAlignment.CENTER);
            fill(header, IndexedColors.GREY_25_PERCENT);
            locked = bordered(wb);
            lockedWrap = bordered(wb);
            lockedWrap.setWrapText(true);
            grey = bordered(wb);
            fill(grey, IndexedColors.GREY_25_PERCENT);
            inputText = input(wb);
            inputWrap = input(wb);
            inputWrap.setWrapText(true);
            inputNumber = input(wb);
            inputNumber.setDataFormat(wb.createDataFormat().getFormat("General"));
            inputDate = input(wb);
            inputDate.setDataFormat(wb.createDataFormat().getFormat("yyyy-mm-dd"));
        }

        private static CellStyle bordered(XSSFWorkbook wb) {
            CellStyle s = wb.createCellStyle();
            s.setBorderTop(BorderStyle.THIN);
            s.setBorderBottom(BorderStyle.THIN);
            s.setBorderLeft(BorderStyle.THIN);
            s.setBorderRight(BorderStyle.THIN);
            s.setVerticalAlignment(VerticalAlignment.CENTER);
            s.setDataFormat(wb.createDataFormat().getFormat("@"));
            return s;
        }

        private static CellStyle input(XSSFWorkbook wb) {
            CellStyle s = bordered(wb);
            s.setDataFormat(wb.createDataFormat().getFormat("General"));
            s.setLocked(false);
            fill(s, IndexedColors.LIGHT_YELLOW);
            return s;
        }

        private static void fill(CellStyle s, IndexedColors color) {
            s.setFillForegroundColor(color.getIndex());
            s.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        }
    }

    private static void writeCover(XSSFWorkbook wb, FormDefinition def, FormContent content, Styles st) {
        XSSFSheet sheet = wb.createSheet(def.cover().sheet());
        sheet.setColumnWidth(0, 20 * 256);
        sheet.setColumnWidth(1, 70 * 256);
        set(sheet, 0, 0, def.title(), st.title);
        sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, 1));
        set(sheet, 1, 1, "表号：" + def.tableNo() + "    制定机关：" + def.issuer(), st.plain);
        for (FormDefinition.Field field : def.cover().fields()) {
            CellReference ref = field.ref();
            set(sheet, ref.getRow(), ref.getCol() - 1, field.label() + (field.required() ? "（必填）" : ""), st.header);
            String value = switch (field.key()) {
                case "unit_name" -> content.unit().name();
                case "period" -> content.period().labelZh();
                default -> null;
            };
            CellStyle style = field.prefilled() ? st.locked : field.type() == FormDefinition.ColumnType.DATE ? st.inputDate : st.inputText;
            set(sheet, ref.getRow(), ref.getCol(), value, style);
            if (field.type() == FormDefinition.ColumnType.DATE) {
                DataValidationHelper helper = sheet.getDataValidationHelper();
                DataValidationConstraint c = helper.createDateConstraint(DataValidationConstraint.OperatorType.BETWEEN,
                        "DATE(2015,1,1)", "DATE(2036,12,31)", "yyyy-mm-dd");
                addValidation(sheet, c, ref.getRow(), ref.getRow(), ref.getCol(), ref.getCol(), "请输入日期", "请按 2025-10-15 的格式填写日期。");
            }
        }
        int footerRow = def.cover().fields().stream().mapToInt(f -> f.ref().getRow()).max().orElse(10) + 2;
        set(sheet, footerRow, 0, "说明：黄色单元格为填报项，其余为预填内容，不能修改。", st.plain);
        set(sheet, footerRow + 1, 0, "各表填报要求见“填报说明”工作表。", st.plain);
        printSetup(sheet, 0);
        protect(sheet);
    }

    private static void tableHeader(XSSFSheet sheet, FormDefinition def, FormDefinition.Table table, FormContent content, Styles st) {
        set(sheet, 0, 0, table.caption(), st.title);
        int lastCol = table.columns().size() - 1;
        sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, Math.max(1, lastCol - 2)));
        set(sheet, 0, lastCol - 1, "表号：" + def.tableNo() + "  制定机关：" + def.issuer(), st.plain);
        set(sheet, 1, 0, "填报单位：" + content.unit().name(), st.plain);
        set(sheet, 1, 3, content.period().labelZh(), st.plain);
        set(sheet, 2, 0, table.unitLine() + (table.openRows() > 0 ? "；目录外新增项目填在预填项目下方的空白行，项目编码留空" : ""), st.plain);
        Row header = sheet.createRow(table.headerRow() - 1);
        header.setHeightInPoints(30);
        for (FormDefinition.Column column : table.columns()) {
            set(sheet, table.headerRow() - 1, column.index(), column.header(), st.header);
            sheet.setColumnWidth(column.index(), Math.min(255, Math.max(6, column.width())) * 256);
        }
        sheet.createFreezePane(0, table.headerRow());
        printSetup(sheet, table.headerRow());
    }

    private static void writeIndicators(XSSFWorkbook wb, FormDefinition def, FormContent content, Styles st) {
        FormDefinition.Table table = def.table("indicators");
        XSSFSheet sheet = wb.createSheet(table.sheet());
        tableHeader(sheet, def, table, content, st);
        int r = table.firstDataRow() - 1;
        for (FormContent.IndicatorRow row : content.indicators()) {
            for (FormDefinition.Column column : table.columns()) {
                String text = switch (column.key()) {
                    case "region_code" -> row.regionCode();
                    case "region_name" -> row.regionName();
                    case "indicator_code" -> row.indicatorCode();
                    case "indicator_name" -> row.indicatorName();
                    case "unit" -> row.unit();
                    default -> null;
                };
                CellStyle style;
                if (column.prefilled()) {
                    style = column.key().equals("indicator_name") ? st.lockedWrap : st.locked;
                } else if ((column.key().equals("numerator") || column.key().equals("denominator")) && !row.ratio()) {
                    style = st.grey;
                } else {
                    style = column.typeOrText() == FormDefinition.ColumnType.NUMBER ? st.inputNumber : st.inputText;
                }
                set(sheet, r, column.index(), text, style);
            }
            r++;
        }
        numberValidations(sheet, table, table.firstDataRow() - 1, r - 1, false);
        footer(sheet, def, r + 1, st);
        protect(sheet);
    }

    private static void writeTasks(XSSFWorkbook wb, FormDefinition def, FormContent content, Styles st) {
        FormDefinition.Table table = def.table("tasks");
        XSSFSheet sheet = wb.createSheet(table.sheet());
        tableHeader(sheet, def, table, content, st);
        int r = table.firstDataRow() - 1;
        for (FormContent.TaskRow row : content.tasks()) {
            for (FormDefinition.Column column : table.columns()) {
                String text = switch (column.key()) {
                    case "task_code" -> row.taskCode();
                    case "task_name" -> row.taskName();
                    case "departments" -> row.departments();
                    default -> null;
                };
                CellStyle style = column.prefilled() ? st.lockedWrap
                        : column.typeOrText() == FormDefinition.ColumnType.PERCENT ? st.inputNumber : st.inputWrap;
                set(sheet, r, column.index(), text, style);
            }
            r++;
        }
        if (r > table.firstDataRow() - 1) {
            choiceValidation(sheet, table.column("status"), table.firstDataRow() - 1, r - 1);
            FormDefinition.Column percent = table.column("percent");
            DataValidationConstraint c = sheet.getDataValidationHelper().createDecimalConstraint(
                    DataValidationConstraint.OperatorType.BETWEEN, "0", "100");
            addValidation(sheet, c, table.firstDataRow() - 1, r - 1, percent.index(), percent.index(), "请输入0到100之间的数字",
                    "完成进度填写0到100之间的数字，不要带%号以外的文字。");
        }
        footer(sheet, def, r + 1, st);
        protect(sheet);
    }

    private static void writeProjects(XSSFWorkbook wb, FormDefinition def, FormContent content, Styles st) {
        FormDefinition.Table table = def.table("projects");
        XSSFSheet sheet = wb.createSheet(table.sheet());
        tableHeader(sheet, def, table, content, st);
        int r = table.firstDataRow() - 1;
        for (FormContent.ProjectRow row : content.projects()) {
            for (FormDefinition.Column column : table.columns()) {
                String text = switch (column.key()) {
                    case "project_code" -> row.projectCode();
                    case "project_name" -> row.projectName();
                    default -> null;
                };
                CellStyle style = column.prefilled() ? (column.key().equals("project_name") ? st.lockedWrap : st.locked)
                        : column.typeOrText() == FormDefinition.ColumnType.NUMBER ? st.inputNumber : st.inputText;
                set(sheet, r, column.index(), text, style);
            }
            r++;
        }
        for (int i = 0; i < table.openRows(); i++, r++) {
            for (FormDefinition.Column column : table.columns()) {
                CellStyle style = column.typeOrText() == FormDefinition.ColumnType.NUMBER ? st.inputNumber : st.inputText;
                set(sheet, r, column.index(), null, column.key().equals("project_code") ? st.grey : style);
            }
        }
        numberValidations(sheet, table, table.firstDataRow() - 1, r - 1, true);
        choiceValidation(sheet, table.column("milestone"), table.firstDataRow() - 1, r - 1);
        footer(sheet, def, r + 2, st);
        protect(sheet);
    }

    private static void writeInstructions(XSSFWorkbook wb, FormDefinition def, FormContent content, Styles st) {
        XSSFSheet sheet = wb.createSheet("填报说明");
        sheet.setColumnWidth(0, 14 * 256);
        sheet.setColumnWidth(1, 60 * 256);
        sheet.setColumnWidth(2, 14 * 256);
        List<String> lines = List.of(
                "一、只在黄色单元格中填写；灰色和白色单元格为省里预填的代码、名称和单位，不能修改。",
                "二、数值单元格只填阿拉伯数字，不要带单位、文字或“约”“左右”等字样，计量单位见“计量单位”列。",
                "三、本期值确实无法填报的留空，并在“备注”中说明原因；留空且无说明的必报指标将被退回。",
                "四、百分比指标填写0到100之间的数字（如65.3表示65.3%）。比率类指标请同时填写分子值和分母值。",
                "五、表2“进展状态”请从下拉列表中选择；“完成进度%”填写0到100之间的数字。",
                "六、表3中目录外的新增项目填写在空白行中，项目编码留空。投资额单位为亿元。",
                "七、不要插入、删除、移动行或列，不要重命名或删除工作表。",
                "八、填好后保存为.xlsx（或.xls）文件报送；同一报告期再次报送将作为新版本，旧版本保留备查。");
        set(sheet, 0, 0, "填报说明", st.title);
        int r = 2;
        for (String line : lines) {
            set(sheet, r++, 0, line, st.plain);
        }
        r++;
        set(sheet, r, 0, "指标编码", st.header);
        set(sheet, r, 1, "指标名称", st.header);
        set(sheet, r, 2, "计量单位", st.header);
        Map<String, FormContent.IndicatorRow> distinct = new LinkedHashMap<>();
        content.indicators().forEach(i -> distinct.putIfAbsent(i.indicatorCode(), i));
        for (FormContent.IndicatorRow i : distinct.values()) {
            r++;
            set(sheet, r, 0, i.indicatorCode(), st.locked);
            set(sheet, r, 1, i.indicatorName(), st.lockedWrap);
            set(sheet, r, 2, i.unit(), st.locked);
        }
        protect(sheet);
    }

    private static void writeMeta(XSSFWorkbook wb, FormDefinition def, FormContent content) {
        Sheet sheet = wb.createSheet(def.metaSheet());
        String[] values = {"1", def.templateVersion(), content.unit().code(), content.period().code(), LocalDateTime.now().withNano(0).toString()};
        for (int i = 0; i < FormMeta.KEYS.length; i++) {
            Row row = sheet.createRow(i);
            row.createCell(0).setCellValue(FormMeta.KEYS[i]);
            row.createCell(1).setCellValue(values[i]);
        }
        sheet.protectSheet(PROTECTION);
        wb.setSheetVisibility(wb.getSheetIndex(sheet), SheetVisibility.VERY_HIDDEN);
    }

    private static void numberValidations(XSSFSheet sheet, FormDefinition.Table table, int firstRow, int lastRow, boolean nonNegative) {
        if (lastRow < firstRow) {
            return;
        }
        for (FormDefinition.Column column : table.columns()) {
            if (column.typeOrText() != FormDefinition.ColumnType.NUMBER) {
                continue;
            }
            DataValidationConstraint c = sheet.getDataValidationHelper().createDecimalConstraint(
                    DataValidationConstraint.OperatorType.BETWEEN, nonNegative ? "0" : "-1000000000000000", "1000000000000000");
            addValidation(sheet, c, firstRow, lastRow, column.index(), column.index(), "请输入数字",
                    "本单元格只能填写数字，不要带单位或文字，单位见“计量单位”列。");
        }
    }

    private static void choiceValidation(XSSFSheet sheet, FormDefinition.Column column, int firstRow, int lastRow) {
        if (lastRow < firstRow) {
            return;
        }
        DataValidationConstraint c = sheet.getDataValidationHelper().createExplicitListConstraint(column.choices().toArray(String[]::new));
        addValidation(sheet, c, firstRow, lastRow, column.index(), column.index(), "请从下拉列表中选择",
                "请选择：" + String.join("/", column.choices()));
    }

    private static void addValidation(Sheet sheet, DataValidationConstraint constraint, int firstRow, int lastRow, int firstCol, int lastCol,
                                      String title, String text) {
        DataValidationHelper helper = sheet.getDataValidationHelper();
        DataValidation validation = helper.createValidation(constraint, new CellRangeAddressList(firstRow, lastRow, firstCol, lastCol));
        validation.setShowErrorBox(true);
        validation.createErrorBox(title, text);
        validation.setErrorStyle(DataValidation.ErrorStyle.STOP);
        sheet.addValidationData(validation);
    }

    private static void footer(Sheet sheet, FormDefinition def, int row, Styles st) {
        set(sheet, row, 0, def.footer(), st.plain);
    }

    /** Landscape A4, one page wide, header rows repeated: the form prints as the province issues it. */
    private static void printSetup(XSSFSheet sheet, int headerRow) {
        sheet.getPrintSetup().setLandscape(true);
        sheet.getPrintSetup().setPaperSize(org.apache.poi.ss.usermodel.PrintSetup.A4_PAPERSIZE);
        sheet.getPrintSetup().setFitWidth((short) 1);
        sheet.getPrintSetup().setFitHeight((short) 0);
        sheet.setFitToPage(true);
        if (headerRow > 0) {
            sheet.setRepeatingRows(CellRangeAddress.valueOf("1:" + headerRow));
        }
    }

    private static void protect(XSSFSheet sheet) {
        sheet.protectSheet(PROTECTION);
        sheet.lockFormatColumns(false);
        sheet.lockFormatRows(false);
        sheet.lockFormatCells(false);
        sheet.lockSelectLockedCells(false);
        sheet.lockSelectUnlockedCells(false);
    }

    private static void set(Sheet sheet, int row, int col, String text, CellStyle style) {
        Row r = sheet.getRow(row) != null ? sheet.getRow(row) : sheet.createRow(row);
        Cell cell = r.createCell(col);
        if (text != null) {
            cell.setCellValue(text);
        }
        if (style != null) {
            cell.setCellStyle(style);
        }
    }
}
