package cn.zhenxing.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.zhenxing.WarehouseFixture;
import cn.zhenxing.WarehouseTest;
import cn.zhenxing.account.PortalUser;
import cn.zhenxing.account.PortalUser.Role;
import cn.zhenxing.account.PortalUsers;
import cn.zhenxing.delivery.DeliveryService;
import cn.zhenxing.ingest.IngestService;
import cn.zhenxing.warehouse.Quarter;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The 审核 page on 2025Q3 (ReviewServiceTest's context, its own quarter): a city reviewer's queue and
 * detail, what other roles and cities get, a return mailed to the unit's contacts with the feedback
 * workbook (GreenMail), and the state on the statistician's page and the administrator's board.
 */
@WarehouseTest
@AutoConfigureMockMvc
@TestPropertySource(properties = {ReviewPortalTest.DATABASE, ReviewPortalTest.SMTP_HOST, ReviewPortalTest.SMTP_PORT})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReviewPortalTest {

    static final String DATABASE = "zhenxing.test.database=zhenxing_test_review";
    static final String SMTP_HOST = "spring.mail.host=127.0.0.1";
    /** Apart from the schedule tests' 3025 and the restore drill's 3125. */
    static final String SMTP_PORT = "spring.mail.port=3225";
    static final Quarter Q3 = Quarter.parse("2025Q3");

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(new ServerSetup(3225, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
            .withPerMethodLifecycle(false);

    @Autowired
    WarehouseFixture warehouse;
    @Autowired
    MockMvc mvc;
    @Autowired
    PortalUsers users;
    @Autowired
    DeliveryService delivery;
    @Autowired
    ReviewService review;
    @Autowired
    IngestService ingest;
    @Autowired
    JdbcTemplate jdbc;

    PortalUser yangquan;
    PortalUser province;
    PortalUser yuxian;
    PortalUser admin;

    @BeforeAll
    void quarterReceived() throws Exception {
        warehouse.quarterIngested("2025Q3", Files.createTempDirectory("review-portal"), LocalDateTime.of(2025, 10, 10, 9, 0), List.of());
        users.create("yq-portal", "review-pass-1", "阳泉市审核员", Role.REVIEWER, "140300", null);
        users.create("sx-portal", "review-pass-1", "省发改委审核员", Role.REVIEWER, "140000", null);
        users.create("yx-portal", "review-pass-1", "盂县统计员", Role.STATISTICIAN, "140322", null);
        users.create("admin-portal", "review-pass-1", "管理员", Role.ADMIN, null, null);
        delivery.addContact("140322", "盂县联系人", "yuxian@example.gov.cn", "test");
        yangquan = users.loadUserByUsername("yq-portal");
        province = users.loadUserByUsername("sx-portal");
        yuxian = users.loadUserByUsername("yx-portal");
        admin = users.loadUserByUsername("admin-portal");
    }

    String page(String url, PortalUser as) throws Exception {
        return mvc.perform(get(url).with(user(as))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    @Test
    @Order(1)
    void aCityReviewerSeesItsCountiesOnlyAndOthersNothing() throws Exception {
        String queue = page("/review?period=2025Q3", yangquan);
        assertThat(queue).contains("盂县发展和改革局", "待您审核 1 份", "报表审核").doesNotContain("长治市发展和改革委员会", "季度报告");
        String detail = page("/review/140322/2025Q3", yangquan);
        assertThat(detail).contains("id=\"approve\"", "id=\"return\"", "审核顺序：阳泉市发展和改革委员会 → 山西省发展和改革委员会", "版本记录", "上年同期")
                .doesNotContain("id=\"unapprove\"");
        mvc.perform(get("/review/140400/2025Q3").with(user(yangquan))).andExpect(status().isNotFound());
        mvc.perform(post("/review/140400/2025Q3/approve").with(user(yangquan)).with(csrf())).andExpect(status().isNotFound());
        mvc.perform(get("/review").with(user(yuxian))).andExpect(status().isForbidden());
        mvc.perform(post("/review/140322/2025Q3/approve").with(user(yuxian)).with(csrf())).andExpect(status().isForbidden());
        mvc.perform(post("/review/140322/2025Q3/approve").with(user(yangquan))).andExpect(status().isForbidden()); // no CSRF token
        // The province sees the county (after its city) and every city, but has nothing of 盂县 to approve yet.
        assertThat(page("/review?period=2025Q3&city=140300", province)).contains("id=\"state-140322\"", "id=\"state-140300\"")
                .doesNotContain("id=\"state-140400\"");
        assertThat(page("/review?period=2025Q3&state=submitted", province)).contains("id=\"state-140400\"", "待您审核 11 份");
        assertThat(page("/review/140322/2025Q3", province)).contains("id=\"return\"").doesNotContain("id=\"approve\"");
        assertThat(review.unit("140322", Q3).state()).isEqualTo(ReviewState.SUBMITTED);
    }

    @Test
    @Order(1)
    void theDetailSetsEachValueAgainstLastYearAndTheSiblingRegions() throws Exception {
        // A county against the other counties of its city; a city against the other cities (the marts' values, in the form's unit).
        String county = page("/review/140322/2025Q3", yangquan);
        assertThat(county).contains("与同级地区对比", "同级中位数", "同级范围", "上年同期（库中）");
        String city = page("/review/140400/2025Q3", province);
        for (Map.Entry<String, String> region : Map.of("140322", county, "140400", city).entrySet()) {
            Map<String, Object> row = jdbc.queryForMap("SELECT r.level, r.city_code, i.indicator_code, i.indicator_key, f.value FROM fact_indicator_value f "
                    + "JOIN ops_submission s ON s.submission_id = f.submission_id AND s.is_current JOIN dim_region r ON r.region_key = f.region_key "
                    + "JOIN dim_indicator i ON i.indicator_key = f.indicator_key JOIN dim_reporting_unit u ON u.unit_key = s.unit_key "
                    + "WHERE u.unit_code = ? AND r.region_code = ? AND f.period_key = 20253 AND f.value IS NOT NULL ORDER BY i.indicator_key LIMIT 1",
                    region.getKey(), region.getKey());
            List<BigDecimal> peers = jdbc.queryForList("SELECT COALESCE(value_form_unit, value) FROM mart_indicator_progress WHERE period_key = 20253 "
                    + "AND scope_type = 'region' AND scope_level = ? AND scope_code <> ? AND indicator_key = ? AND value IS NOT NULL "
                    + "AND (scope_level <> 'county' OR city_code = ?) ORDER BY 1", BigDecimal.class,
                    row.get("level"), region.getKey(), row.get("indicator_key"), row.get("city_code"));
            assertThat(peers).as("siblings of " + region.getKey()).hasSizeGreaterThanOrEqualTo(row.get("level").equals("county") ? 3 : 10);
            int n = peers.size();
            BigDecimal median = n % 2 == 1 ? peers.get(n / 2) : peers.get(n / 2 - 1).add(peers.get(n / 2)).divide(BigDecimal.valueOf(2), MathContext.DECIMAL64);
            String tr = rowOf(region.getValue(), "value-" + region.getKey() + "-" + row.get("indicator_code"));
            assertThat(tr).contains(">" + n + "<", ">" + median.stripTrailingZeros().toPlainString() + "<",
                    ">" + peers.get(0).stripTrailingZeros().toPlainString() + "～" + peers.get(n - 1).stripTrailingZeros().toPlainString() + "<");
        }
    }

    @Test
    @Order(2)
    void aReturnIsMailedWithItsReasonAndFeedbackAndShownToTheUnit() throws Exception {
        // 盂县's statistician uploads a corrected version in the portal; the city returns that one.
        users.create("yx-mail", "review-pass-1", "盂县统计员乙", "yx-statistician@example.gov.cn", Role.STATISTICIAN, "140322", null);
        Path form = warehouse.forms("2025Q3", Files.createTempDirectory("review-portal-yx"), List.of()).stream()
                .filter(p -> p.getFileName().toString().startsWith("140322_")).findFirst().orElseThrow();
        IngestService.Outcome v2 = ingest.ingestAs(ReviewServiceTest.withNote(form, "更正：按统计年报口径调整"), form.getFileName().toString(), "web",
                "yx-mail", "140322", LocalDateTime.of(2025, 10, 12, 9, 0));
        assertThat(v2.status()).as(v2.problems().toString()).isEqualTo(IngestService.Status.ACCEPTED);
        String reason = "规上工业企业数量与上年相比下降明显，请核实后在备注中说明。";
        mvc.perform(post("/review/140322/2025Q3/return").param("reason", reason).with(user(yangquan)).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("message", org.hamcrest.Matchers.containsString("已通知该单位联系人")));
        assertThat(review.unit("140322", Q3).state()).isEqualTo(ReviewState.RETURNED);
        mvc.perform(post("/review/140322/2025Q3/approve").with(user(yangquan)).with(csrf()))
                .andExpect(flash().attribute("error", org.hamcrest.Matchers.containsString("已退回，须等该单位重新报送")));

        delivery.sendPending();
        // The unit's contacts as configured (schedules/recipients.yml and the administrator's list) and the uploader, each once.
        List<MimeMessage> returns = Arrays.stream(smtp.getReceivedMessages()).filter(m -> subject(m).contains("已退回") && subject(m).contains("2025年第三季度")).toList();
        assertThat(returns.stream().map(ReviewPortalTest::address).collect(Collectors.toList())).containsExactlyInAnyOrder(
                "unit-140322@example.gov.cn", "yuxian@example.gov.cn", "yx-statistician@example.gov.cn");
        assertThat(jdbc.queryForList("SELECT recipient_email FROM ops_delivery_log WHERE kind = 'review-return' AND period_code = '2025Q3'", String.class))
                .containsExactlyInAnyOrder("unit-140322@example.gov.cn", "yuxian@example.gov.cn", "yx-statistician@example.gov.cn");
        MimeMessage mail = returns.stream().filter(m -> to(m).contains("yuxian@example.gov.cn")).findFirst().orElseThrow();
        assertThat(mail.getSubject()).contains("2025年第三季度", "已退回", "盂县发展和改革局");
        assertThat(text(mail)).contains(reason, "阳泉市发展和改革委员会（阳泉市审核员）", "重新报送");
        Multipart parts = (Multipart) mail.getContent();
        assertThat(parts.getCount()).isEqualTo(2);
        assertThat(parts.getBodyPart(1).getDisposition()).isEqualTo(Part.ATTACHMENT);
        assertThat(parts.getBodyPart(1).getFileName()).endsWith(".xlsx");

        String unitPage = page("/upload", yuxian);
        assertThat(unitPage).contains("审核状态", reason).containsPattern("id=\"review-2025Q3\"[^>]*>已退回<");
        assertThat(page("/admin?period=2025Q3", admin)).containsPattern("id=\"review-140322\"[^>]*>已退回<");
        assertThat(page("/review/140322/2025Q3", admin)).contains("审核记录", reason, "已报送（待审核） → 已退回", "阳泉市审核员");
    }

    /** The plain text of a message, however deep MimeMessageHelper nested it. */
    private static String text(Part part) throws Exception {
        if (part.isMimeType("text/plain")) {
            return (String) part.getContent();
        }
        StringBuilder s = new StringBuilder();
        if (part.getContent() instanceof Multipart m) {
            for (int i = 0; i < m.getCount(); i++) {
                s.append(text(m.getBodyPart(i)));
            }
        }
        return s.toString();
    }

    /** The {@code <tr>} with the given id. */
    private static String rowOf(String html, String id) {
        int start = html.indexOf("id=\"" + id + "\"");
        assertThat(start).as(id).isPositive();
        return html.substring(start, html.indexOf("</tr>", start));
    }

    private static String subject(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The one recipient's address of a message. */
    private static String address(MimeMessage m) {
        try {
            assertThat(m.getAllRecipients()).hasSize(1);
            return ((jakarta.mail.internet.InternetAddress) m.getAllRecipients()[0]).getAddress();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String to(MimeMessage m) {
        try {
            return Arrays.toString(m.getAllRecipients());
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
