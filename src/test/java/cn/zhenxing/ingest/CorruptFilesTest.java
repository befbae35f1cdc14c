package cn.zhenxing.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zhenxing.WarehouseFixture;
import cn.zhenxing.WarehouseTest;
import cn.zhenxing.samples.SampleGenerator;
import cn.zhenxing.workbook.Mutations;
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

    private void assertDecided(List<Mutations.Mutant> mutants, String extension) throws Exception {
        Path out = Files.createDirectories(dir.resolve("mutants-" + extension));
        List<String> failures = new ArrayList<>();
        Map<IngestService.Status, Integer> counts = new EnumMap<>(IngestService.Status.class);
        for (int i = 0; i < mutants.size(); i++) {
            Mutations.Mutant mutant = mutants.get(i);
            Path file = Mutations.write(out, i, mutant, extension);
            long started = System.nanoTime();
            IngestService.Outcome o = ingest.ingest(List.of(file), "cli", "test", null, LocalDateTime.of(2025, 10, 10, 9, 0), x -> { }).get(0);
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            counts.merge(o.status(), 1, Integer::sum);
            if (o.status() == IngestService.Status.FAILED) {
                failures.add(mutant.name() + ": " + o.failure());
            } else if (o.status() == IngestService.Status.REJECTED && !o.problems().get(0).messageZh().matches(".*\\p{IsHan}.*")) {
                failures.add(mutant.name() + ": rejected without a Chinese message: " + o.problems().get(0).messageZh());
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
