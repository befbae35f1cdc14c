package cn.zhenxing.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zhenxing.WarehouseFixture;
import cn.zhenxing.WarehouseTest;
import cn.zhenxing.delivery.DeliveryService;
import cn.zhenxing.ingest.IngestService;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.quartz.CronScheduleBuilder;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobExecutionContext;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.impl.matchers.GroupMatcher;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * Schedules against the real warehouse (Quartz's JDBC store) and a real SMTP server (GreenMail):
 * reconciliation, clustering, misfires, and mails delivered exactly once.
 */
@WarehouseTest
@TestPropertySource(properties = {"zhenxing.test.database=zhenxing_test_schedules", "spring.mail.host=127.0.0.1",
        "spring.mail.port=3025", "zhenxing.delivery.retry-base=0s", "zhenxing.delivery.from=zhenxing@example.gov.cn",
        "zhenxing.schedules.dir=target/test-schedules", "zhenxing.schedules.reports-dir=target/test-schedules-reports"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SchedulingTest {

    static final Path DIR = Path.of("target", "test-schedules");
    /** 2026-01-20 08:30 Beijing time: the quarterly run for 2025Q4. */
    static final Instant QUARTERLY_FIRE = Instant.parse("2026-01-20T00:30:00Z");

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP).withPerMethodLifecycle(false);

    @Autowired
    WarehouseFixture warehouse;
    @Autowired
    Schedules schedules;
    @Autowired
    ScheduleRunner runner;
    @Autowired
    DeliveryService delivery;
    @Autowired
    IngestService ingest;
    @Autowired
    JdbcTemplate jdbc;

    static {
        try {
            Files.createDirectories(DIR);
            try (var old = Files.list(DIR)) {
                old.forEach(f -> f.toFile().delete());
            }
            Files.writeString(DIR.resolve("recipients.yml"), """
                    recipients:
                      - {name: 省领导, email: leader@example.gov.cn, group: province-leaders}
                      - {name: 长治市领导, email: changzhi@example.gov.cn, group: city-leaders, region: "140400"}
                      - {name: 规划处, email: staff@example.gov.cn, group: staff}
                      - {name: 太原市统计员, email: taiyuan@example.gov.cn, group: unit-contacts, unit: "140100"}
                      - {name: 吕梁市统计员, email: lvliang@example.gov.cn, group: unit-contacts, unit: "141100"}
                    """);
            Files.writeString(DIR.resolve("quarterly-reports.yml"), """
                    name: quarterly-reports
                    cron: "0 30 8 20 1,4,7,10 ?"
                    run: quarterly-reports
                    recipients: [province-leaders, city-leaders, staff]
                    reports: [revitalization, completeness]
                    """);
            Files.writeString(DIR.resolve("reminder-5-days.yml"), """
                    name: reminder-5-days
                    cron: "0 0 9 10 1,4,7,10 ?"
                    run: reminders
                    recipients: [unit-contacts]
                    """);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @BeforeAll
    void quarterReportedByAllButLvliangAndYuxian() throws Exception {
        warehouse.quarterIngested("2025Q4", Path.of("target", "test-schedules-forms"), LocalDateTime.of(2026, 1, 10, 9, 0), List.of("141100", "140322"));
    }

    @BeforeEach
    void emptyMailbox() throws Exception {
        smtp.purgeEmailFromAllMailboxes();
    }

    static List<String> recipients(MimeMessage[] messages) throws Exception {
        List<String> to = new ArrayList<>();
        for (MimeMessage m : messages) {
            to.add(Arrays.stream(m.getAllRecipients()).map(a -> ((jakarta.mail.internet.InternetAddress) a).getAddress()).findFirst().orElseThrow());
        }
        return to;
    }

    @Test
    void quarterlyRunMailsEachRecipientOnceWithReadablePdfs() throws Exception {
        String summary = runner.run("quarterly-reports", QUARTERLY_FIRE);
        assertThat(summary).contains("reports for 2025Q4", "3 mail(s) queued", "3 mail(s) sent");
        MimeMessage[] messages = smtp.getReceivedMessages();
        assertThat(recipients(messages)).containsExactlyInAnyOrder("leader@example.gov.cn", "changzhi@example.gov.cn", "staff@example.gov.cn");
        for (MimeMessage m : messages) {
            assertThat(m.getSubject()).startsWith("【振兴监测】2025年第四季度监测报告");
            Multipart parts = (Multipart) m.getContent();
            String body = text(parts.getBodyPart(0));
            assertThat(body).contains("太行革命老区：有目标的指标", "滞后", "报送率", "吕梁市发展和改革委员会");
            List<String> names = new ArrayList<>();
            for (int i = 1; i < parts.getCount(); i++) {
                BodyPart part = parts.getBodyPart(i);
                names.add(part.getFileName());
                if (part.getFileName().endsWith(".pdf")) {
                    try (PDDocument pdf = Loader.loadPDF(part.getInputStream().readAllBytes())) {
                        assertThat(new PDFTextStripper().getText(pdf)).contains("2025年第四季度");
                    }
                }
            }
            String to = recipients(new MimeMessage[] {m}).get(0);
            switch (to) {
                case "leader@example.gov.cn" -> assertThat(names).containsExactlyInAnyOrder("revitalization-2025Q4.pdf", "completeness-2025Q4.pdf");
                case "staff@example.gov.cn" -> assertThat(names).hasSize(4).contains("revitalization-2025Q4.xlsx");
                default -> assertThat(names).containsExactly("revitalization-2025Q4-140400.pdf");
            }
        }

        // Every city's edition is rendered, whether its leaders are on the list or not.
        List<String> cities = jdbc.queryForList("SELECT region_code FROM dim_region WHERE is_current AND level = 'city'", String.class);
        assertThat(cities).hasSize(11);
        for (String city : cities) {
            assertThat(Path.of("target/test-schedules-reports/2025Q4/revitalization-2025Q4-" + city + ".pdf")).isRegularFile();
        }

        // The same fire time again (a re-fired trigger, another instance) is the same run: nothing is sent.
        assertThat(runner.run("quarterly-reports", QUARTERLY_FIRE)).isEqualTo("already done");
        // Even a later run for the same quarter sends nobody the same report twice.
        runner.run("quarterly-reports", QUARTERLY_FIRE.plusSeconds(3600));
        assertThat(smtp.getReceivedMessages()).hasSize(3);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM BATCH_JOB_INSTANCE WHERE JOB_NAME = 'scheduledRunJob'", Integer.class)).isGreaterThanOrEqualTo(2);
        assertThat(jdbc.queryForList("SELECT p.PARAMETER_VALUE FROM BATCH_JOB_EXECUTION_PARAMS p JOIN BATCH_JOB_EXECUTION e "
                + "ON e.JOB_EXECUTION_ID = p.JOB_EXECUTION_ID WHERE p.PARAMETER_NAME = 'fireTime'", String.class)).contains(QUARTERLY_FIRE.toString());
    }

    /** The plain text of a part, however deeply Spring's helper nested it. */
    static String text(jakarta.mail.Part part) throws Exception {
        Object content = part.getContent();
        if (content instanceof String s) {
            return s;
        }
        Multipart multipart = (Multipart) content;
        StringBuilder all = new StringBuilder();
        for (int i = 0; i < multipart.getCount(); i++) {
            all.append(text(multipart.getBodyPart(i)));
        }
        return all.toString();
    }

    @Test
    void remindersGoOnlyToUnitsWithoutAnAcceptedFile() throws Exception {
        // A contact the administrator added in the portal counts as much as one in recipients.yml.
        delivery.addContact("140322", "盂县统计员", "yuxian@example.gov.cn", "admin");
        delivery.addContact("140400", "长治市统计员", "changzhi-unit@example.gov.cn", "admin");
        String summary = runner.run("reminder-5-days", Instant.parse("2026-01-10T01:00:00Z"));
        assertThat(summary).contains("2 unit(s) without an accepted file for 2025Q4");
        MimeMessage[] messages = smtp.getReceivedMessages();
        assertThat(recipients(messages)).containsExactlyInAnyOrder("lvliang@example.gov.cn", "yuxian@example.gov.cn");
        messages = java.util.Arrays.stream(messages).filter(m -> {
            try {
                return recipients(new MimeMessage[] {m}).get(0).startsWith("lvliang");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toArray(MimeMessage[]::new);
        assertThat(messages[0].getSubject()).isEqualTo("【振兴监测】请按时报送2025年第四季度监测季报");
        assertThat(text(messages[0])).contains("吕梁市发展和改革委员会", "截止日期为2026-01-15（还有5天）");
    }

    @Test
    void smtpOutageIsRetriedAndTheMessageSentOnce() throws Exception {
        smtp.stop();
        try {
            delivery.enqueue(new DeliveryService.Message("reminder", "outage-test", "2025Q4", "x", "staff@example.gov.cn", "规划处",
                    "测试", "正文", List.of()));
            DeliveryService.Sent first = delivery.sendPending();
            assertThat(first.failed()).isEqualTo(1);
            assertThat(first.sent()).isZero();
            Map<String, Object> row = jdbc.queryForMap("SELECT * FROM ops_delivery_log WHERE schedule_name = 'outage-test'");
            assertThat(row.get("status")).isEqualTo("pending");
            assertThat(row.get("attempts")).isEqualTo(1);
            assertThat((String) row.get("last_error")).isNotBlank();
        } finally {
            smtp.start();
        }
        assertThat(delivery.sendPending().sent()).isEqualTo(1);
        assertThat(delivery.sendPending().sent()).isZero();
        assertThat(smtp.getReceivedMessages()).hasSize(1);
        assertThat(jdbc.queryForObject("SELECT status FROM ops_delivery_log WHERE schedule_name = 'outage-test'", String.class)).isEqualTo("sent");
    }

    @Test
    void aRestartMidRunNeitherLosesNorRepeatsMessages() throws Exception {
        for (String who : List.of("a", "b", "c")) {
            delivery.enqueue(new DeliveryService.Message("report", "restart-test", "2025Q4", "x", who + "@example.gov.cn", null, "测试", "正文", List.of()));
        }
        // The killed process had sent a, and was sending b when it died (its claim is now stale).
        jdbc.update("UPDATE ops_delivery_log SET status = 'sent', sent_at = NOW() WHERE schedule_name = 'restart-test' AND recipient_email = 'a@example.gov.cn'");
        jdbc.update("UPDATE ops_delivery_log SET status = 'sending', claimed_by = 'dead', claimed_at = NOW() - INTERVAL 1 HOUR, attempts = 1 "
                + "WHERE schedule_name = 'restart-test' AND recipient_email = 'b@example.gov.cn'");
        // Queuing the same messages again (the restarted run) adds nothing.
        assertThat(delivery.enqueue(new DeliveryService.Message("report", "restart-test", "2025Q4", "x", "a@example.gov.cn", null, "测试", "正文",
                List.of()))).isFalse();
        assertThat(delivery.sendPending().sent()).isEqualTo(2);
        assertThat(recipients(smtp.getReceivedMessages())).containsExactlyInAnyOrder("b@example.gov.cn", "c@example.gov.cn");
    }

    @Test
    void reconcileAddsChangesAndRemovesOnlyItsOwnSchedules() throws Exception {
        Scheduler s = schedules.scheduler();
        s.addJob(JobBuilder.newJob(CountingJob.class).withIdentity("someone-elses", "other").storeDurably().build(), true);
        ScheduleDefinition a = new ScheduleDefinition("a", "A", "0 0 9 * * ?", "Asia/Shanghai", ScheduleDefinition.Kind.MARTS_REFRESH, true,
                List.of(), List.of(), "a.yml");
        ScheduleDefinition b = new ScheduleDefinition("b", "B", "0 0 10 * * ?", "Asia/Shanghai", ScheduleDefinition.Kind.DELIVER_PENDING, false,
                List.of(), List.of(), "b.yml");
        Schedules.Reconciled first = schedules.reconcile(List.of(a, b));
        assertThat(first.added()).containsExactlyInAnyOrder("a", "b");

        ScheduleDefinition a2 = new ScheduleDefinition("a", "A", "0 15 9 * * ?", "Asia/Shanghai", ScheduleDefinition.Kind.MARTS_REFRESH, true,
                List.of(), List.of(), "a.yml");
        Schedules.Reconciled second = schedules.reconcile(List.of(a2, b));
        assertThat(second.changed()).containsExactly("a");
        assertThat(second.unchanged()).containsExactly("b");
        assertThat(jdbc.queryForObject("SELECT CRON_EXPRESSION FROM QRTZ_CRON_TRIGGERS WHERE TRIGGER_NAME = 'a'", String.class)).isEqualTo("0 15 9 * * ?");

        Schedules.Reconciled third = schedules.reconcile(List.of(a2));
        assertThat(third.removed()).containsExactly("b");
        assertThat(s.getJobKeys(GroupMatcher.jobGroupEquals(Schedules.GROUP))).extracting(JobKey::getName).containsExactly("a");
        assertThat(s.checkExists(JobKey.jobKey("someone-elses", "other"))).isTrue();
        schedules.reconcile(List.of());
        s.deleteJob(JobKey.jobKey("someone-elses", "other"));
    }

    @Test
    void aRunningSchedulerFiresScheduleFilesAndMailsOnce() throws Exception {
        Path file = DIR.resolve("reminder-fast.yml");
        Files.writeString(file, "name: reminder-fast\ncron: \"*/2 * * * * ?\"\nrun: reminders\nrecipients: [unit-contacts]\n");
        try {
            ScheduleFiles.Loaded loaded = schedules.load();
            schedules.reconcile(loaded.schedules().stream().filter(d -> d.name().equals("reminder-fast")).toList());
            schedules.scheduler().start();
            long until = System.currentTimeMillis() + 30_000;
            while (smtp.getReceivedMessages().length < 2 && System.currentTimeMillis() < until) {
                Thread.sleep(250);
            }
            Thread.sleep(4500); // at least two more fires
            // Fired every two seconds, about the quarter before today's; each unit contact is reminded once.
            assertThat(recipients(smtp.getReceivedMessages())).containsExactlyInAnyOrder("taiyuan@example.gov.cn", "lvliang@example.gov.cn");
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM BATCH_JOB_EXECUTION_PARAMS WHERE PARAMETER_NAME = 'schedule' "
                    + "AND PARAMETER_VALUE = 'reminder-fast'", Integer.class)).isGreaterThanOrEqualTo(2);
        } finally {
            schedules.shutdown();
            Files.deleteIfExists(file);
            schedules.reconcile(List.of());
            schedules.shutdown();
        }
    }

    /** Counts executions per job name across the scheduler instances of this JVM. */
    public static class CountingJob implements Job {
        static final Map<String, AtomicInteger> RUNS = new java.util.concurrent.ConcurrentHashMap<>();

        @Override
        public void execute(JobExecutionContext context) {
            RUNS.computeIfAbsent(context.getJobDetail().getKey().getName(), k -> new AtomicInteger()).incrementAndGet();
        }

        static int runs(String job) {
            return RUNS.getOrDefault(job, new AtomicInteger()).get();
        }
    }

    @Test
    void twoInstancesOnOneDatabaseFireATriggerOnce() throws Exception {
        Scheduler first = schedules.newScheduler("node-a");
        Scheduler second = schedules.newScheduler("node-b");
        try {
            Trigger once = TriggerBuilder.newTrigger().withIdentity("once", "cluster-test").startAt(new Date(System.currentTimeMillis() + 2000))
                    .withSchedule(SimpleScheduleBuilder.simpleSchedule()).build();
            first.scheduleJob(JobBuilder.newJob(CountingJob.class).withIdentity("once", "cluster-test").build(), once);
            first.start();
            second.start();
            Thread.sleep(6000);
            assertThat(CountingJob.runs("once")).isEqualTo(1);
        } finally {
            first.shutdown(true);
            second.shutdown(true);
        }
    }

    @Test
    void afterDowntimeAMissedRunFiresOnceAndAMissedPollIsSkipped() throws Exception {
        Scheduler s = schedules.newScheduler("node-misfire");
        try {
            // Every minute of an hour that is already over (the scheduler was "down"): the fire-once
            // trigger runs once, not sixty times; the skipping one waits for its next time (tomorrow).
            java.time.LocalDateTime pastHour = java.time.LocalDateTime.now().minusMinutes(90);
            Date start = java.sql.Timestamp.valueOf(pastHour.withMinute(0).withSecond(0).withNano(0));
            String cron = "0 * " + pastHour.getHour() + " * * ?";
            s.scheduleJob(JobBuilder.newJob(CountingJob.class).withIdentity("missed", "misfire-test").build(),
                    TriggerBuilder.newTrigger().withIdentity("missed", "misfire-test").startAt(start)
                            .withSchedule(CronScheduleBuilder.cronSchedule(cron).withMisfireHandlingInstructionFireAndProceed()).build());
            s.scheduleJob(JobBuilder.newJob(CountingJob.class).withIdentity("skipped", "misfire-test").build(),
                    TriggerBuilder.newTrigger().withIdentity("skipped", "misfire-test").startAt(start)
                            .withSchedule(CronScheduleBuilder.cronSchedule(cron).withMisfireHandlingInstructionDoNothing()).build());
            s.start();
            Thread.sleep(5000);
            assertThat(CountingJob.runs("missed")).isEqualTo(1);
            assertThat(CountingJob.runs("skipped")).isZero();
        } finally {
            s.clear();
            s.shutdown(true);
        }
    }
}
