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
import cn.zhenxing.warehouse.Quarter;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Files;
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
    @Order(2)
    void aReturnIsMailedWithItsReasonAndFeedbackAndShownToTheUnit() throws Exception {
        String reason = "规上工业企业数量与上年相比下降明显，请核实后在备注中说明。";
        mvc.perform(post("/review/140322/2025Q3/return").param("reason", reason).with(user(yangquan)).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("message", org.hamcrest.Matchers.containsString("已通知该单位联系人")));
        assertThat(review.unit("140322", Q3).state()).isEqualTo(ReviewState.RETURNED);
        mvc.perform(post("/review/140322/2025Q3/approve").with(user(yangquan)).with(csrf()))
                .andExpect(flash().attribute("error", org.hamcrest.Matchers.containsString("已退回，须等该单位重新报送")));

        delivery.sendPending();
        MimeMessage mail = Arrays.stream(smtp.getReceivedMessages()).filter(m -> to(m).contains("yuxian@example.gov.cn")).findFirst().orElseThrow();
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

    private static String to(MimeMessage m) {
        try {
            return Arrays.toString(m.getAllRecipients());
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
