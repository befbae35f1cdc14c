package cn.zhenxing.form;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zhenxing.WarehouseFixture;
import cn.zhenxing.WarehouseTest;
import cn.zhenxing.catalog.CatalogLoader;
import cn.zhenxing.ingest.IngestService;
import cn.zhenxing.samples.SampleGenerator;
import java.math.BigDecimal;
import java.nio.file.Files;
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
import org.springframework.jdbc.core.JdbcTemplate;
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
    @Autowired
    SampleGenerator samples;
    @Autowired
    IngestService ingest;
    @Autowired
    JdbcTemplate jdbc;
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
                    TemplateWriter.INSTRUCTIONS_SHEET, TemplateWriter.EXPLANATIONS_SHEET, def.metaSheet());
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
            // One sign-off line: 单位负责人, 统计负责人, 填表人, 联系电话, 报出日期, on one row, open.
            List<String> signOff = List.of("unit_head", "reviewer", "filler", "phone", "fill_date");
            for (String key : signOff) {
                FormDefinition.Field field = def.cover().field(key);
                assertThat(cell(cover, field.cell()).getCellStyle().getLocked()).as(key).isFalse();
                assertThat(field.ref().getRow()).as(key + " on the sign-off row").isEqualTo(def.cover().field("unit_head").ref().getRow());
            }
            assertThat(signOff.stream().map(k -> def.cover().field(k).label()).toList())
                    .containsExactly("单位负责人", "统计负责人", "填表人", "联系电话", "报出日期");
            String coverText = allText(cover);
            assertThat(coverText).doesNotContain("填报人", "审核人");
            assertThat(coverText).contains("制定机关：山西省发展和改革委员会", "批准机关：山西省统计局", "批准文号：" + def.approvalNo(),
                    "有效期至：" + def.validUntil(), "报表目录", "晋振兴季1表", "晋振兴季2表", "晋振兴季3表", "主要指标季度监测表");
            // The unit's deadline (the calendar's default: 15 days after the quarter) and the channels.
            assertThat(content.deadline()).isEqualTo(LocalDate.of(2025, 10, 15));
            assertThat(coverText).contains("报送截止日期：2025年10月15日", "报送方式", def.channels().get(0), def.channels().get(1));
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
            for (String key : List.of("value", "note")) {
                assertThat(locked(first, t1.column(key))).as(key).isFalse();
            }
            int lastRow = rows.get(rows.size() - 1).getRowNum();
            assertThat(text(s1, lastRow + 2, 0)).as("signature line two rows below the table").isEqualTo(def.footer());
            FormDefinition.Column value = t1.column("value");
            assertThat(value.header()).isEqualTo("本期值");
            // Per row from the catalog: 0-100 for shares, whole numbers for counts, >= 0 for levels, a prompt with unit and 口径.
            for (int i = 0; i < rows.size(); i++) {
                FormContent.IndicatorRow expected = content.indicators().get(i);
                XSSFDataValidation v = validationAt(s1, rows.get(i).getRowNum(), value);
                assertThat(v.getShowErrorBox()).isTrue();
                assertThat(v.getShowPromptBox()).isTrue();
                assertThat(v.getPromptBoxText()).as(expected.key()).contains("计量单位：" + expected.unit(),
                        "口径：" + expected.explanation().basisZh(content.period()));
                String range = expected.explanation().valueRange();
                assertThat(v.getValidationConstraint().getValidationType()).as(expected.key())
                        .isEqualTo("count".equals(range) ? ValidationType.INTEGER : ValidationType.DECIMAL);
                assertThat(v.getValidationConstraint().getFormula1()).isEqualTo("signed".equals(range) ? "-100" : "0");
                assertThat(v.getValidationConstraint().getFormula2()).isEqualTo("share".equals(range) ? "100"
                        : "signed".equals(range) ? "1000" : "99999999999999");
                assertThat(text(rows.get(i), t1.column("basis"))).isEqualTo(expected.explanation().basisZh(content.period()));
                assertThat(text(rows.get(i), t1.column("ratio_parts"))).as("ratio parts named with units")
                        .isEqualTo(expected.ratio() ? expected.explanation().numeratorName() + "／" + expected.explanation().denominatorName() : "");
            }
            assertThat(content.indicators()).extracting(r -> r.explanation().valueRange()).contains("share", "count", "non_negative");
            FormContent.IndicatorRow industryShare = content.indicators().stream().filter(r -> r.indicatorCode().equals("FYP14-04"))
                    .findFirst().orElseThrow();
            assertThat(text(rows.get(content.indicators().indexOf(industryShare)), t1.column("ratio_parts")))
                    .isEqualTo("工业增加值(亿元)／地区生产总值(亿元)");
            FormContent.IndicatorRow coal = content.indicators().stream().filter(r -> r.key().equals("140423|FYP14-B18")).findFirst().orElseThrow();
            assertThat(text(rows.get(content.indicators().indexOf(coal)), t1.column("basis"))).isEqualTo("1—9月累计");
            assertThat(validationAt(s1, rows.get(content.indicators().indexOf(coal)).getRowNum(), value).getPromptBoxText())
                    .startsWith("计量单位：亿吨；口径：1—9月累计。");
            // A county sees no province-named rows; an indicator's regions are together, the city first.
            assertThat(content.indicators()).noneMatch(r -> r.indicatorName().startsWith("全省"));
            assertThat(content.indicators()).anyMatch(r -> r.indicatorName().equals("PM2.5平均浓度") && r.regionCode().equals("140423"));
            List<String> blocks = new ArrayList<>();
            for (FormContent.IndicatorRow r : content.indicators()) {
                if (blocks.isEmpty() || !blocks.get(blocks.size() - 1).equals(r.indicatorCode())) {
                    assertThat(blocks).as("rows of " + r.indicatorCode() + " together").doesNotContain(r.indicatorCode());
                    blocks.add(r.indicatorCode());
                }
            }
            assertThat(content.indicators().stream().filter(r -> r.indicatorCode().equals("FYP14-B18")).findFirst().orElseThrow().regionCode())
                    .isEqualTo("140400");
            assertThat(s1.getPaneInformation().getHorizontalSplitPosition()).as("frozen below the 栏次 row").isEqualTo((short) (t1.headerRow() + 1));
            assertThat(cells(s1, t1.headerRow())).containsExactly("甲", "乙", "丙", "丁", "戊", "己", "1", "2", "庚", "3", "4", "辛");
            assertThat(t1.firstDataRow()).isEqualTo(t1.headerRow() + 2);
            assertThat(s1.getMergedRegions()).allSatisfy(m -> assertThat(m.getLastRow()).isLessThan(t1.headerRow() - 1));

            // 表2: status dropdown, progress 0–100.
            FormDefinition.Table t2 = def.table("tasks");
            XSSFSheet s2 = wb.getSheet(t2.sheet());
            assertHead(s2, t2, "长治市发展和改革委员会", "2025年第三季度");
            assertThat(cells(s2, t2.headerRow())).containsExactly("甲", "乙", "丙", "1", "2", "3", "4", "5");
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
            assertHead(s3, t3, "长治市发展和改革委员会", "2025年第三季度");
            assertThat(cells(s3, t3.headerRow())).containsExactly("甲", "乙", "1", "2", "3", "4", "5", "丙");
            assertThat(List.of(t1, t2, t3)).extracting(FormDefinition.Table::tableNo).containsExactly("晋振兴季1表", "晋振兴季2表", "晋振兴季3表");
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

            // 指标解释 lists each indicator of the form once: definition, 口径, unit, plan and target, what to fill.
            XSSFSheet explained = wb.getSheet(TemplateWriter.EXPLANATIONS_SHEET);
            List<String> listed = new ArrayList<>();
            explained.forEach(r -> {
                String code = r.getCell(0) == null ? "" : r.getCell(0).getStringCellValue();
                content.indicators().stream().filter(i -> i.indicatorCode().equals(code)).findFirst().ifPresent(i -> {
                    listed.add(code);
                    FormContent.Explanation e = i.explanation();
                    assertThat(e.definition()).as(code + " defined in the catalog").isNotBlank();
                    assertThat(r.getCell(1).getStringCellValue()).isEqualTo(i.indicatorName());
                    assertThat(r.getCell(2).getStringCellValue()).isEqualTo(i.unit());
                    assertThat(r.getCell(3).getStringCellValue()).isNotBlank().startsWith(e.basisZh(content.period()));
                    assertThat(r.getCell(4).getStringCellValue()).startsWith(e.definition())
                            .endsWith(e.undefinedByPlans() ? InstructionsSheet.UNDEFINED : e.definition());
                    assertThat(r.getCell(5).getStringCellValue()).startsWith(e.planTitle());
                });
            });
            assertThat(listed).containsExactlyElementsOf(new LinkedHashSet<>(content.indicators().stream()
                    .map(FormContent.IndicatorRow::indicatorCode).toList()));
            assertThat(allText(explained)).contains("FYP14-01\n地区生产总值增长\n%\n1—9月累计比上年同期增长\n本地区常住单位",
                    "山西省国民经济和社会发展第十四个五年规划");
            XSSFSheet help = wb.getSheet(TemplateWriter.INSTRUCTIONS_SHEET);
            assertThat(allText(help)).contains("未报送", "黄色单元格", "项目编码留空", "不要插入", ".xls", "2025年10月15日前报送",
                    def.channels().get(0), "栏次", "上年同期", TemplateWriter.EXPLANATIONS_SHEET);
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


    @Test
    void lastYearsAcceptedValuesArePrefilledAndLockedOthersOpenWithAPrompt() throws Exception {
        IngestService.Outcome lastYear = ingest.ingest(samples.generate("2024Q3", Files.createDirectories(dir.resolve("2024Q3")),
                List.of("140400")), "cli", "test", null, LocalDate.of(2024, 10, 10).atTime(9, 0), o -> { }).get(0);
        assertThat(lastYear.status()).as(String.valueOf(lastYear.problems()))
                .isIn(IngestService.Status.ACCEPTED, IngestService.Status.DUPLICATE);
        FormContent content = contents.content("140400", "2025Q3");
        FormDefinition.Table t1 = def.table("indicators");
        try (XSSFWorkbook wb = new XSSFWorkbook(writer.write(def, content, dir).toFile())) {
            XSSFSheet s1 = wb.getSheet(t1.sheet());
            List<Row> rows = dataRows(s1, t1);
            int prefilled = 0;
            for (int i = 0; i < rows.size(); i++) {
                FormContent.IndicatorRow row = content.indicators().get(i);
                BigDecimal accepted = jdbc.query("SELECT c.value FROM int_indicator_value_current c JOIN dim_indicator i "
                        + "ON i.indicator_key = c.indicator_key WHERE c.period_key = 20243 AND c.region_code = ? AND i.indicator_code = ?",
                        (rs, n) -> rs.getBigDecimal(1), row.regionCode(), row.indicatorCode()).stream().findFirst().orElse(null);
                Cell prior = rows.get(i).getCell(t1.column("prior_value").index());
                if (accepted != null) {
                    prefilled++;
                    assertThat(row.lastYear()).as(row.key()).isEqualByComparingTo(accepted);
                    assertThat(BigDecimal.valueOf(prior.getNumericCellValue())).as(row.key()).isEqualByComparingTo(accepted);
                    assertThat(prior.getCellStyle().getLocked()).as(row.key() + " locked").isTrue();
                    assertThat(validationsAt(s1, rows.get(i).getRowNum(), t1.column("prior_value"))).isEmpty();
                } else {
                    assertThat(prior.getCellStyle().getLocked()).as(row.key() + " open").isFalse();
                    assertThat(validationAt(s1, rows.get(i).getRowNum(), t1.column("prior_value")).getPromptBoxText())
                            .startsWith("系统中没有" + row.regionName() + "2024年第三季度已审核的数据，请按上年统计数据填写。");
                }
            }
            assertThat(prefilled).as("rows with last year's accepted value").isGreaterThan(rows.size() / 2);
            assertThat(content.indicators()).anyMatch(r -> r.lastYear() == null);
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
        assertThat(head).contains("表　　号：" + table.tableNo(), "制定机关：" + def.issuer(), "批准机关：" + def.approver(),
                "批准文号：" + def.approvalNo(), "有效期至：" + def.validUntil(), "填报单位：" + unitName, periodLabel, table.unitLine());
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

    /** The one validation that covers a cell (0-based row). */
    private static XSSFDataValidation validationAt(XSSFSheet sheet, int row, FormDefinition.Column column) {
        List<XSSFDataValidation> found = validationsAt(sheet, row, column);
        assertThat(found).as("validations on " + column.col() + (row + 1)).hasSize(1);
        return found.get(0);
    }

    private static List<XSSFDataValidation> validationsAt(XSSFSheet sheet, int row, FormDefinition.Column column) {
        return sheet.getDataValidations().stream()
                .filter(v -> Stream.of(v.getRegions().getCellRangeAddresses()).anyMatch(a -> a.isInRange(row, column.index()))).toList();
    }

    /** The texts of a row's cells (0-based row), left to right. */
    private static List<String> cells(XSSFSheet sheet, int row) {
        List<String> texts = new ArrayList<>();
        sheet.getRow(row).forEach(c -> texts.add(c.getStringCellValue()));
        return texts;
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
