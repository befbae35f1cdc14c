package cn.zhenxing.form;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zhenxing.WarehouseFixture;
import cn.zhenxing.WarehouseTest;
import cn.zhenxing.catalog.CatalogLoader;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataValidationConstraint.ValidationType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.SheetVisibility;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFDataValidation;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/** The generated form: sheets, identification, protection, validation, and the rows the unit reports; the template command. */
@WarehouseTest
@TestPropertySource(properties = "zhenxing.test.database=zhenxing_test_template")
class TemplateWriterTest {

    @Autowired
    WarehouseFixture warehouse;
    @Autowired
    FormContentService contents;
    @Autowired
    TemplateWriter writer;
    @TempDir
    Path dir;

    final FormDefinition def = FormDefinition.load();

    @BeforeEach
    void catalogLoaded() throws Exception {
        CatalogLoader.Result result = warehouse.catalogLoaded();
        assertThat(result.outcome()).as(String.valueOf(result.failure()))
                .isIn(CatalogLoader.Outcome.LOADED, CatalogLoader.Outcome.ALREADY_LOADED);
    }

    @Test
    void changzhiFormHasTheSheetsRowsProtectionAndValidation() throws Exception {
        FormContent content = contents.content("140400", "2025Q3");
        Path file = writer.write(def, content, dir);
        assertThat(file).exists().hasParent(dir);
        assertThat(file.getFileName().toString()).isEqualTo("140400_2025Q3_长治市发展和改革委员会.xlsx");

        try (XSSFWorkbook wb = new XSSFWorkbook(file.toFile())) {
            assertThat(sheetNames(wb)).containsExactly(def.cover().sheet(), "表1 指标季报", "表2 重点任务进展", "表3 重点项目进展",
                    TemplateWriter.INSTRUCTIONS_SHEET, def.metaSheet());
            assertMeta(wb, "140400", "2025Q3");
            assertThat(wb.isStructureLocked()).as("sheets cannot be unhidden, renamed or moved").isTrue();
            for (int i = 0; i < wb.getNumberOfSheets(); i++) {
                assertThat(wb.getSheetAt(i).getProtect()).as(wb.getSheetName(i) + " protected").isTrue();
                if (!wb.getSheetName(i).equals(def.metaSheet())) {
                    assertThat(wb.getSheetVisibility(i)).isEqualTo(SheetVisibility.VISIBLE);
                }
            }
            assertThat(wb.getNumCellStyles()).as("styles are shared, not made per cell").isLessThan(40);

            // 封面: pre-filled unit and period locked, the rest yellow and editable.
            XSSFSheet cover = wb.getSheet(def.cover().sheet());
            assertThat(text(cover, 0, 0)).isEqualTo(def.title());
            XSSFCell unitName = cell(cover, def.cover().field("unit_name").cell());
            assertThat(unitName.getStringCellValue()).isEqualTo("长治市发展和改革委员会");
            assertThat(unitName.getCellStyle().getLocked()).isTrue();
            assertThat(cell(cover, def.cover().field("period").cell()).getStringCellValue()).isEqualTo("2025年第三季度");
            for (String key : List.of("filler", "phone", "reviewer", "fill_date")) {
                assertThat(cell(cover, def.cover().field(key).cell()).getCellStyle().getLocked()).as(key).isFalse();
            }
            assertThat(cell(cover, def.cover().field("fill_date").cell()).getCellStyle().getDataFormatString()).isEqualTo("yyyy-mm-dd");
            assertThat(cell(cover, def.cover().field("phone").cell()).getCellStyle().getDataFormatString()).isEqualTo("@");
            assertThat(cover.getDataValidations()).anySatisfy(v -> {
                assertThat(v.getValidationConstraint().getValidationType()).isEqualTo(ValidationType.DATE);
                assertThat(v.getRegions().getCellRangeAddress(0).formatAsString()).isEqualTo(def.cover().field("fill_date").cell());
            });

            // 表1: one row per indicator row of the content, in order, codes locked, values open.
            FormDefinition.Table t1 = def.table("indicators");
            XSSFSheet s1 = wb.getSheet(t1.sheet());
            assertHead(s1, t1, "长治市发展和改革委员会", "2025年第三季度");
            List<Row> rows = dataRows(s1, t1);
            assertThat(rows).hasSize(content.indicators().size()).isNotEmpty();
            for (int i = 0; i < rows.size(); i++) {
                FormContent.IndicatorRow expected = content.indicators().get(i);
                assertThat(text(rows.get(i), t1.column("region_code"))).isEqualTo(expected.regionCode());
                assertThat(text(rows.get(i), t1.column("indicator_code"))).isEqualTo(expected.indicatorCode());
                assertThat(text(rows.get(i), t1.column("indicator_name"))).isEqualTo(expected.indicatorName());
                assertThat(locked(rows.get(i), t1.column("numerator"))).as("分子值 open only on ratio rows").isEqualTo(!expected.ratio());
            }
            assertThat(content.indicators()).as("the form has ratio and non-ratio rows")
                    .anyMatch(FormContent.IndicatorRow::ratio).anyMatch(r -> !r.ratio());
            Row first = rows.get(0);
            assertThat(text(first, t1.column("region_code"))).isEqualTo(content.indicators().get(0).regionCode());
            assertThat(text(first, t1.column("indicator_code"))).isEqualTo(content.indicators().get(0).indicatorCode());
            for (String key : List.of("region_code", "region_name", "indicator_code", "indicator_name", "unit")) {
                assertThat(locked(first, t1.column(key))).as(key).isTrue();
            }
            for (String key : List.of("value", "prior_value", "note")) {
                assertThat(locked(first, t1.column(key))).as(key).isFalse();
            }
            int lastRow = rows.get(rows.size() - 1).getRowNum();
            assertThat(text(s1, lastRow + 2, 0)).as("signature line two rows below the table").isEqualTo(def.footer());
            FormDefinition.Column value = t1.column("value");
            assertThat(value.header()).isEqualTo("本期值");
            XSSFDataValidation number = validationOn(s1, value);
            assertThat(number.getValidationConstraint().getValidationType()).isEqualTo(ValidationType.DECIMAL);
            assertThat(number.getShowErrorBox()).isTrue();
            assertThat(number.getErrorBoxTitle()).isEqualTo("请输入数字");
            CellRangeAddress range = number.getRegions().getCellRangeAddress(0);
            assertThat(range.getFirstRow()).isEqualTo(t1.firstDataRow() - 1);
            assertThat(range.getLastRow()).isEqualTo(lastRow);
            assertThat(s1.getPaneInformation().getHorizontalSplitPosition()).as("frozen below the header").isEqualTo((short) t1.headerRow());
            assertThat(s1.getMergedRegions()).allSatisfy(m -> assertThat(m.getLastRow()).isLessThan(t1.headerRow() - 1));

            // 表2: status dropdown, progress 0–100.
            FormDefinition.Table t2 = def.table("tasks");
            XSSFSheet s2 = wb.getSheet(t2.sheet());
            assertHead(s2, t2, "长治市发展和改革委员会", "2025年第三季度");
            assertThat(dataRows(s2, t2)).hasSize(content.tasks().size());
            XSSFDataValidation status = validationOn(s2, t2.column("status"));
            assertThat(status.getValidationConstraint().getValidationType()).isEqualTo(ValidationType.LIST);
            assertThat(String.join(",", status.getValidationConstraint().getExplicitListValues())).contains("按计划推进");
            XSSFDataValidation percent = validationOn(s2, t2.column("percent"));
            assertThat(percent.getValidationConstraint().getFormula1()).isEqualTo("0");
            assertThat(percent.getValidationConstraint().getFormula2()).isEqualTo("100");
            Row task = s2.getRow(t2.firstDataRow() - 1);
            assertThat(text(task, t2.column("task_code"))).isEqualTo(content.tasks().get(0).taskCode());
            assertThat(locked(task, t2.column("task_name"))).isTrue();
            assertThat(locked(task, t2.column("progress"))).isFalse();

            // 表3: catalog projects, then the open rows for new projects.
            FormDefinition.Table t3 = def.table("projects");
            XSSFSheet s3 = wb.getSheet(t3.sheet());
            List<Row> projects = dataRows(s3, t3);
            assertThat(projects).hasSize(content.projects().size());
            assertThat(t3.openRows()).isPositive();
            assertThat(locked(projects.get(0), t3.column("project_name"))).isTrue();
            int firstOpen = t3.firstDataRow() - 1 + content.projects().size();
            for (int r = firstOpen; r < firstOpen + t3.openRows(); r++) {
                Row open = s3.getRow(r);
                assertThat(open).as("open row %d", r + 1).isNotNull();
                assertThat(text(open, t3.column("project_code"))).isEmpty();
                for (String key : List.of("project_name", "total", "quarter", "ytd", "milestone", "note")) {
                    assertThat(locked(open, t3.column(key))).as("open row %d %s", r + 1, key).isFalse();
                }
            }
            assertThat(text(s3, firstOpen + t3.openRows() + 1, 0)).isEqualTo(def.footer());
            XSSFDataValidation milestone = validationOn(s3, t3.column("milestone"));
            assertThat(milestone.getValidationConstraint().getExplicitListValues()).containsExactlyElementsOf(t3.column("milestone").choices());
            assertThat(milestone.getRegions().getCellRangeAddress(0).getLastRow()).isEqualTo(firstOpen + t3.openRows() - 1);
            assertThat(validationOn(s3, t3.column("ytd")).getValidationConstraint().getFormula1()).isEqualTo("0");

            // 填报说明 lists each indicator of the form once.
            XSSFSheet help = wb.getSheet(TemplateWriter.INSTRUCTIONS_SHEET);
            List<String> listed = new ArrayList<>();
            help.forEach(r -> {
                String code = r.getCell(0) == null ? "" : r.getCell(0).getStringCellValue();
                if (content.indicators().stream().anyMatch(i -> i.indicatorCode().equals(code))) {
                    listed.add(code);
                }
            });
            assertThat(listed).containsExactlyElementsOf(new LinkedHashSet<>(content.indicators().stream()
                    .map(FormContent.IndicatorRow::indicatorCode).toList()));
            assertThat(allText(help)).contains("未报送", "黄色单元格", "项目编码留空", "不要插入", ".xls");
        }
    }

    @Test
    void yuxianFormForTheFourthQuarterHoldsOnlyYuxianRows() throws Exception {
        FormContent content = contents.content("140322", "2025Q4");
        Path file = writer.write(def, content, dir);
        assertThat(file.getFileName().toString()).isEqualTo("140322_2025Q4_" + content.unit().name() + ".xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook(file.toFile())) {
            assertMeta(wb, "140322", "2025Q4");
            FormDefinition.Table t1 = def.table("indicators");
            XSSFSheet s1 = wb.getSheet(t1.sheet());
            assertHead(s1, t1, content.unit().name(), "2025年第四季度");
            List<Row> rows = dataRows(s1, t1);
            assertThat(rows).hasSize(content.indicators().size()).isNotEmpty();
            assertThat(rows).allSatisfy(r -> assertThat(text(r, t1.column("region_code"))).isEqualTo("140322"));
            assertThat(text(rows.get(0), t1.column("indicator_code"))).isEqualTo(content.indicators().get(0).indicatorCode());
            assertThat(dataRows(wb.getSheet(def.table("tasks").sheet()), def.table("tasks"))).hasSize(content.tasks().size());
        }
    }


    // ------------------------------------------------------------------ helpers

    private static List<String> sheetNames(XSSFWorkbook wb) {
        List<String> names = new ArrayList<>();
        wb.forEach(s -> names.add(s.getSheetName()));
        return names;
    }

    private void assertMeta(XSSFWorkbook wb, String unit, String period) {
        XSSFSheet meta = wb.getSheet(def.metaSheet());
        assertThat(wb.getSheetVisibility(wb.getSheetIndex(meta))).isEqualTo(SheetVisibility.VERY_HIDDEN);
        for (int i = 0; i < FormMeta.KEYS.length; i++) {
            assertThat(text(meta, i, 0)).isEqualTo(FormMeta.KEYS[i]);
        }
        assertThat(text(meta, 0, 1)).isEqualTo("1");
        assertThat(text(meta, 1, 1)).isEqualTo(def.templateVersion());
        assertThat(text(meta, 2, 1)).isEqualTo(unit);
        assertThat(text(meta, 3, 1)).isEqualTo(period);
        assertThat(OffsetDateTime.parse(text(meta, 4, 1))).isBefore(OffsetDateTime.now().plusSeconds(1));
    }

    /** Title, legal marking, unit and period, unit line and headers: what a statistician checks first. */
    private void assertHead(XSSFSheet sheet, FormDefinition.Table table, String unitName, String periodLabel) {
        String head = Stream.of(0, 1, 2).map(r -> rowText(sheet, r)).reduce("", (a, b) -> a + "|" + b);
        assertThat(text(sheet, 0, 0)).isEqualTo(table.caption());
        assertThat(head).contains("表号：" + def.tableNo(), "制定机关：" + def.issuer(), "填报单位：" + unitName, periodLabel, table.unitLine());
        Row header = sheet.getRow(table.headerRow() - 1);
        for (FormDefinition.Column column : table.columns()) {
            Cell cell = header.getCell(column.index());
            assertThat(cell.getStringCellValue()).isEqualTo(column.header());
            assertThat(cell.getCellStyle().getWrapText()).isTrue();
        }
        FormDefinition.Column name = table.columns().get(1);
        assertThat(sheet.getColumnWidth(name.index())).as("width from the definition").isGreaterThanOrEqualTo(name.width() * 256);
    }

    /** Rows from the first data row down to the first row whose first cell is blank or the signature line. */
    private List<Row> dataRows(XSSFSheet sheet, FormDefinition.Table table) {
        FormDefinition.Column key = table.columns().get(0);
        List<Row> rows = new ArrayList<>();
        for (int r = table.firstDataRow() - 1; ; r++) {
            Row row = sheet.getRow(r);
            String code = row == null ? "" : text(row, key);
            if (code.isEmpty() || code.equals(def.footer())) {
                return rows;
            }
            rows.add(row);
        }
    }

    private static XSSFDataValidation validationOn(XSSFSheet sheet, FormDefinition.Column column) {
        return sheet.getDataValidations().stream()
                .filter(v -> Stream.of(v.getRegions().getCellRangeAddresses())
                        .anyMatch(a -> a.getFirstColumn() <= column.index() && column.index() <= a.getLastColumn()))
                .findFirst().orElseThrow(() -> new AssertionError("no validation on " + column.header()));
    }

    private static boolean locked(Row row, FormDefinition.Column column) {
        return row.getCell(column.index()).getCellStyle().getLocked();
    }

    private static String text(Row row, FormDefinition.Column column) {
        Cell cell = row.getCell(column.index());
        return cell == null ? "" : cell.getStringCellValue();
    }

    private static String text(XSSFSheet sheet, int row, int col) {
        Row r = sheet.getRow(row);
        Cell c = r == null ? null : r.getCell(col);
        return c == null ? "" : c.getStringCellValue();
    }

    private static XSSFCell cell(XSSFSheet sheet, String a1) {
        CellReference ref = new CellReference(a1);
        return sheet.getRow(ref.getRow()).getCell(ref.getCol());
    }

    private static String rowText(XSSFSheet sheet, int row) {
        StringBuilder b = new StringBuilder();
        Row r = sheet.getRow(row);
        if (r != null) {
            r.forEach(c -> b.append(c.getStringCellValue()).append(' '));
        }
        return b.toString();
    }

    private static String allText(XSSFSheet sheet) {
        StringBuilder b = new StringBuilder();
        sheet.forEach(r -> r.forEach(c -> b.append(c.getStringCellValue()).append('\n')));
        return b.toString();
    }
}
