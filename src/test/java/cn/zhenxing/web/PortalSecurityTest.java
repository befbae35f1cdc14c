package cn.zhenxing.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.zhenxing.WarehouseFixture;
import cn.zhenxing.WarehouseTest;
import cn.zhenxing.account.PortalUser;
import cn.zhenxing.account.PortalUsers;
import cn.zhenxing.ingest.IngestService;
import cn.zhenxing.report.ReportName;
import cn.zhenxing.report.ReportService;
import cn.zhenxing.samples.SampleGenerator;
import cn.zhenxing.warehouse.FileDownload;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;

/**
 * The authorisation matrix: every role against every endpoint, anonymous requests, cross-unit
 * attempts by guessing ids and URLs, CSRF, and stored passwords.
 */
@WarehouseTest
@AutoConfigureMockMvc
@TestPropertySource(properties = {"zhenxing.test.database=zhenxing_test_portal", "zhenxing.schedules.reports-dir=target/test-portal-reports"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PortalSecurityTest {

    static final String PERIOD = "2025Q3";

    @Autowired
    WarehouseFixture warehouse;
    @Autowired
    MockMvc mvc;
    @Autowired
    PortalUsers users;
    @Autowired
    SampleGenerator samples;
    @Autowired
    IngestService ingest;
    @Autowired
    ReportService reports;
    @Autowired
    JdbcTemplate jdbc;

    PortalUser changzhi;
    PortalUser taiyuan;
    PortalUser admin;
    PortalUser leader;
    PortalUser cityLeader;
    long changzhiSubmission;
    long taiyuanSubmission;
    Path taiyuanForm;

    @BeforeAll
    void accountsSubmissionsAndReports() throws Exception {
        warehouse.catalogLoaded();
        users.create("changzhi", "changzhi-secret", "长治市统计员", "changzhi@example.gov.cn", PortalUser.Role.STATISTICIAN, "140400", null);
        users.create("taiyuan", "taiyuan-secret", "太原市统计员", PortalUser.Role.STATISTICIAN, "140100", null);
        users.create("admin", "admin-secret-1", "管理员", PortalUser.Role.ADMIN, null, null);
        users.create("leader", "leader-secret", "省领导", PortalUser.Role.LEADER, null, null);
        users.create("cz-leader", "leader-secret", "长治市领导", PortalUser.Role.LEADER, null, "140400");
        changzhi = users.loadUserByUsername("changzhi");
        taiyuan = users.loadUserByUsername("taiyuan");
        admin = users.loadUserByUsername("admin");
        leader = users.loadUserByUsername("leader");
        cityLeader = users.loadUserByUsername("cz-leader");
        Path forms = Files.createDirectories(Path.of("target", "test-portal-forms"));
        List<Path> files = samples.generate(PERIOD, forms, List.of("140400", "140100"));
        taiyuanForm = files.get(1);
        ingest.ingest(files, "web", "test", null, LocalDateTime.of(2025, 10, 10, 9, 0), o -> { });
        changzhiSubmission = jdbc.queryForObject("SELECT s.submission_id FROM ops_submission s JOIN dim_reporting_unit u ON u.unit_key = s.unit_key "
                + "WHERE u.unit_code = '140400'", Long.class);
        taiyuanSubmission = jdbc.queryForObject("SELECT s.submission_id FROM ops_submission s JOIN dim_reporting_unit u ON u.unit_key = s.unit_key "
                + "WHERE u.unit_code = '140100'", Long.class);
        Path dir = Path.of("target", "test-portal-reports", PERIOD);
        reports.render(ReportName.COMPLETENESS, PERIOD, null, List.of("pdf"), dir);
        reports.render(ReportName.REVITALIZATION, PERIOD, "140400", List.of("pdf"), dir);
    }

    /** Endpoint → expected status per role (anonymous: redirect to the login page). */
    Map<String, RequestBuilder> endpoints() {
        Map<String, RequestBuilder> e = new LinkedHashMap<>();
        e.put("upload page", get("/upload"));
        e.put("blank form", get("/forms/" + PERIOD));
        e.put("own feedback", get("/feedback/" + changzhiSubmission));
        e.put("admin board", get("/admin"));
        e.put("lock period", post("/admin/lock").param("period", "2015Q1").param("reason", "test").with(csrf()));
        e.put("report list", get("/reports"));
        e.put("province report", get("/reports/file/completeness-" + PERIOD + ".pdf"));
        e.put("city report", get("/reports/file/revitalization-" + PERIOD + "-140400.pdf"));
        e.put("progress", get("/reports/progress"));
        e.put("upload post", multipart("/upload").file(new MockMultipartFile("files", "x.xlsx", FileDownload.XLSX.toString(), new byte[] {1}))
                .with(csrf()));
        e.put("add user", post("/admin/users").param("username", "x").param("name", "x").param("role", "LEADER")
                .param("password", "short").with(csrf()));
        return e;
    }

    static final List<String> NAMES = List.of("upload page", "blank form", "own feedback", "admin board", "lock period", "report list",
            "province report", "city report", "progress", "upload post", "add user");
    // Expected HTTP status per endpoint, in NAMES order (302 after the admin's POST is its redirect back to the board).
    static final Map<String, List<Integer>> MATRIX = Map.of(
            "statistician", List.of(200, 200, 200, 403, 403, 403, 403, 403, 403, 200, 403),
            "admin", List.of(403, 403, 403, 200, 302, 200, 200, 200, 200, 403, 302),
            "leader", List.of(403, 403, 403, 403, 403, 200, 200, 200, 200, 403, 403),
            "city leader", List.of(403, 403, 403, 403, 403, 200, 404, 200, 200, 403, 403));

    @Test
    void everyRoleAgainstEveryEndpoint() throws Exception {
        Map<String, PortalUser> roles = Map.of("statistician", changzhi, "admin", admin, "leader", leader, "city leader", cityLeader);
        for (Map.Entry<String, List<Integer>> row : MATRIX.entrySet()) {
            Map<String, RequestBuilder> endpoints = endpoints();
            for (int i = 0; i < NAMES.size(); i++) {
                RequestBuilder request = endpoints.get(NAMES.get(i));
                int status = mvc.perform(withUser(request, roles.get(row.getKey()))).andReturn().getResponse().getStatus();
                assertThat(status).as(row.getKey() + " → " + NAMES.get(i)).isEqualTo(row.getValue().get(i));
            }
        }
    }

    private static RequestBuilder withUser(RequestBuilder request, PortalUser user) {
        return ((org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder) request).with(user(user));
    }

    @Test
    void anonymousRequestsGoToTheLoginPage() throws Exception {
        for (RequestBuilder request : endpoints().values()) {
            int status = mvc.perform(request).andReturn().getResponse().getStatus();
            assertThat(status).isIn(302, 403); // GETs redirect; a POST without a session is refused
        }
        mvc.perform(get("/upload")).andExpect(status().isFound()).andExpect(redirectedUrlPattern("**/login"));
        mvc.perform(get("/login")).andExpect(status().isOk());
        mvc.perform(get("/css/portal.css")).andExpect(status().isOk());
    }

    @Test
    void aStatisticianCannotReachAnotherUnitsDataByGuessing() throws Exception {
        mvc.perform(get("/feedback/" + taiyuanSubmission).with(user(changzhi))).andExpect(status().isNotFound());
        mvc.perform(get("/feedback/999999").with(user(changzhi))).andExpect(status().isNotFound());
        mvc.perform(get("/feedback/" + taiyuanSubmission).with(user(taiyuan))).andExpect(status().isOk());
        // The form URL has no unit in it: it is always the signed-in statistician's own unit.
        byte[] form = mvc.perform(get("/forms/" + PERIOD).with(user(taiyuan))).andReturn().getResponse().getContentAsByteArray();
        assertThat(form.length).isGreaterThan(1000);
        // Uploading another unit's form is refused and loads nothing.
        int before = jdbc.queryForObject("SELECT COUNT(*) FROM ops_submission WHERE status = 'accepted'", Integer.class);
        String page = mvc.perform(multipart("/upload").file(new MockMultipartFile("files", "太原的表.xlsx", FileDownload.XLSX.toString(),
                        Files.readAllBytes(taiyuanForm))).with(user(changzhi)).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("已退回", "太原的表.xlsx");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ops_submission WHERE status = 'accepted'", Integer.class)).isEqualTo(before);
        // Report files outside the allowed names are not served.
        mvc.perform(get("/reports/file/..%2F..%2Fetc%2Fpasswd").with(user(leader))).andExpect(status().is4xxClientError());
    }

    @Test
    void administratorsManageUnitContactsAndUploadersGetReceiptsQueued() throws Exception {
        mvc.perform(post("/admin/contacts").param("unit", "140400").param("name", "长治市联系人").param("email", "cz@example.gov.cn")
                .with(user(admin)).with(csrf())).andExpect(status().isFound());
        mvc.perform(post("/admin/contacts").param("unit", "140400").param("name", "x").param("email", "x@example.gov.cn")
                .with(user(changzhi)).with(csrf())).andExpect(status().isForbidden());
        assertThat(jdbc.queryForList("SELECT email FROM cfg_unit_contact WHERE unit_code = '140400'", String.class)).containsExactly("cz@example.gov.cn");

        Path own = samples.generate(PERIOD, Files.createTempDirectory("own"), List.of("140400")).get(0);
        mvc.perform(multipart("/upload").file(new MockMultipartFile("files", "长治.xlsx", FileDownload.XLSX.toString(), Files.readAllBytes(own)))
                .with(user(changzhi)).with(csrf())).andExpect(status().isOk());
        Path wrong = Path.of("target", "test-portal-forms", "broken.xlsx");
        Files.write(wrong, new byte[] {'P', 'K', 3, 4, 0, 0});
        mvc.perform(multipart("/upload").file(new MockMultipartFile("files", "坏文件.xlsx", FileDownload.XLSX.toString(), Files.readAllBytes(wrong)))
                .with(user(changzhi)).with(csrf())).andExpect(status().isOk());
        List<Map<String, Object>> queued = jdbc.queryForList("SELECT * FROM ops_delivery_log WHERE kind = 'receipt' AND recipient_email = 'changzhi@example.gov.cn'");
        assertThat(queued).isNotEmpty().allSatisfy(m -> assertThat((String) m.get("attachments")).endsWith(".xlsx"));
        assertThat(queued).anySatisfy(m -> assertThat((String) m.get("subject")).startsWith("【振兴监测】报表被退回"));
        assertThat(queued).anySatisfy(m -> assertThat((String) m.get("subject")).startsWith("【振兴监测】报表已接收"));
    }

    @Test
    void postsWithoutCsrfTokenAreRefused() throws Exception {
        mvc.perform(multipart("/upload").file(new MockMultipartFile("files", "a.xlsx", FileDownload.XLSX.toString(), new byte[] {1}))
                .with(user(changzhi))).andExpect(status().isForbidden());
    }

    @Test
    void loginRedirectsEachRoleHomeAndPasswordsAreHashed() throws Exception {
        mvc.perform(formLogin().user("changzhi").password("changzhi-secret")).andExpect(redirectedUrl("/upload"));
        mvc.perform(formLogin().user("admin").password("admin-secret-1")).andExpect(redirectedUrl("/admin"));
        mvc.perform(formLogin().user("leader").password("leader-secret")).andExpect(redirectedUrl("/reports"));
        mvc.perform(formLogin().user("changzhi").password("wrong-password")).andExpect(redirectedUrl("/login?error"));
        String hash = jdbc.queryForObject("SELECT password_hash FROM ops_portal_user WHERE username = 'changzhi'", String.class);
        assertThat(hash).startsWith("$2").doesNotContain("changzhi-secret");
        assertThat(PortalUsers.PASSWORDS.matches("changzhi-secret", hash)).isTrue();
    }
}
