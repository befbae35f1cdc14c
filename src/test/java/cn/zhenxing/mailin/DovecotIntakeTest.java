package cn.zhenxing.mailin;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zhenxing.WarehouseFixture;
import cn.zhenxing.WarehouseTest;
import cn.zhenxing.delivery.DeliveryService;
import cn.zhenxing.samples.SampleGenerator;
import cn.zhenxing.schedule.ScheduleDefinition;
import cn.zhenxing.schedule.Schedules;
import cn.zhenxing.warehouse.Checksums;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * The mail channel against a real mail server as a unit's would be: Debian's Dovecot, started by
 * {@code .ci/dovecot-test-server} on 127.0.0.1:10143. A statistician's mail is put into the intake account
 * with IMAP APPEND (Jakarta Mail), the application's {@code mail-poll} schedule fires in Quartz, and the
 * form is ingested and answered with a 回执 (SMTP: GreenMail); the same mail again changes nothing.
 * Skipped when no Dovecot answers, unless {@code ZHENXING_DOVECOT_REQUIRED=1} (set by .ci/run): then it fails.
 */
@WarehouseTest
@TestPropertySource(properties = {"zhenxing.test.database=zhenxing_test_dovecot", "spring.mail.host=127.0.0.1",
        "zhenxing.delivery.retry-base=0s", "zhenxing.delivery.from=zhenxing@sxdrc.example.gov.cn",
        "zhenxing.mail-intake.host=127.0.0.1", "zhenxing.mail-intake.security=none",
        "zhenxing.mail-intake.username=" + DovecotIntakeTest.ACCOUNT, "zhenxing.mail-intake.password=" + DovecotIntakeTest.PASSWORD})
// A context of its own (its mailbox settings): closed afterwards, so that its connections do not stay open for the rest of the suite.
@DirtiesContext
class DovecotIntakeTest {

    static final String ACCOUNT = "intake@zhenxing.test";
    static final String PASSWORD = "intake-secret";
    static final int PORT = Integer.parseInt(System.getenv().getOrDefault("ZHENXING_DOVECOT_PORT", "10143"));
    static final GreenMail SMTP = new GreenMail(ServerSetupTest.SMTP.dynamicPort());

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.port", () -> SMTP.getSmtp().getPort());
        registry.add("zhenxing.mail-intake.port", () -> PORT);
    }

    @BeforeAll
    static void dovecotAnswers() {
        boolean answers;
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", PORT), 2000);
            answers = true;
        } catch (IOException e) {
            answers = false;
        }
        String why = "no Dovecot answers on 127.0.0.1:" + PORT + " (start one with `bash .ci/dovecot-test-server start`)";
        if ("1".equals(System.getenv("ZHENXING_DOVECOT_REQUIRED"))) {
            assertThat(answers).as(why + "; ZHENXING_DOVECOT_REQUIRED=1 makes this a failure").isTrue();
        }
        if (!answers) {
            // Surefire counts a class aborted in @BeforeAll as no test at all: say so where the build output shows it.
            System.err.println("[zhenxing tests] DovecotIntakeTest skipped: " + why);
        }
        Assumptions.assumeTrue(answers, why);
        SMTP.start();
    }

    @AfterAll
    static void stop() {
        SMTP.stop();
    }

    @Autowired
    WarehouseFixture warehouse;
    @Autowired
    SampleGenerator samples;
    @Autowired
    DeliveryService delivery;
    @Autowired
    Schedules schedules;
    @Autowired
    MailIntakeProperties properties;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aMailToTheDovecotAccountIsIngestedByTheMailPollScheduleAndAnsweredWithAReceipt() throws Exception {
        warehouse.catalogLoaded();
        String sender = "cz@changzhi.example.gov.cn";
        delivery.addContact("140400", "长治市统计员", sender, "test");
        Path file = samples.generate("2025Q4", Files.createDirectories(Path.of("target", "test-dovecot-forms")), List.of("140400")).get(0);
        String name = "长治市2025年第四季度监测季报.xlsx";
        MimeMessage mail = MailFixtures.mail(sender, ACCOUNT, "报送：长治市2025年第四季度监测季报", MailFixtures.Naming.RFC2047, List.of(file), List.of(name));

        try (Store store = MailFixtures.connect("127.0.0.1", PORT, ACCOUNT, PASSWORD)) {
            // The account outlives test runs: start from empty folders.
            empty(store, "INBOX");
            empty(store, properties.processedFolder());
            MailFixtures.append(store, "INBOX", mail);

            ScheduleDefinition poll = schedules.load().schedule("mail-poll");
            assertThat(poll).as("schedules/mail-poll.yml").isNotNull();
            // Its own cron never fires during the test: it is fired by hand, as Quartz fires it in serve.
            schedules.reconcile(List.of(new ScheduleDefinition(poll.name(), poll.description(), "0 0 3 1 1 ?", poll.timeZone(), poll.kind(),
                    poll.fireOnceAfterMisfire(), poll.recipients(), poll.reports(), poll.file())));
            Scheduler scheduler = schedules.scheduler();
            scheduler.start();
            try {
                fireAndWait(scheduler, store);
                assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ops_submission WHERE file_sha256 = ? AND status = 'accepted' "
                        + "AND channel = 'mail' AND submitted_by = ? AND file_name = ?", Integer.class, Checksums.sha256(file), sender, name)).isEqualTo(1);
                MimeMessage[] replies = SMTP.getReceivedMessages();
                assertThat(replies).hasSize(1);
                assertThat(replies[0].getSubject()).isEqualTo("【振兴监测】报表已接收：" + name);
                assertThat(replies[0].getAllRecipients()[0].toString()).contains(sender);
                assertThat(MailFixtures.attachments(replies[0])).singleElement().satisfies(p -> assertThat(p.getFileName()).contains("回执"));
                assertThat(MailFixtures.count(store, "INBOX")).isZero();
                assertThat(MailFixtures.count(store, properties.processedFolder())).isEqualTo(1);

                // The same mail again: nothing loaded, nobody answered twice.
                MailFixtures.append(store, "INBOX", mail);
                fireAndWait(scheduler, store);
                assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ops_submission WHERE file_sha256 = ?", Integer.class, Checksums.sha256(file)))
                        .isEqualTo(1);
                assertThat(SMTP.getReceivedMessages()).hasSize(1);
                assertThat(MailFixtures.count(store, "INBOX")).isZero();
            } finally {
                schedules.shutdown();
            }
        }
    }

    /** Fires mail-poll once and waits until the run has ended and the mail has left the inbox (two minutes at most). */
    private static void fireAndWait(Scheduler scheduler, Store store) throws Exception {
        scheduler.triggerJob(JobKey.jobKey("mail-poll", Schedules.GROUP));
        long deadline = System.currentTimeMillis() + 120_000;
        do {
            Thread.sleep(300);
        } while (System.currentTimeMillis() < deadline
                && (!scheduler.getCurrentlyExecutingJobs().isEmpty() || MailFixtures.count(store, "INBOX") > 0));
    }

    private static void empty(Store store, String name) throws Exception {
        Folder folder = store.getFolder(name);
        if (!folder.exists()) {
            return;
        }
        folder.open(Folder.READ_WRITE);
        for (Message m : folder.getMessages()) {
            m.setFlag(Flags.Flag.DELETED, true);
        }
        folder.close(true);
    }
}
