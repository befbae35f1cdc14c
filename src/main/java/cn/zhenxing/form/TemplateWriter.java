package cn.zhenxing.form;

import cn.zhenxing.form.FormDefinition.ColumnType;
import cn.zhenxing.workbook.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.ClientAnchor;
import org.apache.poi.ss.usermodel.Comment;
import org.apache.poi.ss.usermodel.DataFormat;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.DataValidationConstraint.OperatorType;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.Drawing;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.PrintSetup;
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
 * a cover, 表1–表3 laid out as a Chinese statistical form (title, 表号/制定机关 top right, 填报单位 and
 * 报告期, unit line, header, rows, signature line), pre-filled codes and names locked, value cells
 * yellow, unlocked and validated, a 填报说明 sheet, and the very hidden {@code _meta} sheet by which
 * the returned file is recognised.
 *
 * <p>Nothing may be written below a table except the signature line ({@link FormReader} reads every
 * other cell there as a data row), and nothing right of its last column.
 */
@Component
public class TemplateWriter {

    /** Sheet protection prevents accidental edits of pre-filled cells; it is not a security measure. */
    static final String PROTECTION = "zhenxing-form";
    public static final String INSTRUCTIONS_SHEET = "填报说明";

    private static final String NUMBER_MIN = "-1000000000000000";
    private static final String NUMBER_MAX = "1000000000000000";
    private static final String FONT = "宋体";
    private static final float LINE_POINTS = 14.5f;
    /** Data rows are a little taller than Excel's default, as on the printed forms. */
    private static final float ROW_POINTS = 18f;

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
            wb.setActiveSheet(0);
            wb.setFirstVisibleTab(0);
            wb.lockStructure();
            AtomicFiles.write(file, wb::write);
        }
        return file;
    }

    /** Every style of the workbook, created once (a workbook holds at most 64,000 styles). */
    private static final class Styles {
        final CellStyle coverTitle;
        final CellStyle title;
        final CellStyle left;
        final CellStyle centre;
        final CellStyle right;
        final CellStyle paragraph;
        final CellStyle header;
        final CellStyle locked;
        final CellStyle lockedWrap;
        final CellStyle lockedCentre;
        final CellStyle notApplicable;
        final CellStyle inputText;
        final CellStyle inputWrap;
        final CellStyle inputChoice;
        final CellStyle inputNumber;
        final CellStyle inputDate;

        Styles(XSSFWorkbook wb) {
            // 宋体 11, the face Chinese statistical forms are set in (and Excel's Chinese default).
            wb.getFontAt(0).setFontName(FONT);
            wb.getFontAt(0).setFontHeightInPoints((short) 11);
            DataFormat formats = wb.createDataFormat();
            short text = formats.getFormat("@");
            short general = formats.getFormat("General");

            coverTitle = wb.createCellStyle();
            coverTitle.setFont(font(wb, 18, true));
            coverTitle.setAlignment(HorizontalAlignment.CENTER);
            coverTitle.setVerticalAlignment(VerticalAlignment.CENTER);
            coverTitle.setWrapText(true);
            title = wb.createCellStyle();
            title.setFont(font(wb, 16, true));
            title.setAlignment(HorizontalAlignment.CENTER);
            title.setVerticalAlignment(VerticalAlignment.CENTER);
            left = aligned(wb, HorizontalAlignment.LEFT);
            centre = aligned(wb, HorizontalAlignment.CENTER);
            right = aligned(wb, HorizontalAlignment.RIGHT);
            paragraph = aligned(wb, HorizontalAlignment.LEFT);
            paragraph.setVerticalAlignment(VerticalAlignment.TOP);
            paragraph.setWrapText(true);

            header = bordered(wb, text);
            header.setFont(font(wb, 11, true));
            header.setWrapText(true);
            header.setAlignment(HorizontalAlignment.CENTER);
            fill(header, IndexedColors.GREY_25_PERCENT);

            locked = bordered(wb, text);
            lockedWrap = bordered(wb, text);
            lockedWrap.setWrapText(true);
            lockedCentre = bordered(wb, text);
            lockedCentre.setAlignment(HorizontalAlignment.CENTER);
            notApplicable = bordered(wb, text);
            fill(notApplicable, IndexedColors.GREY_25_PERCENT);

            inputText = input(wb, text);
            inputWrap = input(wb, text);
            inputWrap.setWrapText(true);
            inputChoice = input(wb, text);
            inputChoice.setAlignment(HorizontalAlignment.CENTER);
            inputNumber = input(wb, general);
            inputDate = input(wb, formats.getFormat("yyyy-mm-dd"));
            inputDate.setAlignment(HorizontalAlignment.LEFT);
        }

        private static Font font(XSSFWorkbook wb, int points, boolean bold) {
            Font f = wb.createFont();
            f.setFontName(FONT);
            f.setFontHeightInPoints((short) points);
            f.setBold(bold);
            return f;
        }

        private static CellStyle aligned(XSSFWorkbook wb, HorizontalAlignment alignment) {
            CellStyle s = wb.createCellStyle();
            s.setAlignment(alignment);
            s.setVerticalAlignment(VerticalAlignment.CENTER);
            return s;
        }

        private static CellStyle bordered(XSSFWorkbook wb, short format) {
            CellStyle s = wb.createCellStyle();
            s.setBorderTop(BorderStyle.THIN);
            s.setBorderBottom(BorderStyle.THIN);
            s.setBorderLeft(BorderStyle.THIN);
            s.setBorderRight(BorderStyle.THIN);
            s.setVerticalAlignment(VerticalAlignment.CENTER);
            s.setDataFormat(format);
            return s;
        }

        private static CellStyle input(XSSFWorkbook wb, short format) {
            CellStyle s = bordered(wb, format);
            s.setLocked(false);
            fill(s, IndexedColors.LIGHT_YELLOW);
            return s;
        }

        private static void fill(CellStyle s, IndexedColors color) {
            s.setFillForegroundColor(color.getIndex());
            s.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        }

        /** The editable style of a value column. */
        CellStyle input(FormDefinition.Column column) {
            return switch (column.typeOrText()) {
                case NUMBER, PERCENT -> inputNumber;
                case CHOICE -> inputChoice;
                case DATE -> inputDate;
                case TEXT, PHONE -> inputText;
            };
        }
    }

    // ---------------------------------------------------------------- cover

    private static void writeCover(XSSFWorkbook wb, FormDefinition def, FormContent content, Styles st) {
        XSSFSheet sheet = wb.createSheet(def.cover().sheet());
        sheet.setDisplayGridlines(false);
        sheet.setColumnWidth(0, 18 * 256);
        sheet.setColumnWidth(1, 64 * 256);
        int lastCol = def.cover().fields().stream().mapToInt(f -> f.ref().getCol()).max().orElse(1);
        set(sheet, 0, 0, def.title(), st.coverTitle);
        sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, lastCol));
        sheet.getRow(0).setHeightInPoints(54);
        set(sheet, 1, lastCol, "表号：" + def.tableNo(), st.right);
        set(sheet, 2, lastCol, "制定机关：" + def.issuer(), st.right);
        DataValidationHelper helper = sheet.getDataValidationHelper();
        int lastRow = 2;
        for (FormDefinition.Field field : def.cover().fields()) {
            CellReference ref = field.ref();
            int r = ref.getRow();
            int c = ref.getCol();
            lastRow = Math.max(lastRow, r);
            set(sheet, r, c - 1, field.label() + (field.required() ? "（必填）" : ""), st.header);
            String value = switch (field.key()) {
                case "unit_name" -> content.unit().name();
                case "period" -> content.period().labelZh();
                default -> null;
            };
            CellStyle style = field.prefilled() ? st.locked
                    : field.type() == ColumnType.DATE ? st.inputDate : st.inputText;
            set(sheet, r, c, value, style);
            sheet.getRow(r).setHeightInPoints(24);
            if (field.prefilled()) {
                continue;
            }
            if (field.type() == ColumnType.DATE) {
                DataValidationConstraint date = helper.createDateConstraint(OperatorType.BETWEEN,
                        "DATE(2015,1,1)", "DATE(2036,12,31)", "yyyy-mm-dd");
                DataValidation v = validation(sheet, date, r, r, c, c, "请输入日期", "请按 2025-10-15 的格式填写日期。");
                v.createPromptBox(field.label(), "按 2025-10-15 的格式填写");
                v.setShowPromptBox(true);
                sheet.addValidationData(v);
            } else if (field.type() == ColumnType.PHONE) {
                DataValidationConstraint length = helper.createTextLengthConstraint(OperatorType.BETWEEN, "7", "20");
                DataValidation v = validation(sheet, length, r, r, c, c, "请输入联系电话",
                        "请填写固定电话（如0351-1234567）或手机号码，不要填写其他文字。");
                v.createPromptBox(field.label(), "固定电话带区号，如0351-1234567；或手机号码");
                v.setShowPromptBox(true);
                sheet.addValidationData(v);
            }
        }
        set(sheet, lastRow + 2, 0, "说明：1. 黄色单元格为填报项，其余为省里预填的内容，不能修改。", st.left);
        set(sheet, lastRow + 3, 0, "　　　2. 各表的填报要求见“" + INSTRUCTIONS_SHEET + "”工作表。", st.left);
        set(sheet, lastRow + 5, 0, def.footer(), st.left);
        printSetup(sheet, 0, false);
        protect(sheet);
    }

    // ---------------------------------------------------------------- tables

    /** Rows 1 to the header row: title, 表号/制定机关, 填报单位, 报告期, unit line, column headers. */
    private static void tableHead(XSSFSheet sheet, FormDefinition def, FormDefinition.Table table, FormContent content, Styles st) {
        sheet.setDisplayGridlines(false);
        sheet.setDefaultRowHeightInPoints(ROW_POINTS);
        List<FormDefinition.Column> columns = table.columns();
        int lastCol = columns.stream().mapToInt(FormDefinition.Column::index).max().orElse(0);
        for (FormDefinition.Column column : columns) {
            sheet.setColumnWidth(column.index(), columnWidth(column.width()));
        }
        set(sheet, 0, 0, table.caption(), st.title);
        sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, lastCol));
        sheet.getRow(0).setHeightInPoints(30);
        set(sheet, 1, 0, "填报单位：" + content.unit().name(), st.left);
        set(sheet, 1, middleColumn(columns), content.period().labelZh(), st.centre);
        set(sheet, 1, lastCol, "表号：" + def.tableNo(), st.right);
        set(sheet, 2, 0, table.unitLine() + (table.openRows() > 0 ? "　　目录外新增项目填在下方空白行，项目编码留空" : ""), st.left);
        set(sheet, 2, lastCol, "制定机关：" + def.issuer(), st.right);

        int headerRow = table.headerRow() - 1;
        Drawing<?> drawing = null;
        int lines = 1;
        for (FormDefinition.Column column : columns) {
            Cell cell = set(sheet, headerRow, column.index(), column.header(), st.header);
            lines = Math.max(lines, lines(column.header(), column.width()));
            if (column.note() != null && !column.note().isBlank()) {
                if (drawing == null) {
                    drawing = sheet.createDrawingPatriarch();
                }
                ClientAnchor anchor = sheet.getWorkbook().getCreationHelper().createClientAnchor();
                anchor.setCol1(column.index());
                anchor.setCol2(column.index() + 3);
                anchor.setRow1(headerRow);
                anchor.setRow2(headerRow + 3);
                Comment comment = drawing.createCellComment(anchor);
                comment.setString(sheet.getWorkbook().getCreationHelper().createRichTextString(column.note()));
                comment.setAuthor(def.issuer());
                cell.setCellComment(comment);
            }
        }
        sheet.getRow(headerRow).setHeightInPoints(Math.max(30, lines * LINE_POINTS + 4));
        sheet.createFreezePane(0, table.headerRow());
        printSetup(sheet, table.headerRow(), true);
    }

    /** The column whose centre is nearest the table's: the 报告期 is centred under the title. */
    private static int middleColumn(List<FormDefinition.Column> columns) {
        int total = columns.stream().mapToInt(FormDefinition.Column::width).sum();
        int start = 0;
        int best = columns.get(0).index();
        double bestDistance = Double.MAX_VALUE;
        for (FormDefinition.Column column : columns) {
            double distance = Math.abs(start + column.width() / 2.0 - total / 2.0);
            if (distance < bestDistance && column != columns.get(0) && column != columns.get(columns.size() - 1)) {
                bestDistance = distance;
                best = column.index();
            }
            start += column.width();
        }
        return best;
    }

    private static void writeIndicators(XSSFWorkbook wb, FormDefinition def, FormContent content, Styles st) {
        FormDefinition.Table table = def.table("indicators");
        XSSFSheet sheet = wb.createSheet(table.sheet());
        tableHead(sheet, def, table, content, st);
        int first = table.firstDataRow() - 1;
        int r = first;
        for (FormContent.IndicatorRow row : content.indicators()) {
            int lines = 1;
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
                    style = switch (column.key()) {
                        case "indicator_name" -> st.lockedWrap;
                        case "unit" -> st.lockedCentre;
                        default -> st.locked;
                    };
                    lines = Math.max(lines, lines(text, column.width()));
                } else if (isRatioPart(column) && !row.ratio()) {
                    style = st.notApplicable;
                } else {
                    style = st.input(column);
                }
                set(sheet, r, column.index(), text, style);
            }
            fitHeight(sheet, r, lines);
            r++;
        }
        numberValidations(sheet, table, first, r - 1, NUMBER_MIN);
        footer(sheet, def, r - 1, st);
        protect(sheet);
    }

    private static boolean isRatioPart(FormDefinition.Column column) {
        return column.key().equals("numerator") || column.key().equals("denominator");
    }

    private static void writeTasks(XSSFWorkbook wb, FormDefinition def, FormContent content, Styles st) {
        FormDefinition.Table table = def.table("tasks");
        XSSFSheet sheet = wb.createSheet(table.sheet());
        tableHead(sheet, def, table, content, st);
        int first = table.firstDataRow() - 1;
        int r = first;
        for (FormContent.TaskRow row : content.tasks()) {
            int lines = 1;
            for (FormDefinition.Column column : table.columns()) {
                String text = switch (column.key()) {
                    case "task_code" -> row.taskCode();
                    case "task_name" -> row.taskName();
                    case "departments" -> row.departments();
                    default -> null;
                };
                CellStyle style;
                if (column.prefilled()) {
                    style = st.lockedWrap;
                    lines = Math.max(lines, lines(text, column.width()));
                } else {
                    style = column.typeOrText() == ColumnType.TEXT ? st.inputWrap : st.input(column);
                }
                set(sheet, r, column.index(), text, style);
            }
            fitHeight(sheet, r, lines);
            r++;
        }
        if (r > first) {
            for (FormDefinition.Column column : table.columns()) {
                if (column.typeOrText() == ColumnType.CHOICE) {
                    choiceValidation(sheet, column, first, r - 1);
                } else if (column.typeOrText() == ColumnType.PERCENT) {
                    DataValidationConstraint c = sheet.getDataValidationHelper().createDecimalConstraint(OperatorType.BETWEEN, "0", "100");
                    sheet.addValidationData(validation(sheet, c, first, r - 1, column.index(), column.index(), "请输入0到100之间的数字",
                            "完成进度填写0到100之间的数字，如完成65%填65，不要带%号或文字。"));
                }
            }
            numberValidations(sheet, table, first, r - 1, NUMBER_MIN);
        }
        footer(sheet, def, r - 1, st);
        protect(sheet);
    }

    private static void writeProjects(XSSFWorkbook wb, FormDefinition def, FormContent content, Styles st) {
        FormDefinition.Table table = def.table("projects");
        XSSFSheet sheet = wb.createSheet(table.sheet());
        tableHead(sheet, def, table, content, st);
        int first = table.firstDataRow() - 1;
        int r = first;
        for (FormContent.ProjectRow row : content.projects()) {
            int lines = 1;
            for (FormDefinition.Column column : table.columns()) {
                String text = switch (column.key()) {
                    case "project_code" -> row.projectCode();
                    case "project_name" -> row.projectName();
                    default -> null;
                };
                CellStyle style;
                if (column.prefilled()) {
                    style = column.key().equals("project_name") ? st.lockedWrap : st.locked;
                    lines = Math.max(lines, lines(text, column.width()));
                } else {
                    style = column.typeOrText() == ColumnType.TEXT ? st.inputWrap : st.input(column);
                }
                set(sheet, r, column.index(), text, style);
            }
            fitHeight(sheet, r, lines);
            r++;
        }
        // Open rows for projects not yet in the catalog. 项目编码 stays blank and locked there: a code
        // is assigned on acceptance, and the ingest refuses any code that was not issued to the unit.
        for (int i = 0; i < table.openRows(); i++, r++) {
            for (FormDefinition.Column column : table.columns()) {
                CellStyle style = switch (column.key()) {
                    case "project_code" -> st.notApplicable;
                    case "project_name" -> st.inputWrap;
                    default -> column.typeOrText() == ColumnType.TEXT ? st.inputWrap : st.input(column);
                };
                set(sheet, r, column.index(), null, style);
            }
        }
        if (r > first) {
            numberValidations(sheet, table, first, r - 1, "0");
            for (FormDefinition.Column column : table.columns()) {
                if (column.typeOrText() == ColumnType.CHOICE) {
                    choiceValidation(sheet, column, first, r - 1);
                }
            }
        }
        footer(sheet, def, r - 1, st);
        protect(sheet);
    }

    // ---------------------------------------------------------------- 填报说明

    private static void writeInstructions(XSSFWorkbook wb, FormDefinition def, FormContent content, Styles st) {
        XSSFSheet sheet = wb.createSheet(INSTRUCTIONS_SHEET);
        sheet.setDisplayGridlines(false);
        int[] widths = {12, 44, 12, 30};
        for (int i = 0; i < widths.length; i++) {
            sheet.setColumnWidth(i, widths[i] * 256);
        }
        int total = java.util.Arrays.stream(widths).sum();
        set(sheet, 0, 0, "填报说明", st.title);
        sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, widths.length - 1));
        sheet.getRow(0).setHeightInPoints(30);
        FormDefinition.Table t1 = def.table("indicators");
        FormDefinition.Table t2 = def.table("tasks");
        FormDefinition.Table t3 = def.table("projects");
        List<String> lines = new ArrayList<>(List.of(
                "本表为" + def.issuer() + "制定的" + def.title() + "（表号：" + def.tableNo() + "），按季度填报，"
                        + "报告期为" + content.period().labelZh() + "。",
                "一、只在黄色单元格中填写。白色单元格是省里预填的代码、名称和计量单位，灰色单元格不需要填写，均不能修改。",
                "二、数值单元格只填阿拉伯数字，不要带计量单位、文字或“约”“左右”等字样。表1的计量单位见“计量单位”列，"
                        + "表3的金额单位为亿元。",
                "三、本期值留空表示“未报送”。本单位负责报送的指标确实无法填报的，请在“备注”中说明原因；"
                        + "留空又无说明的，报表将被退回。",
                "四、百分比（%）指标和“" + t2.column("percent").header() + "”填写0到100之间的数字，如65.3%填65.3。"
                        + "比率类指标请同时填写“" + t1.column("numerator").header() + "”和“" + t1.column("denominator").header()
                        + "”（不是比率的指标这两格为灰色，不用填）。",
                "五、" + t2.sheet().split(" ")[0] + "“" + t2.column("status").header() + "”请从下拉列表中选择："
                        + String.join("、", t2.column("status").choices()) + "。",
                "六、" + t3.sheet().split(" ")[0] + "已列出本单位的项目。目录外的新增项目填写在表下方的空白行中："
                        + "项目编码留空（报送后由系统赋码），填写项目名称、投资额和形象进度。空白行不够时请另行报送说明。",
                "七、不要插入、删除或移动行和列，不要重命名、删除或新增工作表；可以调整行高和列宽。",
                "八、填好后保存为.xlsx文件（也可另存为.xls）报送，文件名可以不改。同一报告期再次报送的作为新版本，"
                        + "以最后一次通过审核的为准。"));
        int r = 2;
        for (String line : lines) {
            set(sheet, r, 0, line, st.paragraph);
            sheet.addMergedRegion(new CellRangeAddress(r, r, 0, widths.length - 1));
            sheet.getRow(r).setHeightInPoints(lines(line, total) * LINE_POINTS + 4);
            r++;
        }
        r++;
        set(sheet, r++, 0, "附：本表所列指标", st.left);
        String[] heads = {"指标编码", "指标名称", "计量单位", "填报要求"};
        for (int i = 0; i < heads.length; i++) {
            set(sheet, r, i, heads[i], st.header);
        }
        sheet.getRow(r).setHeightInPoints(22);
        Map<String, FormContent.IndicatorRow> distinct = new LinkedHashMap<>();
        content.indicators().forEach(i -> distinct.putIfAbsent(i.indicatorCode(), i));
        for (FormContent.IndicatorRow i : distinct.values()) {
            r++;
            String requirement = i.ratio() ? "比率类：同时填写分子值、分母值" : "";
            set(sheet, r, 0, i.indicatorCode(), st.locked);
            set(sheet, r, 1, i.indicatorName(), st.lockedWrap);
            set(sheet, r, 2, i.unit(), st.lockedCentre);
            set(sheet, r, 3, requirement, st.lockedWrap);
            fitHeight(sheet, r, Math.max(lines(i.indicatorName(), widths[1]), lines(requirement, widths[3])));
        }
        if (distinct.isEmpty()) {
            set(sheet, ++r, 0, "本期表1无指标。", st.left);
        }
        printSetup(sheet, 0, false);
        protect(sheet);
    }

    // ---------------------------------------------------------------- _meta

    private static void writeMeta(XSSFWorkbook wb, FormDefinition def, FormContent content) {
        Sheet sheet = wb.createSheet(def.metaSheet());
        String[] values = {"1", def.templateVersion(), content.unit().code(), content.period().code(),
                OffsetDateTime.now().withNano(0).toString()};
        for (int i = 0; i < FormMeta.KEYS.length; i++) {
            Row row = sheet.createRow(i);
            row.createCell(0).setCellValue(FormMeta.KEYS[i]);
            row.createCell(1).setCellValue(values[i]);
        }
        sheet.protectSheet(PROTECTION);
        wb.setSheetVisibility(wb.getSheetIndex(sheet), SheetVisibility.VERY_HIDDEN);
    }

    // ---------------------------------------------------------------- validation

    private static void numberValidations(XSSFSheet sheet, FormDefinition.Table table, int firstRow, int lastRow, String min) {
        if (lastRow < firstRow) {
            return;
        }
        for (FormDefinition.Column column : table.columns()) {
            if (column.typeOrText() != ColumnType.NUMBER) {
                continue;
            }
            DataValidationConstraint c = sheet.getDataValidationHelper().createDecimalConstraint(OperatorType.BETWEEN, min, NUMBER_MAX);
            String text = min.equals("0")
                    ? "本单元格只能填写不小于0的数字，不要带单位或文字，金额单位为亿元。"
                    : "本单元格只能填写数字，不要带单位或文字，单位见“计量单位”列。";
            sheet.addValidationData(validation(sheet, c, firstRow, lastRow, column.index(), column.index(), "请输入数字", text));
        }
    }

    private static void choiceValidation(XSSFSheet sheet, FormDefinition.Column column, int firstRow, int lastRow) {
        DataValidationConstraint c = sheet.getDataValidationHelper().createExplicitListConstraint(column.choices().toArray(String[]::new));
        DataValidation v = validation(sheet, c, firstRow, lastRow, column.index(), column.index(), "请从下拉列表中选择",
                column.header() + "只能选择：" + String.join("、", column.choices()) + "。");
        sheet.addValidationData(v);
    }

    private static DataValidation validation(Sheet sheet, DataValidationConstraint constraint, int firstRow, int lastRow,
                                             int firstCol, int lastCol, String title, String text) {
        DataValidation v = sheet.getDataValidationHelper().createValidation(constraint,
                new CellRangeAddressList(firstRow, lastRow, firstCol, lastCol));
        v.setErrorStyle(DataValidation.ErrorStyle.STOP);
        v.createErrorBox(title, text);
        v.setShowErrorBox(true);
        v.setEmptyCellAllowed(true);
        return v;
    }

    // ---------------------------------------------------------------- layout helpers

    /** The signature line, two rows below the table's last row (0-based {@code lastRow}). */
    private static void footer(Sheet sheet, FormDefinition def, int lastRow, Styles st) {
        set(sheet, lastRow + 2, 0, def.footer(), st.left);
    }

    /** Definition widths are in characters of the default font, which already allows for CJK names. */
    private static int columnWidth(int chars) {
        return Math.min(255, Math.max(6, chars + 1)) * 256;
    }

    /** Display width in character cells: CJK and full-width characters count double. */
    static int displayWidth(String text) {
        int width = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            width += cp >= 0x1100 && (cp <= 0x115F || cp >= 0x2E80 && cp <= 0xA4CF || cp >= 0xAC00 && cp <= 0xD7A3
                    || cp >= 0xF900 && cp <= 0xFAFF || cp >= 0xFE30 && cp <= 0xFE4F || cp >= 0xFF00 && cp <= 0xFF60
                    || cp >= 0xFFE0 && cp <= 0xFFE6 || cp >= 0x20000) ? 2 : 1;
            i += Character.charCount(cp);
        }
        return width;
    }

    /** Lines a wrapped text takes in a column {@code chars} wide (POI cannot measure; Excel does not re-fit on open). */
    static int lines(String text, int chars) {
        if (text == null || text.isEmpty()) {
            return 1;
        }
        int usable = Math.max(4, chars);
        return Math.max(1, (displayWidth(text) + usable - 1) / usable);
    }

    private static void fitHeight(Sheet sheet, int row, int lines) {
        if (lines > 1) {
            sheet.getRow(row).setHeightInPoints(Math.max(ROW_POINTS, lines * LINE_POINTS + 4));
        }
    }

    /** A4, one page wide; landscape for the tables, whose title and header rows repeat on every page. */
    private static void printSetup(XSSFSheet sheet, int headerRow, boolean landscape) {
        PrintSetup print = sheet.getPrintSetup();
        print.setPaperSize(PrintSetup.A4_PAPERSIZE);
        print.setLandscape(landscape);
        print.setFitWidth((short) 1);
        print.setFitHeight((short) 0);
        sheet.setFitToPage(true);
        sheet.setHorizontallyCenter(true);
        sheet.setMargin(Sheet.LeftMargin, 0.4);
        sheet.setMargin(Sheet.RightMargin, 0.4);
        if (headerRow > 0) {
            sheet.setRepeatingRows(new CellRangeAddress(0, headerRow - 1, -1, -1));
        }
    }

    /** Only unlocked cells can be edited; selecting, formatting rows, columns and cells stays allowed. */
    private static void protect(XSSFSheet sheet) {
        sheet.protectSheet(PROTECTION);
        sheet.lockSelectLockedCells(false);
        sheet.lockSelectUnlockedCells(false);
        sheet.lockFormatCells(false);
        sheet.lockFormatColumns(false);
        sheet.lockFormatRows(false);
    }

    private static Cell set(Sheet sheet, int row, int col, String text, CellStyle style) {
        Row r = sheet.getRow(row) != null ? sheet.getRow(row) : sheet.createRow(row);
        Cell cell = r.createCell(col);
        if (text != null) {
            cell.setCellValue(text);
        }
        if (style != null) {
            cell.setCellStyle(style);
        }
        return cell;
    }
}
