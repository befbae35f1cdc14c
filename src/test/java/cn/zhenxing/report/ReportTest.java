package cn.zhenxing.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import cn.zhenxing.WarehouseFixture;
import cn.zhenxing.WarehouseTest;
import cn.zhenxing.ingest.IngestService;
import cn.zhenxing.mart.MartRefresher;
import java.awt.image.BufferedImage;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * Reports rendered from a quarter of sample submissions (one unit missing): read back as a reader
 * would, their text and numbers must be the marts'.
 */
@WarehouseTest
@TestPropertySource(properties = "zhenxing.test.database=zhenxing_test_reports")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportTest {

    static final String PERIOD = "2025Q3";
    static final String MISSING_UNIT = "141100";
    static final Path OUT = Path.of("target", "report-test");

    @Autowired
    WarehouseFixture warehouse;
    @Autowired
    IngestService ingest;
    @Autowired
    MartRefresher marts;
    @Autowired
    ReportService reports;
    @Autowired
    JdbcTemplate jdbc;

    List<Path> files;

    @BeforeAll
    void quarterIngestedAndRendered() throws Exception {
        warehouse.quarterIngested(PERIOD, OUT.resolve("forms"), LocalDateTime.of(2025, 10, 10, 9, 0), List.of(MISSING_UNIT));
        marts.refreshAll("test");
        files = new ArrayList<>();
        for (ReportName name : ReportName.values()) {
            files.addAll(reports.render(name, PERIOD, null, List.of("pdf", "xlsx"), OUT));
        }
        files.addAll(reports.render(ReportName.REVITALIZATION, PERIOD, "140400", List.of("pdf"), OUT));
    }

    static String text(Path pdf) throws Exception {
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            return new PDFTextStripper().getText(doc);
        }
    }

    static String formatted(BigDecimal value) {
        return new DecimalFormat("#,##0.##").format(value.setScale(2, RoundingMode.HALF_UP));
    }

    @Test
    void revitalizationReportIsReadableChineseWithTheMartsFigures() throws Exception {
        String text = text(OUT.resolve("revitalization-" + PERIOD + ".pdf"));
        assertThat(text).contains("山西省革命老区振兴发展季度监测报告", "2025年第三季度", "山西省发展和改革委员会", "数据说明",
                "太行革命老区主要指标进展", "重点任务进展", "重大项目投资进展", "数据报送情况", "长治市");
        assertThat(text).containsPattern("第 2 页 共 \\d+ 页");
        // Figures equal the marts: the Taihang area's recomputed ratio and two cities' values.
        for (String scope : List.of("TAIHANG_OLD_AREA", "140400", "140700")) {
            BigDecimal value = jdbc.queryForObject("SELECT value FROM mart_indicator_progress WHERE period_code = ? AND scope_code = ? "
                    + "AND indicator_code = 'FYP14-04'", BigDecimal.class, PERIOD, scope);
            assertThat(value).as(scope).isNotNull();
            assertThat(text).as("FYP14-04 of " + scope).contains(formatted(value));
        }
    }

    @Test
    void noLineOfAnyPdfStartsWithClosingPunctuation() throws Exception {
        for (Path pdf : files.stream().filter(f -> f.toString().endsWith(".pdf")).toList()) {
            assertThat(text(pdf).lines().map(String::strip)).as(pdf.getFileName().toString())
                    .noneMatch(line -> !line.isEmpty() && "，。、；：？！）】》」』”’%".indexOf(line.charAt(0)) >= 0);
        }
    }

    @Test
    void missingSubmissionsAreNamedNotPrintedAsZeros() throws Exception {
        String unitName = jdbc.queryForObject("SELECT name_zh FROM dim_reporting_unit WHERE unit_code = ?", String.class, MISSING_UNIT);
        String completeness = text(OUT.resolve("completeness-" + PERIOD + ".pdf"));
        assertThat(completeness).contains("数据报送情况通报", "本期未报送", unitName, "未报送", "报送率");
        String yellowRiver = text(OUT.resolve("yellow-river-" + PERIOD + ".pdf"));
        assertThat(yellowRiver).contains("本期未报送", unitName, "黄河干流19县", "沿汾生态经济带");

        // A quarter nobody has reported yet says so, and shows no figures at all.
        Path empty = reports.render(ReportName.FYP_INDICATORS, "2024Q2", null, List.of("pdf"), OUT).get(0);
        String none = text(empty);
        assertThat(none).contains("本期尚未收到任何已接收的报表", "不以零值代替", "无数据");
    }

    @Test
    void fypReportListsAllThirtyEightIndicatorsByCategory() throws Exception {
        String text = text(OUT.resolve("fyp-indicators-" + PERIOD + ".pdf"));
        assertThat(text).contains("“十四五”规划主要指标监测季报", "经济发展", "创新驱动", "绿色生态", "人的全面发展", "安全保障", "约束性");
        for (String name : jdbc.queryForList("SELECT name_zh FROM dim_indicator WHERE indicator_code REGEXP '^FYP14-[0-9]{2}$'", String.class)) {
            assertThat(text.replaceAll("\\s", "")).as(name).contains(name.replaceAll("\\s", "").substring(0, Math.min(6, name.length())));
        }
    }

    @Test
    void chineseFontIsEmbeddedInEveryPdf() throws Exception {
        for (Path pdf : files.stream().filter(f -> f.toString().endsWith(".pdf")).toList()) {
            Set<String> fonts = new HashSet<>();
            try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
                for (PDPage page : doc.getPages()) {
                    for (COSName name : page.getResources().getFontNames()) {
                        PDFont font = page.getResources().getFont(name);
                        assertThat(font.isEmbedded()).as(pdf + ": " + font.getName()).isTrue();
                        fonts.add(font.getName());
                    }
                }
            }
            assertThat(fonts).as(pdf.toString()).anyMatch(f -> f.contains("WenQuanYiMicroHei"));
        }
    }

    @Test
    void xlsxHasNumericCellsEqualToTheMartsOneTablePerSheetFrozenHeader() throws Exception {
        try (InputStream in = Files.newInputStream(OUT.resolve("revitalization-" + PERIOD + ".xlsx")); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            assertThat(wb.getSheetName(0)).isEqualTo("各市排名");
            assertThat(wb.getSheetName(1)).isEqualTo("太行革命老区");
            assertThat(wb.getNumberOfSheets()).isGreaterThan(6);
            Sheet sheet = wb.getSheet("太行革命老区");
            assertThat(sheet.getPaneInformation()).isNotNull();
            assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
            assertThat(sheet.getNumMergedRegions()).isZero();
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).contains("山西省革命老区振兴发展季度监测报告", "2025年第三季度", "太行革命老区")
                    .containsPattern("数据截至\\d{4}年\\d{1,2}月\\d{1,2}日 \\d{1,2}:\\d{2}");
            assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).contains("单位");
            assertThat(sheet.getRow(2).getCell(0).getStringCellValue()).isEqualTo("指标");
            assertThat(sheet.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 3);
            assertThat(sheet.getPrintSetup().getLandscape()).isTrue();
            assertThat(sheet.getFitToPage()).isTrue();
            assertThat(sheet.getPrintSetup().getFitWidth()).isEqualTo((short) 1);
            assertThat(sheet.getRepeatingRows().formatAsString()).isEqualTo("3:3");
            // Baseline and target are numbers, their years numbers in columns of their own.
            Row header = sheet.getRow(2);
            int baseYear = -1;
            for (Cell c : header) {
                if (c.getStringCellValue().equals("基期年")) {
                    baseYear = c.getColumnIndex();
                }
            }
            assertThat(baseYear).isPositive();
            int numericBaselines = 0;
            for (Row row : sheet) {
                Cell baseline = row.getCell(5);
                if (row.getRowNum() > 2 && baseline != null && baseline.getCellType() == CellType.NUMERIC) {
                    assertThat(row.getCell(baseYear).getNumericCellValue()).isBetween(2015.0, 2035.0);
                    numericBaselines++;
                }
            }
            assertThat(numericBaselines).isPositive();
            List<Map<String, Object>> mart = jdbc.queryForList("SELECT indicator_name, value FROM mart_indicator_progress WHERE period_code = ? "
                    + "AND scope_code = 'TAIHANG_OLD_AREA' AND value IS NOT NULL AND plan_code IN ('FYP14', 'TH2021', 'LQ2026')", PERIOD);
            assertThat(mart).isNotEmpty();
            int compared = 0;
            for (Map<String, Object> m : mart) {
                for (Row row : sheet) {
                    Cell name = row.getCell(0);
                    if (name != null && m.get("indicator_name").equals(name.getStringCellValue())) {
                        Cell value = row.getCell(3);
                        assertThat(value.getCellType()).as(name.getStringCellValue()).isEqualTo(CellType.NUMERIC);
                        assertThat(value.getNumericCellValue()).isCloseTo(((BigDecimal) m.get("value")).doubleValue(), within(1e-6));
                        compared++;
                    }
                }
            }
            assertThat(compared).isEqualTo(mart.size());
        }
    }

    @Test
    void firstPagesRenderWithContent() throws Exception {
        Path pngs = Files.createDirectories(OUT.resolve("pages"));
        for (Path pdf : files.stream().filter(f -> f.toString().endsWith(".pdf")).toList()) {
            try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
                PDFRenderer renderer = new PDFRenderer(doc);
                for (int page = 0; page < Math.min(2, doc.getNumberOfPages()); page++) {
                    BufferedImage image = renderer.renderImageWithDPI(page, 50);
                    ImageIO.write(image, "png", pngs.resolve(pdf.getFileName() + "-" + (page + 1) + ".png").toFile());
                    assertThat(inkShare(image)).as(pdf + " page " + (page + 1)).isGreaterThan(0.005);
                }
            }
        }
    }

    /** Share of pixels that are not near-white. */
    static double inkShare(BufferedImage image) {
        long ink = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                if (((rgb >> 16) & 0xff) + ((rgb >> 8) & 0xff) + (rgb & 0xff) < 600) {
                    ink++;
                }
            }
        }
        return (double) ink / ((long) image.getWidth() * image.getHeight());
    }

    @Test
    void cityEditionCoversOneCity() throws Exception {
        String text = text(OUT.resolve("revitalization-" + PERIOD + "-140400.pdf"));
        assertThat(text).contains("长治市版", "主要指标进展").doesNotContain("（二）晋城市");
    }

    @Test
    void spreadsheetTextCannotBecomeAFormula() {
        Map<String, Object> row = ReportRenderer.neutralised(new java.util.LinkedHashMap<>(Map.of("a", "=HYPERLINK(\"x\")", "b", "-1", "c", "正常", "d", BigDecimal.ONE)));
        assertThat(row.get("a")).isEqualTo("'=HYPERLINK(\"x\")");
        assertThat(row.get("b")).isEqualTo("'-1");
        assertThat(row.get("c")).isEqualTo("正常");
        assertThat(row.get("d")).isEqualTo(BigDecimal.ONE);
        assertThat(ReportRenderer.sheetName("a/b:c*d?[e]", new HashSet<>())).isEqualTo("a_b_c_d__e_");
    }
}
