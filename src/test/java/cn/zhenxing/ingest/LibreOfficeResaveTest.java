package cn.zhenxing.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import cn.zhenxing.WarehouseFixture;
import cn.zhenxing.WarehouseTest;
import cn.zhenxing.form.FormDefinition;
import cn.zhenxing.form.TemplateWriter;
import cn.zhenxing.samples.SampleGenerator;
import cn.zhenxing.workbook.FileFormat;
import cn.zhenxing.workbook.FileSniffer;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * Statisticians open the form in LibreOffice Calc (or WPS) and save it as .xlsx or .xls. Both come
 * back with the same facts. Needs `soffice` (CI installs libreoffice-calc-nogui).
 */
@WarehouseTest
@TestPropertySource(properties = "zhenxing.test.database=zhenxing_test_libreoffice")
class LibreOfficeResaveTest {

    @Autowired
    WarehouseFixture warehouse;
    @Autowired
    SampleGenerator samples;
    @Autowired
    IngestService ingest;
    @Autowired
    JdbcTemplate jdbc;
    @TempDir
    Path dir;

    @Test
    void resavedAsXlsxAndAsXlsIngestWithIdenticalFacts() throws Exception {
        assumeTrue(soffice() != null, "LibreOffice (soffice) is not installed; .ci/run installs it");
        warehouse.catalogLoaded();
        // Last year's form first: this year's comes with 上年同期值 pre-filled and locked from it.
        Path lastYear = samples.generate("2024Q4", Files.createDirectories(dir.resolve("2024")), List.of("140500")).get(0);
        assertThat(ingest.ingest(List.of(lastYear), "cli", "test", null, x -> { }).get(0).status())
                .isIn(IngestService.Status.ACCEPTED, IngestService.Status.DUPLICATE);
        Path original = samples.generate("2025Q4", Files.createDirectories(dir.resolve("orig")), List.of("140500")).get(0);
        Path asXlsx = convert(original, "xlsx:Calc MS Excel 2007 XML", "lo-xlsx");
        Path asXls = convert(original, "xls:MS Excel 97", "lo-xls");
        assertThat(FileSniffer.detect(asXls)).isEqualTo(FileFormat.XLS);
        assertFormKept(asXlsx);
        assertFormKept(asXls);

        Map<String, BigDecimal> expected = accept(original, 1);
        assertThat(expected).isNotEmpty();
        Map<String, BigDecimal> fromXlsx = accept(asXlsx, 2);
        Map<String, BigDecimal> fromXls = accept(asXls, 3);
        assertThat(fromXlsx.keySet()).isEqualTo(expected.keySet());
        assertThat(fromXls.keySet()).isEqualTo(expected.keySet());
        expected.forEach((k, v) -> {
            assertThat(fromXlsx.get(k)).as("xlsx " + k).isEqualByComparingTo(v);
            assertThat(fromXls.get(k)).as("xls " + k).isEqualByComparingTo(v);
        });
        // 上年同期值 as pre-filled: last year's accepted value, after both re-saves.
        Integer prefilled = jdbc.queryForObject("SELECT COUNT(*) FROM fact_indicator_value f JOIN ops_submission s "
                + "ON s.submission_id = f.submission_id AND s.is_current JOIN dim_reporting_unit u ON u.unit_key = s.unit_key "
                + "JOIN dim_region r ON r.region_key = f.region_key JOIN int_indicator_value_current c ON c.period_key = 20244 "
                + "AND c.region_code = r.region_code AND c.indicator_key = f.indicator_key "
                + "WHERE u.unit_code = '140500' AND f.period_key = 20254 AND f.prior_year_value = c.value", Integer.class);
        assertThat(prefilled).isPositive();
    }

    /** What LibreOffice keeps of the form: 表号 per table, 栏次, the 指标解释 sheet, the locked 上年同期值, the prompts. */
    private static void assertFormKept(Path file) throws Exception {
        FormDefinition def = FormDefinition.load();
        try (Workbook wb = WorkbookFactory.create(file.toFile(), null, true)) {
            assertThat(wb.getSheet(TemplateWriter.EXPLANATIONS_SHEET)).as(file + " 指标解释").isNotNull();
            for (FormDefinition.Table table : def.tables()) {
                Sheet sheet = wb.getSheet(table.sheet());
                StringBuilder head = new StringBuilder();
                for (int r = 0; r < table.headerRow(); r++) {
                    sheet.getRow(r).forEach(c -> head.append(c.toString()).append('|'));
                }
                assertThat(head.toString()).as(file + " " + table.sheet()).contains("表　　号：" + table.tableNo());
                assertThat(sheet.getRow(table.headerRow()).getCell(0).getStringCellValue()).isEqualTo(table.columns().get(0).code());
            }
            FormDefinition.Table t1 = def.table("indicators");
            Sheet s1 = wb.getSheet(t1.sheet());
            boolean lockedPrior = false;
            for (int r = t1.firstDataRow() - 1; r <= s1.getLastRowNum(); r++) {
                org.apache.poi.ss.usermodel.Cell prior = s1.getRow(r) == null ? null : s1.getRow(r).getCell(t1.column("prior_value").index());
                lockedPrior |= prior != null && prior.getCellType() == org.apache.poi.ss.usermodel.CellType.NUMERIC && prior.getCellStyle().getLocked();
            }
            assertThat(lockedPrior).as(file + " a pre-filled 上年同期值 locked").isTrue();
            assertThat(s1.getDataValidations()).as(file + " prompts").anySatisfy(v ->
                    assertThat(v.getPromptBoxText()).contains("计量单位：").contains("口径："));
        }
    }

    private Map<String, BigDecimal> accept(Path file, int version) throws Exception {
        IngestService.Outcome o = ingest.ingest(List.of(file), "cli", "test", null, x -> { }).get(0);
        assertThat(o.status()).as(file + " " + o.problems()).isEqualTo(IngestService.Status.ACCEPTED);
        assertThat(o.version()).isEqualTo(version);
        Map<String, BigDecimal> facts = new HashMap<>();
        jdbc.query("SELECT r.region_code, i.indicator_code, f.value, f.numerator_value FROM fact_indicator_value f "
                + "JOIN ops_submission s ON s.submission_id = f.submission_id AND s.is_current "
                + "JOIN dim_region r ON r.region_key = f.region_key JOIN dim_indicator i ON i.indicator_key = f.indicator_key "
                + "JOIN dim_reporting_unit u ON u.unit_key = s.unit_key WHERE u.unit_code = '140500' AND f.period_key = 20254", rs -> {
            facts.put(rs.getString(1) + "|" + rs.getString(2), rs.getBigDecimal(3));
            if (rs.getBigDecimal(4) != null) {
                facts.put(rs.getString(1) + "|" + rs.getString(2) + "|numerator", rs.getBigDecimal(4));
            }
        });
        return facts;
    }

    private Path convert(Path file, String filter, String outName) throws Exception {
        Path out = Files.createDirectories(dir.resolve(outName));
        Process p = new ProcessBuilder(soffice(), "--headless", "--norestore", "-env:UserInstallation=file://" + dir.resolve("lo-profile"),
                "--convert-to", filter, "--outdir", out.toString(), file.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve(outName + ".log").toFile()).start();
        assertThat(p.waitFor(180, TimeUnit.SECONDS)).isTrue();
        String log = Files.readString(dir.resolve(outName + ".log"));
        try (var files = Files.list(out)) {
            return files.findFirst().orElseThrow(() -> new AssertionError("LibreOffice wrote nothing: " + log));
        }
    }

    private static String soffice() {
        for (String candidate : List.of("/usr/bin/soffice", "/usr/bin/libreoffice", "/usr/lib/libreoffice/program/soffice")) {
            if (Files.isExecutable(Path.of(candidate))) {
                return candidate;
            }
        }
        return null;
    }
}
