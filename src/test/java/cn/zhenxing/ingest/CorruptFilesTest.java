package cn.zhenxing.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zhenxing.WarehouseFixture;
import cn.zhenxing.WarehouseTest;
import cn.zhenxing.samples.SampleGenerator;
import cn.zhenxing.form.FormDefinition;
import cn.zhenxing.warehouse.FaultPoint;
import cn.zhenxing.workbook.Mutations;
import cn.zhenxing.workbook.Problem;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * Damaged files are the file's fault: every mutant of a real filled form (truncated, bit-flipped,
 * zip entries removed, duplicated or cut, BIFF records removed or cut) ends ACCEPTED or REJECTED,
 * never FAILED, and a rejection says in Chinese what to do. Runs in the -Xmx256m surefire execution.
 */
@WarehouseTest
@TestPropertySource(properties = "zhenxing.test.database=zhenxing_test_corrupt")
class CorruptFilesTest {

    private static final Duration PER_FILE = Duration.ofSeconds(30);
    private static final FormDefinition DEF = FormDefinition.load();

    @Autowired
    WarehouseFixture warehouse;
    @Autowired
    SampleGenerator samples;
    @Autowired
    IngestService ingest;
    @TempDir
    Path dir;

    @BeforeEach
    void catalogLoaded() throws Exception {
        warehouse.catalogLoaded();
    }

    @Test
    void everyMutantOfAFilledXlsxEndsAcceptedOrRejected() throws Exception {
        Path form = samples.generate("2025Q3", Files.createDirectories(dir.resolve("form")), List.of("140400")).get(0);
        List<Mutations.Mutant> mutants = Mutations.ofXlsx(Files.readAllBytes(form), 20251, 30);
        assertDecided(mutants, "xlsx");
    }

    @Test
    void everyMutantOfAFilledXlsEndsAcceptedOrRejected() throws Exception {
        Path form = samples.generate("2025Q3", Files.createDirectories(dir.resolve("form")), List.of("140500")).get(0);
        byte[] xls = Mutations.asXls(form);
        Path original = Files.write(dir.resolve("original.xls"), xls);
        assertThat(ingest.dryRun(original).status()).as("the .xls copy of the form is itself a valid form").isEqualTo(IngestService.Status.ACCEPTED);
        assertDecided(Mutations.ofXls(xls, 20252, 20), "xls");
    }

    @Test
    void formulaCellsAreReadFromTheirCachedResultOrRefusedWithTheFix() throws Exception {
        FormDefinition.Table t1 = DEF.table("indicators");
        int first = t1.firstDataRow() - 1;
        String value = t1.column("value").col();
        // Three value cells: a SUM with its result saved, =1/0 saved as #DIV/0!, and a formula saved without any result.
        Path form = filled("140400", (wb, sheet) -> {
            setFormula(sheet, first, t1.column("value").index(), "2+3");
            setFormula(sheet, first + 1, t1.column("value").index(), "1/0");
            wb.getCreationHelper().createFormulaEvaluator().evaluateAll();
            setFormula(sheet, first + 2, t1.column("value").index(), "SUM(1,2)"); // written after evaluating: no result
        });
        IngestService.Outcome o = ingest(form);
        assertThat(o.status()).isEqualTo(IngestService.Status.REJECTED);
        assertThat(problemAt(o, value + (first + 2)).messageZh()).contains("计算结果为错误值“#DIV/0!”").doesNotContain("ERROR:");
        assertThat(problemAt(o, value + (first + 2)).fixZh()).contains("以“数值”方式粘贴");
        assertThat(problemAt(o, value + (first + 3)).messageZh()).contains("没有保存公式的计算结果").doesNotContain("未填写");
        assertThat(problemAt(o, value + (first + 1)).isError()).as("a formula with a result is read, with a 提示").isFalse();
        assertThat(problemAt(o, value + (first + 1)).messageZh()).contains("是公式", "已按文件中保存的计算结果读取");

        Path good = filled("140400", (wb, sheet) -> {
            setFormula(sheet, first, t1.column("value").index(), "2+3");
            wb.getCreationHelper().createFormulaEvaluator().evaluateAll();
        });
        IngestService.Outcome accepted = ingest(good);
        assertThat(accepted.status()).isEqualTo(IngestService.Status.ACCEPTED);
        assertThat(accepted.problems()).anySatisfy(p -> assertThat(p.messageZh()).contains("1个数值单元格是公式（" + value + (first + 1) + "）"));
    }

    @Test
    void xlsFilesWithArrayFormulasOrExternalLinksAreRefusedWithWhatToDo() throws Exception {
        Path form = samples.generate("2025Q3", Files.createDirectories(dir.resolve("xf")), List.of("140500")).get(0);
        FormDefinition.Table t1 = DEF.table("indicators");
        byte[] xls = Mutations.asXls(form);
        HSSFWorkbook arrays = new HSSFWorkbook(new java.io.ByteArrayInputStream(xls));
        Sheet sheet = arrays.getSheet(t1.sheet());
        sheet.setArrayFormula("SUM(A1:A2*B1:B2)", new CellRangeAddress(t1.firstDataRow() - 1, t1.firstDataRow(),
                t1.column("value").index(), t1.column("value").index()));
        Path arrayFile = dir.resolve("数组公式.xls");
        try (OutputStream out = Files.newOutputStream(arrayFile)) {
            arrays.write(out);
        }
        IngestService.Outcome withArrays = ingest(arrayFile);
        assertThat(withArrays.status()).isIn(IngestService.Status.REJECTED, IngestService.Status.ACCEPTED);

        HSSFWorkbook linked = new HSSFWorkbook(new java.io.ByteArrayInputStream(xls));
        try (HSSFWorkbook other = new HSSFWorkbook()) {
            other.createSheet("Sheet1").createRow(0).createCell(0).setCellValue(5);
            linked.linkExternalWorkbook("other.xls", other);
            Cell cell = linked.getSheet(t1.sheet()).getRow(t1.firstDataRow() - 1).createCell(t1.column("value").index());
            cell.setCellFormula("[other.xls]Sheet1!A1");
        }
        Path linkFile = dir.resolve("外部链接.xls");
        try (OutputStream out = Files.newOutputStream(linkFile)) {
            linked.write(out);
        }
        IngestService.Outcome withLink = ingest(linkFile);
        assertThat(withLink.status()).isIn(IngestService.Status.REJECTED, IngestService.Status.ACCEPTED);
        for (IngestService.Outcome o : List.of(withArrays, withLink)) {
            if (o.status() == IngestService.Status.REJECTED) {
                assertThat(o.problems()).anySatisfy(p -> assertThat(p.fixZh()).contains("以“数值”方式粘贴"));
            }
        }
    }

    @Test
    void aForeignWorkbookOf300000RowsIsAnsweredWithTheProblemListInBoundedMemory() throws Exception {
        Path big = dir.resolve("台账.xlsx");
        try (SXSSFWorkbook wb = new SXSSFWorkbook(100)) {
            Sheet sheet = wb.createSheet("台账");
            for (int r = 0; r < 300_000; r++) {
                Row row = sheet.createRow(r);
                row.createCell(0).setCellValue("项目" + r);
                row.createCell(1).setCellValue(r * 1.5);
                row.createCell(2).setCellValue("太原市");
            }
            try (OutputStream out = Files.newOutputStream(big)) {
                wb.write(out);
            }
        }
        IngestService.Outcome o = ingest(big);
        assertThat(o.status()).isEqualTo(IngestService.Status.REJECTED);
        assertThat(o.problems().get(0).messageZh()).contains("不是省里下发");
        Path feedback = Path.of(o.feedback());
        assertThat(Files.size(feedback)).as("the problem list alone, not a copy of the file").isLessThan(100_000);
        try (Workbook wb = WorkbookFactory.create(feedback.toFile(), null, true)) {
            assertThat(wb.getNumberOfSheets()).isEqualTo(1);
            assertThat(wb.getSheetAt(0).getRow(0).getCell(0).getStringCellValue()).doesNotContain("已标红");
        }
    }

    @Test
    void aStepThatFailsTheSameWayOnEveryTryEndsInADecision() throws Exception {
        Path form = samples.generate("2025Q3", Files.createDirectories(dir.resolve("gu")), List.of("140700")).get(0);
        Path damaged = Files.write(dir.resolve("坏.xlsx"), Arrays.copyOf(Files.readAllBytes(form), 3000));
        try {
            System.setProperty(FaultPoint.FAIL_PROPERTY, "ingest.feedback");
            assertThat(ingest(form).status()).isEqualTo(IngestService.Status.FAILED);
            assertThat(ingest(form).status()).isEqualTo(IngestService.Status.FAILED);
            IngestService.Outcome third = ingest(form);
            assertThat(third.status()).as("decided at the third failure").isEqualTo(IngestService.Status.ACCEPTED);
            assertThat(Path.of(third.feedback())).exists();

            System.setProperty(FaultPoint.FAIL_PROPERTY, "ingest.land");
            ingest(damaged);
            ingest(damaged);
            IngestService.Outcome rejected = ingest(damaged);
            assertThat(rejected.status()).isEqualTo(IngestService.Status.REJECTED);
            assertThat(rejected.problems().get(0).messageZh()).contains("连续3次");
            assertThat(Path.of(rejected.feedback())).exists();
        } finally {
            System.clearProperty(FaultPoint.FAIL_PROPERTY);
        }
        assertThat(ingest(form).status()).as("nothing is resumed after the decision").isEqualTo(IngestService.Status.DUPLICATE);
        assertThat(ingest(damaged).status()).as("the same bytes are checked afresh").isEqualTo(IngestService.Status.REJECTED);
        assertThat(ingest(damaged).problems().get(0).messageZh()).contains("损坏");
    }

    private IngestService.Outcome ingest(Path file) throws Exception {
        return ingest.ingest(List.of(file), "cli", "test", null, LocalDateTime.of(2025, 10, 10, 9, 0), x -> { }).get(0);
    }

    private static Problem problemAt(IngestService.Outcome o, String cell) {
        return o.problems().stream().filter(p -> cell.equals(p.cell())).findFirst()
                .orElseThrow(() -> new AssertionError("no problem at " + cell + ": " + o.problems()));
    }

    /** A fresh formula cell: POI would keep a replaced value as the formula's cached result. */
    private static void setFormula(Sheet sheet, int row, int col, String formula) {
        Row r = sheet.getRow(row) != null ? sheet.getRow(row) : sheet.createRow(row);
        if (r.getCell(col) != null) {
            r.removeCell(r.getCell(col));
        }
        r.createCell(col).setCellFormula(formula);
    }

    private Path filled(String unit, java.util.function.BiConsumer<Workbook, Sheet> edit) throws Exception {
        Path form = samples.generate("2025Q3", Files.createDirectories(dir.resolve("f" + System.nanoTime())), List.of(unit)).get(0);
        Workbook wb;
        try (InputStream in = Files.newInputStream(form)) {
            wb = WorkbookFactory.create(in);
        }
        try (wb) {
            edit.accept(wb, wb.getSheet(DEF.table("indicators").sheet()));
            try (OutputStream out = Files.newOutputStream(form)) {
                wb.write(out);
            }
        }
        return form;
    }

    private void assertDecided(List<Mutations.Mutant> mutants, String extension) throws Exception {
        Path out = Files.createDirectories(dir.resolve("mutants-" + extension));
        List<String> failures = new ArrayList<>();
        Map<IngestService.Status, Integer> counts = new EnumMap<>(IngestService.Status.class);
        int readable = 0;
        for (int i = 0; i < mutants.size(); i++) {
            Mutations.Mutant mutant = mutants.get(i);
            Path file = Mutations.write(out, i, mutant, extension);
            long started = System.nanoTime();
            IngestService.Outcome check = ingest.dryRun(file);
            // Every refused mutant goes through the whole job (its feedback is written from the damaged bytes); of the
            // readable ones every fifth does (publishing and the marts do not read the file again).
            boolean wholeJob = check.status() != IngestService.Status.ACCEPTED || readable++ % 5 == 0;
            IngestService.Outcome o = wholeJob ? ingest(file) : check;
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            counts.merge(o.status(), 1, Integer::sum);
            if (o.status() == IngestService.Status.FAILED) {
                failures.add(mutant.name() + ": " + o.failure());
            } else if (o.status() == IngestService.Status.REJECTED && !o.problems().get(0).messageZh().matches(".*\\p{IsHan}.*")) {
                failures.add(mutant.name() + ": rejected without a Chinese message: " + o.problems().get(0).messageZh());
            } else if (o.status() == IngestService.Status.REJECTED && (o.feedback() == null || !Files.exists(Path.of(o.feedback())))) {
                failures.add(mutant.name() + ": rejected without a feedback workbook");
            } else if (mutant.name().startsWith("truncated") && o.status() != IngestService.Status.REJECTED) {
                failures.add(mutant.name() + ": a truncated file was " + o.status());
            } else if (took.compareTo(PER_FILE) > 0) {
                failures.add(mutant.name() + ": took " + took);
            }
        }
        System.out.println("[corrupt] " + extension + " " + mutants.size() + " mutants: " + counts);
        assertThat(failures).as("mutants that were not decided as the file's fault").isEmpty();
        assertThat(counts.get(IngestService.Status.REJECTED)).as("damage is caught").isGreaterThan(mutants.size() / 4);
    }
}
