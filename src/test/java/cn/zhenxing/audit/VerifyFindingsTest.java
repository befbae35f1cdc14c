package cn.zhenxing.audit;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zhenxing.WarehouseFixture;
import cn.zhenxing.WarehouseTest;
import cn.zhenxing.form.FormDefinition;
import cn.zhenxing.ingest.IngestService;
import cn.zhenxing.ingest.SubmissionStore;
import cn.zhenxing.samples.SampleGenerator;
import cn.zhenxing.warehouse.Quarter;
import cn.zhenxing.workbook.Problem;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * A 核实 finding through the real ingest: without a 说明, or with a stock phrase, the file is returned
 * with the rule, the numbers and the request for one; with a specific 说明 it is accepted and the
 * finding and its 说明 stay on record, where `audit run` finds them again.
 */
@WarehouseTest
@TestPropertySource(properties = "zhenxing.test.database=zhenxing_test_ingest")
class VerifyFindingsTest {

    static final FormDefinition DEF = FormDefinition.load();
    static final String UNIT = "140322";

    @Autowired
    WarehouseFixture warehouse;
    @Autowired
    SampleGenerator samples;
    @Autowired
    IngestService ingest;
    @Autowired
    SubmissionStore store;
    @Autowired
    WarehouseAudit audit;
    @Autowired
    JdbcTemplate jdbc;
    @TempDir
    Path dir;

    IngestService.Outcome ingest(Path file, String period) throws Exception {
        LocalDateTime received = Quarter.parse(period).end().plusDays(5).atTime(9, 0);
        return ingest.ingest(List.of(file), "cli", "test", null, received, o -> { }).get(0);
    }

    Path sample(String period) throws Exception {
        return samples.generate(period, Files.createDirectories(dir.resolve(period + System.nanoTime())), List.of(UNIT)).get(0);
    }

    /** The 表1 row of a quarterly level indicator on 盂县's form: its Excel row and indicator code. */
    Map.Entry<Integer, String> quarterlyLevelRow(Path file) throws Exception {
        List<String> codes = jdbc.queryForList("SELECT indicator_code FROM dim_indicator WHERE frequency = 'quarterly' AND value_kind = 'level' "
                + "AND rollup IN ('sum', 'none') ORDER BY indicator_key", String.class);
        FormDefinition.Table t1 = DEF.table("indicators");
        try (InputStream in = Files.newInputStream(file); Workbook wb = WorkbookFactory.create(in)) {
            Sheet sheet = wb.getSheet(t1.sheet());
            for (Row row : sheet) {
                if (row.getRowNum() + 1 >= t1.firstDataRow() && row.getCell(2) != null && codes.contains(row.getCell(2).getStringCellValue())
                        && row.getCell(5) != null) {
                    return Map.entry(row.getRowNum() + 1, row.getCell(2).getStringCellValue());
                }
            }
        }
        throw new AssertionError("盂县's form has no quarterly level indicator");
    }

    /** The row's 本期值 multiplied, and its 备注 set (null: left blank). */
    Path jump(Path file, int excelRow, double factor, String note) throws Exception {
        FormDefinition.Table t1 = DEF.table("indicators");
        Workbook wb;
        try (InputStream in = Files.newInputStream(file)) {
            wb = WorkbookFactory.create(in);
        }
        try (wb) {
            Row row = wb.getSheet(t1.sheet()).getRow(excelRow - 1);
            int valueCol = t1.column("value").col().charAt(0) - 'A';
            // Whole numbers stay whole (a count must be an integer, rule T03).
            row.getCell(valueCol).setCellValue(Math.round(row.getCell(valueCol).getNumericCellValue() * factor));
            if (note != null) {
                row.createCell(t1.column("note").col().charAt(0) - 'A').setCellValue(note);
            }
            Path out = dir.resolve("jump" + System.nanoTime() + ".xlsx");
            try (OutputStream os = Files.newOutputStream(out)) {
                wb.write(os);
            }
            return out;
        }
    }

    @Test
    void a_jump_is_returned_without_a_specific_explanation_and_accepted_with_one_that_stays_on_record() throws Exception {
        warehouse.catalogLoaded();
        assertThat(ingest(sample("2023Q3"), "2023Q3").status()).isEqualTo(IngestService.Status.ACCEPTED);
        Path form = sample("2023Q4");
        Map.Entry<Integer, String> row = quarterlyLevelRow(form);
        String valueCell = DEF.table("indicators").column("value").col() + row.getKey();

        IngestService.Outcome bare = ingest(jump(form, row.getKey(), 1.8, null), "2023Q4");
        assertThat(bare.status()).isEqualTo(IngestService.Status.REJECTED);
        Problem asked = bare.problems().stream().filter(p -> p.rule() != null && valueCell.equals(p.cell())).findFirst().orElseThrow();
        assertThat(asked.isError()).isTrue();
        assertThat(asked.messageZh()).contains("核实性审核").contains("相比变化");
        assertThat(asked.fixZh()).contains("请在本行“备注”中写明具体原因");

        IngestService.Outcome stock = ingest(jump(form, row.getKey(), 1.8, "经核实，数据无误"), "2023Q4");
        assertThat(stock.status()).isEqualTo(IngestService.Status.REJECTED);
        assertThat(stock.problems()).anySatisfy(p -> assertThat(p.messageZh()).contains("备注“经核实，数据无误”不是具体说明"));

        String reason = "新建煤矿二期投产，产量大幅增加";
        IngestService.Outcome explained = ingest(jump(form, row.getKey(), 1.8, reason), "2023Q4");
        assertThat(explained.status()).as("%s", explained.problems()).isEqualTo(IngestService.Status.ACCEPTED);
        List<Problem> kept = store.problems(explained.submissionId()).stream().filter(p -> p.rule() != null).toList();
        assertThat(kept).isNotEmpty().allSatisfy(p -> {
            assertThat(p.isError()).isFalse();
            assertThat(p.rule().explanationZh()).isEqualTo(reason);
            assertThat(p.rule().regionCode()).isEqualTo(UNIT);
            assertThat(p.rule().itemCode()).isEqualTo(row.getValue());
        });

        List<Finding> found = audit.run(Quarter.parse("2023Q4"), LocalDateTime.now());
        assertThat(found).filteredOn(f -> UNIT.equals(f.regionCode()) && row.getValue().equals(f.itemCode()))
                .isNotEmpty().allSatisfy(f -> assertThat(f.note()).isEqualTo(reason));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM mart_data_quality WHERE period_code = '2023Q4' AND region_code = ? "
                + "AND indicator_code = ? AND needs_follow_up", Integer.class, UNIT, row.getValue())).isPositive();
    }
}
