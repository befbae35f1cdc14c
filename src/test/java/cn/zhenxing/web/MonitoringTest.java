package cn.zhenxing.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zhenxing.WarehouseFixture;
import cn.zhenxing.WarehouseTest;
import cn.zhenxing.account.PortalUser;
import cn.zhenxing.account.PortalUsers;
import cn.zhenxing.delivery.DeliveryService;
import cn.zhenxing.ingest.IngestService;
import cn.zhenxing.report.ReportName;
import cn.zhenxing.report.ReportService;
import cn.zhenxing.samples.SampleGenerator;
import cn.zhenxing.schedule.ScheduleDefinition;
import cn.zhenxing.schedule.Schedules;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * The actuator as `serve` runs it, on real ports: health of the database, the SMTP server (GreenMail),
 * the data directory's disk and the started scheduler; the Prometheus series after ingests, a report and a
 * scheduled fire; and who may read them: this machine, or an administrator from elsewhere, nobody else.
 * "Elsewhere" is the loopback address 127.0.0.2, which is not among the trusted addresses.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import({WarehouseTest.CleanMigrate.class, WarehouseFixture.class})
@TestPropertySource(properties = {"zhenxing.test.database=zhenxing_test_monitoring", "spring.mail.host=127.0.0.1",
        "zhenxing.schedules.reports-dir=target/test-monitoring-reports"})
@AutoConfigureObservability(tracing = false) // tests disable metrics export unless asked: serve exports them
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MonitoringTest {

    static final String PERIOD = "2025Q3";
    /** SMTP for the mail health, IMAP for the mailbox health (the intake account of zhenxing.mail-intake). */
    static final GreenMail SMTP = new GreenMail(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP));

    static {
        SMTP.start();
        SMTP.setUser("intake@example.gov.cn", "intake@example.gov.cn", "intake-secret");
    }

    @DynamicPropertySource
    static void mailServer(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.port", () -> SMTP.getSmtp().getPort());
        registry.add("zhenxing.mail-intake.host", () -> "127.0.0.1");
        registry.add("zhenxing.mail-intake.port", () -> SMTP.getImap().getPort());
        registry.add("zhenxing.mail-intake.security", () -> "none");
        registry.add("zhenxing.mail-intake.username", () -> "intake@example.gov.cn");
        registry.add("zhenxing.mail-intake.password", () -> "intake-secret");
    }

    @LocalManagementPort
    int management;
    @LocalServerPort
    int portal;
    @Autowired
    WarehouseFixture warehouse;
    @Autowired
    SampleGenerator samples;
    @Autowired
    IngestService ingest;
    @Autowired
    ReportService reports;
    @Autowired
    DeliveryService delivery;
    @Autowired
    Schedules schedules;
    @Autowired
    PortalUsers users;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MeterRegistry meters;

    final HttpClient http = HttpClient.newHttpClient();
    final ObjectMapper json = new ObjectMapper();

    @BeforeAll
    void ingestRenderQueueAndSchedule() throws Exception {
        warehouse.catalogLoaded();
        users.create("mon-admin", "admin-secret-1", "管理员", PortalUser.Role.ADMIN, null, null);
        users.create("mon-stat", "statistician-secret", "长治市统计员", PortalUser.Role.STATISTICIAN, "140400", null);
        Path forms = Files.createDirectories(Path.of("target", "test-monitoring-forms"));
        List<Path> files = new ArrayList<>(samples.generate(PERIOD, forms, List.of("140400", "140100")));
        LocalDateTime received = LocalDateTime.of(2025, 10, 10, 9, 0);
        ingest.ingest(files, "cli", "test", null, received, o -> { });
        files.add(Files.writeString(forms.resolve("not-a-workbook.xlsx"), "plain text, no workbook"));
        ingest.ingest(files, "cli", "test", null, received, o -> { }); // two duplicates and a rejection
        reports.render(ReportName.COMPLETENESS, PERIOD, null, List.of("pdf"), Path.of("target", "test-monitoring-reports"));
        // The inbox poll once, by hand (its cron never fires during the test): it sends what is queued.
        ScheduleDefinition poll = schedules.load().schedule("inbox-poll");
        schedules.reconcile(List.of(new ScheduleDefinition(poll.name(), poll.description(), "0 0 3 1 1 ?", poll.timeZone(), poll.kind(),
                poll.fireOnceAfterMisfire(), poll.recipients(), poll.reports(), poll.file())));
        Scheduler scheduler = schedules.scheduler();
        scheduler.start();
        scheduler.triggerJob(JobKey.jobKey("inbox-poll", Schedules.GROUP));
        long deadline = System.currentTimeMillis() + 60_000;
        while ((meters.counter("zhenxing.schedule.fires", "schedule", "inbox-poll").count() < 1 || !scheduler.getCurrentlyExecutingJobs().isEmpty())
                && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
        }
        jdbc.update("DELETE FROM ops_delivery_log");
        delivery.enqueue(new DeliveryService.Message("test", "monitoring", PERIOD, "one", "ops@example.gov.cn", "运维", "测试", "正文", List.of()));
        jdbc.update("UPDATE ops_delivery_log SET created_at = ? WHERE status = 'pending'", LocalDateTime.now().minusHours(2));
    }

    @AfterAll
    void stop() {
        schedules.shutdown();
        SMTP.stop();
    }

    @Test
    void healthCoversDatabaseMailDiskAndScheduler() throws Exception {
        HttpResponse<String> response = get(management, "/actuator/health");
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode components = json.readTree(response.body()).path("components");
        assertThat(components.path("db").path("status").asText()).isEqualTo("UP");
        assertThat(components.path("mail").path("status").asText()).isEqualTo("UP");
        assertThat(components.path("mail").path("details").path("location").asText()).endsWith(":" + SMTP.getSmtp().getPort());
        assertThat(components.path("diskSpace").path("status").asText()).isEqualTo("UP");
        assertThat(components.path("diskSpace").path("details").path("path").asText()).contains("zhenxing_test_monitoring");
        assertThat(components.path("scheduler").path("status").asText()).isEqualTo("UP");
        assertThat(components.path("scheduler").path("details").path("state").asText()).isEqualTo("started");
        assertThat(components.path("mailbox").path("status").asText()).isEqualTo("UP");
        assertThat(components.path("mailbox").path("details").path("location").asText())
                .isEqualTo("intake@example.gov.cn@127.0.0.1:" + SMTP.getImap().getPort() + "/INBOX");

        // The intake account refused (removed on the server): the whole health is DOWN and says why.
        SMTP.getUserManager().deleteUser(SMTP.getUserManager().getUser("intake@example.gov.cn"));
        try {
            HttpResponse<String> noMailbox = get(management, "/actuator/health");
            assertThat(noMailbox.statusCode()).isEqualTo(503);
            JsonNode mailbox = json.readTree(noMailbox.body()).path("components").path("mailbox");
            assertThat(mailbox.path("status").asText()).isEqualTo("DOWN");
            assertThat(mailbox.path("details").path("error").asText()).contains("AuthenticationFailedException");
        } finally {
            SMTP.setUser("intake@example.gov.cn", "intake@example.gov.cn", "intake-secret");
        }

        schedules.scheduler().standby();
        try {
            HttpResponse<String> standby = get(management, "/actuator/health");
            assertThat(standby.statusCode()).isEqualTo(503);
            assertThat(json.readTree(standby.body()).path("components").path("scheduler").path("details").path("state").asText()).isEqualTo("standby");
        } finally {
            schedules.scheduler().start();
        }
    }

    @Test
    void prometheusHasTheOperationsSeries() throws Exception {
        String metrics = scrape();
        assertThat(value(metrics, "zhenxing_ingest_files_total", "outcome=\"accepted\"")).isEqualTo(2);
        assertThat(value(metrics, "zhenxing_ingest_files_total", "outcome=\"duplicate\"")).isEqualTo(2);
        assertThat(value(metrics, "zhenxing_ingest_files_total", "outcome=\"rejected\"")).isEqualTo(1);
        assertThat(value(metrics, "zhenxing_ingest_files_total", "outcome=\"failed\"")).isZero();
        assertThat(value(metrics, "zhenxing_ingest_duration_seconds_count", "outcome=\"accepted\"")).isEqualTo(2);
        assertThat(value(metrics, "zhenxing_ingest_duration_seconds_sum", "outcome=\"accepted\"")).isPositive();
        assertThat(value(metrics, "zhenxing_marts_refresh_duration_seconds_count", "kind=\"incremental\"")).isGreaterThanOrEqualTo(2);
        assertThat(value(metrics, "zhenxing_report_render_seconds_count", "report=\"completeness\"")).isEqualTo(1);
        assertThat(value(metrics, "zhenxing_report_render_seconds_sum", "report=\"completeness\"")).isPositive();
        assertThat(value(metrics, "zhenxing_mail_queue_depth", "")).isEqualTo(1);
        assertThat(value(metrics, "zhenxing_mail_queue_oldest_age_seconds", "")).isBetween(7200.0, 7200.0 + 600);
        assertThat(value(metrics, "zhenxing_schedule_fires_total", "schedule=\"inbox-poll\"")).isEqualTo(1);
        assertThat(value(metrics, "zhenxing_schedule_misfires_total", "schedule=\"inbox-poll\"")).isZero();
    }

    @Test
    void onlyThisMachineOrAnAdministratorReadsTheActuator() throws Exception {
        for (String path : List.of("/actuator/health", "/actuator/prometheus")) {
            assertThat(fromElsewhere(path, null)).as("anonymous " + path).startsWith("HTTP/1.1 401");
            assertThat(fromElsewhere(path, "mon-stat:statistician-secret")).as("statistician " + path).startsWith("HTTP/1.1 403");
            assertThat(fromElsewhere(path, "mon-admin:wrong-password")).as("wrong password " + path).startsWith("HTTP/1.1 401");
            assertThat(fromElsewhere(path, "mon-admin:admin-secret-1")).as("administrator " + path).startsWith("HTTP/1.1 200");
        }
        assertThat(fromElsewhere("/actuator/prometheus", "mon-stat:statistician-secret")).doesNotContain("zhenxing_");
        // The portal's own port serves no actuator: anonymous users are sent to the login page.
        HttpResponse<String> onPortal = get(portal, "/actuator/health");
        assertThat(onPortal.statusCode()).isNotEqualTo(200);
        assertThat(onPortal.body()).doesNotContain("\"status\"");
    }

    private String scrape() throws Exception {
        HttpResponse<String> response = get(management, "/actuator/prometheus");
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    private HttpResponse<String> get(int port, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The value of a series whose labels contain {@code labels}; -1 when there is none. */
    static double value(String metrics, String name, String labels) {
        Matcher m = Pattern.compile("(?m)^" + name + "\\{([^}]*)\\} (\\S+)$").matcher(metrics);
        while (m.find()) {
            if (m.group(1).contains(labels)) {
                return Double.parseDouble(m.group(2));
            }
        }
        return -1;
    }

    /** A request from 127.0.0.2 (the JDK's HttpClient cannot choose its source address): status line and body. */
    private String fromElsewhere(String path, String credentials) throws Exception {
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress("127.0.0.2", 0));
            socket.connect(new InetSocketAddress("127.0.0.1", management), 5000);
            StringBuilder request = new StringBuilder("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n");
            if (credentials != null) {
                request.append("Authorization: Basic ").append(Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8))).append("\r\n");
            }
            OutputStream out = socket.getOutputStream();
            out.write(request.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));
            out.flush();
            try (InputStream in = socket.getInputStream()) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        }
    }
}
