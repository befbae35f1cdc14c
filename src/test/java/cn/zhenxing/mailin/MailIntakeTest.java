package cn.zhenxing.mailin;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zhenxing.WarehouseFixture;
import cn.zhenxing.WarehouseTest;
import cn.zhenxing.delivery.DeliveryService;
import cn.zhenxing.samples.SampleGenerator;
import cn.zhenxing.warehouse.Checksums;
import cn.zhenxing.warehouse.FaultPoint;
import cn.zhenxing.workbook.HostileFiles;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Part;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.util.unit.DataSize;

/**
 * Mail intake against a real IMAP and SMTP server (GreenMail): forms sent by units' contacts are ingested
 * and answered once, whatever else arrives, however often it is polled, by how many pollers, across a crash.
 */
@WarehouseTest
@TestPropertySource(properties = {"zhenxing.test.database=zhenxing_test_mail", "spring.mail.host=127.0.0.1",
        "zhenxing.delivery.retry-base=0s", "zhenxing.delivery.from=zhenxing@sxdrc.example.gov.cn",
        "zhenxing.mail-intake.host=127.0.0.1", "zhenxing.mail-intake.security=none", "zhenxing.mail-intake.username=" + MailIntakeTest.INTAKE,
        "zhenxing.mail-intake.password=intake-secret", "zhenxing.mail-intake.max-attachment-size=2MB", "zhenxing.mail-intake.page-size=20"})
// A context of its own (its mailbox settings): closed afterwards, so that its connections do not stay open for the rest of the suite.
@DirtiesContext
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MailIntakeTest {

    static final String INTAKE = "intake@sxdrc.example.gov.cn";
    static final String PERIOD = "2025Q4";
    static final GreenMail MAIL = new GreenMail(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP));

    static {
        MAIL.start();
        // Pollers keep their connection while an ingest runs (seconds on a loaded machine): no idle cut-off here.
        MAIL.getImap().setClientSocketTimeout(600_000);
        MAIL.getSmtp().setClientSocketTimeout(600_000);
        MAIL.setUser(INTAKE, INTAKE, "intake-secret");
    }

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.port", () -> MAIL.getSmtp().getPort());
        registry.add("zhenxing.mail-intake.port", () -> MAIL.getImap().getPort());
    }

    @Autowired
    WarehouseFixture warehouse;
    @Autowired
    SampleGenerator samples;
    @Autowired
    MailIntake intake;
    @Autowired
    MailIntakeProperties properties;
    @Autowired
    DeliveryService delivery;
    @Autowired
    JdbcTemplate jdbc;

    Path forms;

    @BeforeAll
    void catalogAndContacts() throws Exception {
        warehouse.catalogLoaded();
        forms = Files.createDirectories(Path.of("target", "test-mail-forms"));
        delivery.addContact("140400", "长治市统计员", "cz@changzhi.example.gov.cn", "test");
        delivery.addContact("140100", "太原市统计员", "ty@taiyuan.example.gov.cn", "test");
        delivery.addContact("140700", "晋中市统计员", "jz@jinzhong.example.gov.cn", "test");
        // One person reporting for three units: which unit a file is for is read from the file.
        for (String unit : List.of("140200", "140300", "140500")) {
            delivery.addContact(unit, "综合统计员", "multi@example.gov.cn", "test");
        }
    }

    /** IMAP APPEND into the intake mailbox, as the mail server delivers (a connection of its own each time). */
    static void deliver(MimeMessage... mails) throws Exception {
        try (Store store = MailFixtures.connect("127.0.0.1", MAIL.getImap().getPort(), INTAKE, "intake-secret")) {
            MailFixtures.append(store, "INBOX", mails);
        }
    }

    static int inFolder(String folder) throws Exception {
        try (Store store = MailFixtures.connect("127.0.0.1", MAIL.getImap().getPort(), INTAKE, "intake-secret")) {
            return MailFixtures.count(store, folder);
        }
    }

    @AfterAll
    void stop() {
        MAIL.stop();
    }

    Path form(String unit) throws Exception {
        return samples.generate(PERIOD, forms, List.of(unit)).get(0);
    }

    /** Replies the sender received, newest last. */
    static List<MimeMessage> replies(String to) {
        return MAIL.findReceivedMessages(u -> u.getEmail().equalsIgnoreCase(to), m -> true).toList();
    }

    int submissions(Path file) throws Exception {
        return jdbc.queryForObject("SELECT COUNT(*) FROM ops_submission WHERE file_sha256 = ?", Integer.class, Checksums.sha256(file));
    }

    @Test
    void acceptedFormIsAnsweredWithAReceiptAndTheSameMailAgainChangesNothing() throws Exception {
        String sender = "cz@changzhi.example.gov.cn";
        Path file = form("140400");
        String name = "长治市2025年第四季度监测季报.xlsx";
        MimeMessage mail = MailFixtures.mail(sender, INTAKE, "报送：长治市2025年第四季度监测季报", MailFixtures.Naming.RFC2231, List.of(file), List.of(name));
        deliver(mail);

        MailPollSummary first = intake.poll();
        assertThat(first.accepted()).as(first.toString()).isEqualTo(1);
        Map<String, Object> submission = jdbc.queryForMap("SELECT status, channel, submitted_by, file_name, stored_path FROM ops_submission "
                + "WHERE file_sha256 = ?", Checksums.sha256(file));
        assertThat(submission).containsEntry("status", "accepted").containsEntry("channel", "mail").containsEntry("submitted_by", sender)
                .containsEntry("file_name", name);
        assertThat(Path.of((String) submission.get("stored_path"))).isRegularFile().hasSameBinaryContentAs(file);
        Map<String, Object> claim = jdbc.queryForMap("SELECT message_id, sender, status, outcome FROM ops_mail_intake WHERE file_name = ?", name);
        assertThat(claim).containsEntry("message_id", mail.getMessageID()).containsEntry("sender", sender).containsEntry("status", "done")
                .containsEntry("outcome", "accepted");

        List<MimeMessage> replies = replies(sender);
        assertThat(replies).hasSize(1);
        MimeMessage receipt = replies.get(0);
        assertThat(receipt.getHeader("Subject")[0]).startsWith("=?UTF-8?"); // RFC 2047 on the wire
        assertThat(receipt.getSubject()).isEqualTo("【振兴监测】报表已接收：" + name);
        assertThat(MailFixtures.text(receipt)).contains("长治市统计员", "已接收，为第1版");
        assertThat(((jakarta.mail.Multipart) receipt.getContent()).getCount()).as("text and the attachment side by side").isEqualTo(2);
        List<Part> files = MailFixtures.attachments(receipt);
        assertThat(files).hasSize(1);
        assertThat(String.join(" ", files.get(0).getHeader("Content-Disposition"))).contains("filename*=UTF-8''"); // RFC 2231
        assertThat(files.get(0).getFileName()).contains("回执").endsWith(".xlsx");
        assertThat(files.get(0).getInputStream().readNBytes(2)).isEqualTo(new byte[] {'P', 'K'});
        assertThat(inFolder("INBOX")).isZero();
        assertThat(inFolder(properties.processedFolder())).isGreaterThanOrEqualTo(1);

        // The same mail again (a client that sent twice, a server that delivered twice): nothing changes.
        int claims = jdbc.queryForObject("SELECT COUNT(*) FROM ops_mail_intake", Integer.class);
        int deliveries = jdbc.queryForObject("SELECT COUNT(*) FROM ops_delivery_log", Integer.class);
        deliver(mail);
        MailPollSummary again = intake.poll();
        assertThat(again.mails()).isEqualTo(1);
        assertThat(again.files()).as(again.toString()).isZero();
        assertThat(submissions(file)).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ops_mail_intake", Integer.class)).isEqualTo(claims);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ops_delivery_log", Integer.class)).isEqualTo(deliveries);
        assertThat(replies(sender)).hasSize(1);
        assertThat(inFolder("INBOX")).isZero();
    }

    @Test
    void anUnknownSenderIsRefusedPolitelyAndNothingIsLoaded() throws Exception {
        Path file = form("140600");
        String stranger = "someone@example.com";
        deliver(MailFixtures.mail(stranger, INTAKE, "临汾市报表", MailFixtures.Naming.RFC2047, file));
        int before = jdbc.queryForObject("SELECT COUNT(*) FROM ops_submission", Integer.class);
        MailPollSummary s = intake.poll();
        assertThat(s.refused()).as(s.toString()).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ops_submission", Integer.class)).isEqualTo(before);
        List<MimeMessage> replies = replies(stranger);
        assertThat(replies).hasSize(1);
        assertThat(replies.get(0).getSubject()).isEqualTo("【振兴监测】邮件未处理：发件人不是填报单位登记的联系人");
        assertThat(MailFixtures.text(replies.get(0))).contains("《临汾市报表》", stranger, "没有处理，也没有入库", "登记为本单位联系人");
        assertThat(inFolder("INBOX")).isZero();
    }

    @Test
    void badMailGetsAClearChineseReplyEach() throws Exception {
        String sender = "jz@jinzhong.example.gov.cn";
        Path dir = Files.createDirectories(forms.resolve("bad"));
        Path zip = Files.write(dir.resolve("报表.zip"), new byte[] {'P', 'K', 3, 4, 0, 0});
        Path xlsm = HostileFiles.xlsm(dir);
        Path big = dir.resolve("大文件.xlsx");
        byte[] noise = new byte[3 * 1024 * 1024];
        new Random(16).nextBytes(noise);
        Files.write(big, noise);
        Path encrypted = HostileFiles.encrypted(dir);
        Path jump = samples.generateWithJump(PERIOD, Files.createDirectories(dir.resolve("jump")), "140400", "140423", "FYP14-B18", 1.6, null);
        deliver(MailFixtures.mail(sender, INTAKE, "无附件", MailFixtures.Naming.RFC2231),
                MailFixtures.mail(sender, INTAKE, "压缩包", MailFixtures.Naming.RFC2231, zip),
                MailFixtures.mail(sender, INTAKE, "带宏", MailFixtures.Naming.RFC2047, List.of(xlsm), List.of("晋中市季报.xlsm")),
                MailFixtures.mail(sender, INTAKE, "太大", MailFixtures.Naming.RFC2231, big),
                MailFixtures.mail(sender, INTAKE, "加密", MailFixtures.Naming.RFC2231, encrypted),
                // A form of a unit the sender is no contact of (长治): refused by the ingest, nothing loaded.
                MailFixtures.mail(sender, INTAKE, "代报", MailFixtures.Naming.RFC2231, jump));
        MailPollSummary s = intake.poll();
        assertThat(s.mails()).as(s.toString()).isEqualTo(6);
        assertThat(s.accepted()).isZero();
        assertThat(s.rejected()).isEqualTo(2);

        List<MimeMessage> replies = replies(sender);
        assertThat(replies).hasSize(6);
        Map<String, String> bySubject = new java.util.HashMap<>();
        for (MimeMessage r : replies) {
            bySubject.put(r.getSubject(), MailFixtures.text(r));
        }
        assertThat(bySubject.get("【振兴监测】邮件附件未被接收：无附件")).contains("邮件中没有附件");
        assertThat(bySubject.get("【振兴监测】邮件附件未被接收：压缩包")).contains("“报表.zip”是压缩文件", "不要压缩");
        assertThat(bySubject.get("【振兴监测】邮件附件未被接收：带宏")).contains("“晋中市季报.xlsm”是启用宏的工作簿", "另存为");
        assertThat(bySubject.get("【振兴监测】邮件附件未被接收：太大")).contains("“大文件.xlsx”大小约3MB，超过上限2MB");
        String encryptedReply = bySubject.get("【振兴监测】报表被退回，请修改后重报：加密.xlsx");
        assertThat(encryptedReply).as(bySubject.keySet().toString()).contains("错误清单：", "密码");
        String otherUnit = bySubject.entrySet().stream().filter(e -> e.getKey().contains(jump.getFileName().toString())).findFirst()
                .orElseThrow().getValue();
        assertThat(otherUnit).contains("错误清单：", "不是您所在单位的报表");
        MimeMessage withFeedback = replies.stream().filter(r -> {
            try {
                return r.getSubject().contains(jump.getFileName().toString());
            } catch (Exception e) {
                return false;
            }
        }).findFirst().orElseThrow();
        assertThat(MailFixtures.attachments(withFeedback)).hasSize(1); // the feedback workbook, wrong cells red

        for (Path file : List.of(xlsm, big, zip)) {
            assertThat(submissions(file)).as(file.toString()).isZero();
        }
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ops_submission WHERE status = 'accepted' AND submitted_by = ?", Integer.class, sender))
                .isZero();
        assertThat(inFolder("INBOX")).isZero();
    }

    @Test
    void twoPollersAtOnceProcessEveryMailOnce() throws Exception {
        String sender = "multi@example.gov.cn";
        List<Path> files = List.of(form("140200"), form("140300"), form("140500"));
        for (Path f : files) {
            deliver(MailFixtures.mail(sender, INTAKE, "报表 " + f.getFileName(), MailFixtures.Naming.RFC2231, f));
        }
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<MailPollSummary> a = pool.submit(intake::poll);
            Future<MailPollSummary> b = pool.submit(intake::poll);
            MailPollSummary sa = a.get();
            MailPollSummary sb = b.get();
            assertThat(sa.accepted() + sb.accepted()).as(sa + " / " + sb).isEqualTo(3);
        } finally {
            pool.shutdown();
        }
        MailPollSummary rest = intake.poll(); // anything one left while the other held it
        assertThat(rest.accepted()).isZero();
        for (Path f : files) {
            assertThat(submissions(f)).isEqualTo(1);
        }
        assertThat(jdbc.queryForList("SELECT u.unit_code FROM ops_submission s JOIN dim_reporting_unit u ON u.unit_key = s.unit_key "
                + "WHERE s.submitted_by = ? AND s.status = 'accepted'", String.class, sender)).containsExactlyInAnyOrder("140200", "140300", "140500");
        assertThat(replies(sender)).hasSize(3).allSatisfy(r -> assertThat(r.getSubject()).startsWith("【振兴监测】报表已接收："));
        assertThat(inFolder("INBOX")).isZero();
    }

    @Test
    void aCrashBetweenIngestAndMarkingTheMailNeitherLosesNorDoublesTheFile() throws Exception {
        String sender = "ty@taiyuan.example.gov.cn";
        Path file = form("140100");
        deliver(MailFixtures.mail(sender, INTAKE, "太原市季报", MailFixtures.Naming.RFC2231, file));
        System.setProperty(FaultPoint.FAIL_PROPERTY, "mail-intake.after-ingest");
        try {
            MailPollSummary crashed = intake.poll();
            assertThat(crashed.left()).as(crashed.toString()).isEqualTo(1);
        } finally {
            System.clearProperty(FaultPoint.FAIL_PROPERTY);
        }
        assertThat(submissions(file)).isEqualTo(1); // ingested, but neither answered nor moved
        assertThat(replies(sender)).isEmpty();
        assertThat(inFolder("INBOX")).isEqualTo(1);

        // Right away another poll finds the claim held (its owner may still be working) and leaves the mail.
        assertThat(intake.poll().left()).isEqualTo(1);
        // After the claim timeout the claim is taken over: the decision already made is answered, not repeated.
        jdbc.update("UPDATE ops_mail_intake SET claimed_at = ? WHERE status = 'claimed'", LocalDateTime.now().minusHours(1));
        MailPollSummary recovered = intake.poll();
        assertThat(recovered.accepted()).as(recovered.toString()).isEqualTo(1);
        assertThat(submissions(file)).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ops_submission WHERE file_sha256 = ? AND status = 'accepted'", Integer.class,
                Checksums.sha256(file))).isEqualTo(1);
        assertThat(replies(sender)).hasSize(1).allSatisfy(r -> assertThat(r.getSubject()).isEqualTo("【振兴监测】报表已接收：" + file.getFileName()));
        assertThat(inFolder("INBOX")).isZero();
        assertThat(intake.poll().mails()).isZero();
    }

    @Test
    void aMailBombIsReadInPagesAndAnsweredOncePerSenderAndDay() throws Exception {
        String bomber = "flood@example.net";
        int n = 300;
        MimeMessage[] bomb = new MimeMessage[n];
        for (int i = 0; i < n; i++) {
            bomb[i] = MailFixtures.mail(bomber, INTAKE, "第" + i + "封", MailFixtures.Naming.RFC2231);
        }
        deliver(bomb);
        MailPollSummary s = intake.poll();
        assertThat(s.mails()).as(s.toString()).isEqualTo(n);
        assertThat(s.refused()).isEqualTo(n);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ops_mail_intake WHERE sender = ?", Integer.class, bomber)).isEqualTo(n);
        assertThat(replies(bomber)).hasSize(1);
        assertThat(inFolder("INBOX")).isZero();
    }

    @Test
    void mailboxHealthIsUpWhenTheMailboxAnswersAndDownWithTheReasonWhenNot() {
        Health up = new MailboxHealth(properties).health();
        assertThat(up.getStatus()).isEqualTo(Status.UP);
        MailIntakeProperties wrongPassword = new MailIntakeProperties(properties.host(), properties.port(), "none", INTAKE, "wrong", "INBOX",
                "Processed", 20, 500, DataSize.ofMegabytes(2), properties.claimTimeout(), properties.timeout());
        Health down = new MailboxHealth(wrongPassword).health();
        assertThat(down.getStatus()).isEqualTo(Status.DOWN);
        assertThat(down.getDetails().get("error").toString()).contains("AuthenticationFailedException");

        // Only with intake configured: otherwise there is no mailbox health at all.
        ApplicationContextRunner runner = new ApplicationContextRunner().withUserConfiguration(MailboxHealth.class)
                .withBean(MailIntakeProperties.class, () -> properties);
        runner.run(context -> assertThat(context).doesNotHaveBean(MailboxHealth.class));
        runner.withPropertyValues("zhenxing.mail-intake.host=127.0.0.1").run(context -> assertThat(context).hasSingleBean(MailboxHealth.class));
    }
}
