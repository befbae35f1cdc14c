package cn.zhenxing.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zhenxing.form.FormContent;
import cn.zhenxing.form.FormDefinition;
import cn.zhenxing.form.FormReader;
import cn.zhenxing.form.ReadForm;
import cn.zhenxing.form.TemplateWriter;
import cn.zhenxing.workbook.FileFormat;
import cn.zhenxing.workbook.FileSniffer;
import cn.zhenxing.workbook.Mutations;
import cn.zhenxing.workbook.Problem;
import cn.zhenxing.workbook.WorkbookCells;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Coverage-guided fuzzing (Jazzer) of everything that reads a submitter's bytes: format sniffing,
 * the streaming reader and the sheets' checks. Whatever the bytes, reading ends in a form or in
 * {@link WorkbookCells.UnreadableException} (the file's fault, said in Chinese), never another
 * exception. In {@code mvn verify} Jazzer replays the committed inputs under
 * {@code src/test/resources/cn/zhenxing/ingest/ReadingFuzzTestInputs/} (the seed forms and every
 * finding fixed since) and then fuzzes for 30 s in the -Xmx256m execution; a nightly run is
 * a loop of {@code mvn surefire:test@fuzz}, each resuming from the grown corpus (README).
 */
class ReadingFuzzTest {

    private static final FormDefinition DEF = FormDefinition.load();

    @FuzzTest(maxDuration = "30s")
    void readingEndsInAFormOrInTheFilesFault(byte[] bytes) throws Exception {
        Path file = Files.createTempFile("fuzz", ".xlsx");
        try {
            Files.write(file, bytes);
            read(file);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** The seeds are what the fuzzer starts from: the form as issued and filled, as .xlsx and as .xls. */
    @Test
    void theSeedsAreFilledFormsThatReadWithoutAnError(@TempDir Path dir) throws Exception {
        Path seeds = Path.of("src/test/resources/cn/zhenxing/ingest/ReadingFuzzTestInputs/readingEndsInAFormOrInTheFilesFault");
        Path xlsx = filledForm(dir);
        byte[] xls = Mutations.asXls(xlsx);
        assertThat(read(xlsx)).as("the .xlsx seed reads without an error").noneMatch(Problem::isError);
        Path xlsFile = Files.write(dir.resolve("form.xls"), xls);
        assertThat(read(xlsFile)).noneMatch(Problem::isError);
        if (Boolean.getBoolean("zhenxing.fuzz.write-seeds")) {
            Files.createDirectories(seeds);
            Files.copy(xlsx, seeds.resolve("filled-form.xlsx"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            Files.write(seeds.resolve("filled-form.xls"), xls);
        }
        assertThat(seeds.resolve("filled-form.xlsx")).exists();
        assertThat(seeds.resolve("filled-form.xls")).exists();
    }

    /** Sniff, read and check as the land step does, with the small fixture unit's content; returns the problems found. */
    private static List<Problem> read(Path file) throws Exception {
        FileFormat format = FileSniffer.detect(file);
        List<Problem> problems = new ArrayList<>();
        if (!format.readable()) {
            return problems;
        }
        try {
            ReadForm form = FormReader.read(file, format, DEF);
            form.formMeta();
            HeaderCheck.check(DEF, form.headers(), problems);
            CoverCheck.check(DEF.cover(), form.cover(), CheckFixtures.UNIT, problems);
            run(form, new IndicatorRowsCheck(DEF.table("indicators"), CheckFixtures.CONTENT, problems));
            run(form, new TaskRowsCheck(DEF.table("tasks"), CheckFixtures.CONTENT, problems));
            run(form, new ProjectRowsCheck(DEF.table("projects"), CheckFixtures.CONTENT, problems));
        } catch (WorkbookCells.UnreadableException expected) {
            assertThat(expected.getMessage()).matches(".*\\p{IsHan}.*");
        }
        return problems;
    }

    private static <T> void run(ReadForm form, RowCheck<T> check) throws WorkbookCells.UnreadableException {
        form.rows().forEach(check.table(), row -> {
            if (!row.isEmpty()) {
                check.accept(row);
            }
        }, cell -> { });
        check.finish();
        check.reportFormulas();
    }

    /** The fixture unit's form as the template writer issues it, with every value cell filled. */
    private static Path filledForm(Path dir) throws Exception {
        Path form = new TemplateWriter().write(DEF, CheckFixtures.CONTENT, dir);
        Workbook wb;
        try (InputStream in = Files.newInputStream(form)) {
            wb = WorkbookFactory.create(in);
        }
        try (wb) {
            FormContent content = CheckFixtures.CONTENT;
            fill(wb, DEF.table("indicators"), content.indicators().size(), "value", "12.5");
            fill(wb, DEF.table("tasks"), content.tasks().size(), "percent", "60");
            fill(wb, DEF.table("tasks"), content.tasks().size(), "status", "按计划推进");
            fill(wb, DEF.table("projects"), content.projects().size(), "total", "30");
            Sheet cover = wb.getSheet(DEF.cover().sheet());
            for (String field : List.of("unit_head", "reviewer", "filler", "phone", "fill_date")) {
                FormDefinition.Field f = DEF.cover().field(field);
                org.apache.poi.ss.util.CellReference ref = new org.apache.poi.ss.util.CellReference(f.cell());
                Row row = cover.getRow(ref.getRow()) != null ? cover.getRow(ref.getRow()) : cover.createRow(ref.getRow());
                row.createCell(ref.getCol()).setCellValue("fill_date".equals(field) ? "2025-10-08" : "phone".equals(field) ? "0355-2021234" : "张敏");
            }
            try (OutputStream out = Files.newOutputStream(form)) {
                wb.write(out);
            }
        }
        return form;
    }

    /** Fills a column of the table's issued rows. */
    private static void fill(Workbook wb, FormDefinition.Table table, int rows, String key, String text) {
        Sheet sheet = wb.getSheet(table.sheet());
        int col = table.column(key).index();
        for (int r = table.firstDataRow() - 1; r < table.firstDataRow() - 1 + rows; r++) {
            try {
                sheet.getRow(r).createCell(col).setCellValue(Double.parseDouble(text));
            } catch (NumberFormatException e) {
                sheet.getRow(r).createCell(col).setCellValue(text);
            }
        }
    }
}
