package cn.zhenxing.retention;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zhenxing.WarehouseFixture;
import cn.zhenxing.WarehouseTest;
import cn.zhenxing.cli.ZhenxingCommand;
import cn.zhenxing.ingest.IngestService;
import cn.zhenxing.retention.FileRetention.Candidate;
import cn.zhenxing.retention.FileRetention.Kept;
import cn.zhenxing.retention.FileRetention.Reason;
import cn.zhenxing.samples.SampleGenerator;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.util.FileSystemUtils;
import picocli.CommandLine;
import picocli.CommandLine.IFactory;

/**
 * The retention policy on a real inbox: two accepted forms, a broken file (rejected), a second copy
 * of an accepted form (DUPLICATE) and a file the warehouse does not know. Time is moved by asking for
 * the plan at a later date; accepted files never go, the rest only after their days.
 */
@WarehouseTest
@TestPropertySource(properties = {"zhenxing.test.database=zhenxing_test_retention", "zhenxing.data-dir=target/retention-test/data",
        "zhenxing.submission.inbox=target/retention-test/inbox"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FileRetentionTest {

    static final Path ROOT = Path.of("target", "retention-test");
    static final Path INBOX = ROOT.resolve("inbox");

    @Autowired
    WarehouseFixture warehouse;
    @Autowired
    SampleGenerator samples;
    @Autowired
    IngestService ingest;
    @Autowired
    FileRetention retention;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ZhenxingCommand root;
    @Autowired
    IFactory factory;

    LocalDateTime now;
    Path accepted1;
    Path accepted2;
    Path rejected;
    Path duplicate;
    Path unknown;

    @BeforeAll
    void inboxRunTwice() throws Exception {
        FileSystemUtils.deleteRecursively(ROOT);
        warehouse.catalogLoaded();
        Path incoming = Files.createDirectories(INBOX.resolve("incoming"));
        List<Path> forms = samples.generate("2025Q3", ROOT.resolve("forms"), List.of("140100", "140200"));
        for (Path form : forms) {
            Files.copy(form, incoming.resolve(form.getFileName()));
        }
        byte[] noise = new byte[4096];
        new Random(7).nextBytes(noise);
        Files.write(incoming.resolve("broken.xlsx"), noise);
        List<IngestService.Outcome> first = ingest.ingestInbox(o -> { });
        assertThat(first).extracting(IngestService.Outcome::status)
                .containsExactlyInAnyOrder(IngestService.Status.ACCEPTED, IngestService.Status.ACCEPTED, IngestService.Status.REJECTED);
        Files.copy(forms.get(0), incoming.resolve("again-" + forms.get(0).getFileName()));
        List<IngestService.Outcome> second = ingest.ingestInbox(o -> { });
        assertThat(second).extracting(IngestService.Outcome::status).containsExactly(IngestService.Status.DUPLICATE);
        accepted1 = abs(INBOX.resolve("processed").resolve(forms.get(0).getFileName()));
        accepted2 = abs(INBOX.resolve("processed").resolve(forms.get(1).getFileName()));
        rejected = abs(INBOX.resolve("rejected").resolve("broken.xlsx"));
        duplicate = abs(INBOX.resolve("processed").resolve("again-" + forms.get(0).getFileName()));
        unknown = abs(Files.writeString(INBOX.resolve("processed").resolve("说明.txt"), "运维人员放的说明文件"));
        now = LocalDateTime.now();
    }

    @Test
    @Order(1)
    void theInboxRecordsWhereItKeptEachDecidedFile() {
        Set<String> stored = Set.copyOf(jdbc.queryForList("SELECT stored_path FROM ops_submission WHERE stored_path IS NOT NULL", String.class));
        assertThat(stored).containsExactlyInAnyOrder(accepted1.toString(), accepted2.toString(), rejected.toString());
    }

    @Test
    @Order(2)
    void todayNothingGoesAndEveryFileHasItsReason() throws Exception {
        FileRetention.Plan plan = retention.plan(now);
        assertThat(plan.prune()).isEmpty();
        assertThat(plan.kept().get(Kept.ACCEPTED).files()).isGreaterThanOrEqualTo(2);
        assertThat(plan.kept().get(Kept.REJECTED_RECENT).files()).isEqualTo(2); // the file and its feedback workbook
        assertThat(plan.kept().get(Kept.DUPLICATE_RECENT).files()).isEqualTo(1);
        assertThat(plan.kept().get(Kept.UNKNOWN).files()).isEqualTo(1);
    }

    @Test
    @Order(3)
    void aDuplicateGoesAfterItsDaysAndARejectedFileAfterItsOwn() throws Exception {
        assertThat(pruned(retention.plan(now.plusDays(100)))).containsExactly(Map.entry(duplicate, Reason.DUPLICATE));
        Map<Path, Reason> late = pruned(retention.plan(now.plusDays(800)));
        assertThat(late).containsEntry(duplicate, Reason.DUPLICATE).containsEntry(rejected, Reason.REJECTED).hasSize(3);
        assertThat(late.keySet()).doesNotContain(accepted1, accepted2, unknown);
        assertThat(late.keySet()).allMatch(Files::exists); // planning deletes nothing
    }

    @Test
    @Order(4)
    void aCopyIsKeptWhileTheAcceptedVersionHasNoOtherCopy() throws Exception {
        Path aside = ROOT.resolve("aside.xlsx");
        Files.move(accepted1, aside);
        try {
            FileRetention.Plan plan = retention.plan(now.plusDays(800));
            assertThat(pruned(plan)).doesNotContainKey(duplicate);
            assertThat(plan.kept().get(Kept.ONLY_COPY).files()).isEqualTo(1);
        } finally {
            Files.move(aside, accepted1, StandardCopyOption.ATOMIC_MOVE);
        }
    }

    @Test
    @Order(5)
    void theDryRunCommandListsAndDeletesNothing() {
        StringWriter out = new StringWriter();
        CommandLine cli = new CommandLine(root, factory);
        cli.setOut(new PrintWriter(out, true));
        assertThat(cli.execute("files", "prune", "--dry-run")).isZero();
        assertThat(out.toString()).contains("Would delete 0 file(s)").contains("Kept 1 file(s)").contains("not known to the warehouse");
        assertThat(List.of(accepted1, accepted2, rejected, duplicate, unknown)).allMatch(Files::exists);
    }

    @Test
    @Order(6)
    void pruningDeletesThePlannedFilesOnlyAndRecordsEach() throws Exception {
        long submissions = count("ops_submission");
        long facts = count("fact_indicator_value");
        List<Candidate> deleted = retention.prune(retention.plan(now.plusDays(800)), "test");
        assertThat(deleted).hasSize(3);
        assertThat(deleted).allMatch(c -> !Files.exists(c.path()));
        assertThat(List.of(accepted1, accepted2, unknown)).allMatch(Files::exists);
        assertThat(jdbc.queryForList("SELECT reason FROM ops_file_pruned ORDER BY pruned_id", String.class))
                .containsExactlyInAnyOrder("duplicate", "rejected", "rejected");
        assertThat(count("ops_submission")).isEqualTo(submissions);
        assertThat(count("fact_indicator_value")).isEqualTo(facts).isPositive();
        assertThat(retention.plan(now.plusDays(800)).prune()).isEmpty();
    }

    private long count(String table) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class);
    }

    private static Map<Path, Reason> pruned(FileRetention.Plan plan) {
        return plan.prune().stream().collect(Collectors.toMap(Candidate::path, Candidate::reason));
    }

    private static Path abs(Path p) {
        return p.toAbsolutePath().normalize();
    }
}
