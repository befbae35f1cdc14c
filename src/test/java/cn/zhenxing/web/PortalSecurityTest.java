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
import cn.zhenxing.form.FormDefinition;
import cn.zhenxing.ingest.IngestService;
import cn.zhenxing.report.ReportName;
import cn.zhenxing.report.ReportService;
import cn.zhenxing.samples.SampleGenerator;
import cn.zhenxing.warehouse.FileDownload;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
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
 * attempts by guessing ids and URLs, CSRF, and stored passwords; and what each role sees: the
 * navigation, file names and uploaders, period labels, times, the administrator's board and accounts.
 */
@WarehouseTest
@AutoConfigureMockMvc
@TestPropertySource(properties = {"zhenxing.test.database=zhenxing_test_portal", "zhenxing.schedules.reports-dir=target/test-portal-reports"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PortalSecurityTest {

    static final String PERIOD = "2025Q3";
    /** When the set-up's files arrived, by the server's clock. */
    static final LocalDateTime RECEIVED = LocalDateTime.of(2025, 10, 10, 9, 0);

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
        ingest.ingest(files, "web", "test", null, RECEIVED, o -> { });
        // As `ingest --by 李四` loads a file from the command line.
        ingest.ingest(samples.generate(PERIOD, Files.createTempDirectory("cli"), List.of("140500")), "cli", "李四", null, RECEIVED, o -> { });
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
        e.put("add user", post("/admin/users").param("username", "matrix-x").param("name", "x").param("role", "LEADER")
                .param("password", "short").with(csrf()));
        e.put("unit files", get("/admin/units/140400"));
        return e;
    }

    static final List<String> NAMES = List.of("upload page", "blank form", "own feedback", "admin board", "lock period", "report list",
            "province report", "city report", "progress", "upload post", "add user", "unit files");
    // Expected HTTP status per endpoint, in NAMES order (302 after the admin's POST is its redirect back to the board).
    static final Map<String, List<Integer>> MATRIX = Map.of(
            "statistician", List.of(200, 200, 200, 403, 403, 403, 403, 403, 403, 200, 403, 403),
            "admin", List.of(403, 403, 403, 200, 302, 200, 200, 200, 200, 403, 302, 200),
            "leader", List.of(403, 403, 403, 403, 403, 200, 200, 200, 200, 403, 403, 403),
            "city leader", List.of(403, 403, 403, 403, 403, 200, 404, 200, 200, 403, 403, 403));

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
    void aCityLeaderSeesTheCityOnProgressAndNoOtherScope() throws Exception {
        String own = page(get("/reports/progress").with(user(cityLeader)));
        assertThat(own).contains("长治市 指标进展").doesNotContain(">太原市<", ">太行革命老区<");
        for (String other : List.of("/reports/progress?scope=region:140100", "/reports/progress?region=140100",
                "/reports/progress?scope=area:TAIHANG_OLD_AREA", "/reports/progress?area=YR_PLAN_AREA")) {
            mvc.perform(get(other).with(user(cityLeader))).andExpect(status().isNotFound());
        }
        assertThat(page(get("/reports/progress?scope=region:140100").with(user(leader)))).contains("太原市 指标进展");
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

    /** A unit's filled form with a note no other file has (generated files of the same second are byte-identical). */
    private byte[] uniqueForm(String unit, String note) throws Exception {
        return uniqueForm(unit, note, null);
    }

    /** @param badValue typed into the first value cell when not null (a mistake the checks find) */
    private byte[] uniqueForm(String unit, String note, String badValue) throws Exception {
        Path filled = samples.generate(PERIOD, Files.createTempDirectory(note), List.of(unit)).get(0);
        FormDefinition.Table table = FormDefinition.load().table("indicators");
        try (var in = Files.newInputStream(filled); var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(in);
             var out = new java.io.ByteArrayOutputStream()) {
            var row = wb.getSheet(table.sheet()).getRow(table.firstDataRow() - 1);
            row.getCell(table.column("note").col().charAt(0) - 'A', org.apache.poi.ss.usermodel.Row.MissingCellPolicy.CREATE_NULL_AS_BLANK)
                    .setCellValue(note + "-" + System.nanoTime());
            if (badValue != null) {
                row.getCell(table.column("value").col().charAt(0) - 'A').setCellValue(badValue);
            }
            wb.write(out);
            return out.toByteArray();
        }
    }

    private String page(RequestBuilder request) throws Exception {
        return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    @Test
    void eachRoleSeesOneNavigationBarWithOnlyItsPages() throws Exception {
        String statistician = page(get("/upload").with(user(changzhi)));
        assertThat(navOf(statistician)).contains(">报表报送<").doesNotContain("季度报告", "指标进展", "系统管理");
        String leaderPage = page(get("/reports").with(user(leader)));
        assertThat(navOf(leaderPage)).contains(">季度报告<", ">指标进展<").doesNotContain("报表报送", "系统管理");
        assertThat(navOf(page(get("/reports/progress").with(user(leader))))).contains("class=\"active\">指标进展<");
        String adminPage = page(get("/admin").with(user(admin)));
        assertThat(navOf(adminPage)).contains(">季度报告<", ">指标进展<", "class=\"active\">系统管理<").doesNotContain("报表报送");
    }

    private static String navOf(String html) {
        int start = html.indexOf("<nav");
        assertThat(start).as("navigation bar").isNotNegative();
        return html.substring(start, html.indexOf("</nav>", start));
    }

    @Test
    void theHistoryShowsTheUploadedNameWhoUploadedItTheQuarterAndBeijingTime() throws Exception {
        byte[] bytes = uniqueForm("140400", "named");
        String result = page(multipart("/upload").file(new MockMultipartFile("files", "长治市三季度报表（终版）.xlsx", FileDownload.XLSX.toString(), bytes))
                .with(user(changzhi)).with(csrf()));
        assertThat(result).contains("长治市三季度报表（终版）.xlsx");
        Map<String, Object> row = jdbc.queryForMap("SELECT submission_id, file_name, stored_path, submitted_by, received_at FROM ops_submission "
                + "WHERE file_name = '长治市三季度报表（终版）.xlsx'");
        assertThat(Path.of((String) row.get("stored_path"))).exists().hasBinaryContent(bytes);
        assertThat(row.get("submitted_by")).isEqualTo("changzhi");

        String history = page(get("/upload").with(user(changzhi)));
        String table = history.substring(history.indexOf("id=\"history\""));
        assertThat(table).contains("长治市三季度报表（终版）.xlsx", "长治市统计员", "2025年第三季度").doesNotContain(">changzhi<", ">2025Q3<");
        assertThat(table).doesNotContainPattern("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}");
        // The set-up's file arrived at 09:00 by the server's clock: shown in Beijing time, as the schedules are.
        String beijing = RECEIVED.atZone(ZoneId.systemDefault()).withZoneSameInstant(ZoneId.of("Asia/Shanghai"))
                .format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"));
        assertThat(table).contains("收到时间（北京时间）", beijing);

        // A file loaded from the command line shows whom --by named.
        assertThat(page(get("/admin/units/140500").with(user(admin)))).contains("李四");

        // The receipt: its file, its download name (RFC 5987 for the Chinese) and its mail carry the uploaded name.
        long id = ((Number) row.get("submission_id")).longValue();
        var download = mvc.perform(get("/feedback/" + id).with(user(changzhi))).andExpect(status().isOk()).andReturn().getResponse();
        String disposition = download.getHeader("Content-Disposition");
        String expected = "长治市三季度报表（终版）_回执_" + id + ".xlsx";
        assertThat(disposition).contains("filename*=UTF-8''" + java.net.URLEncoder.encode(expected, StandardCharsets.UTF_8).replace("+", "%20"));
        try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(download.getContentAsByteArray()))) {
            StringBuilder text = new StringBuilder();
            wb.getSheetAt(0).forEach(r -> r.forEach(c -> text.append(c.toString()).append(' ')));
            assertThat(text).contains("长治市三季度报表（终版）.xlsx");
        }
        Map<String, Object> mail = jdbc.queryForMap("SELECT subject, attachments FROM ops_delivery_log WHERE kind = 'receipt' AND dedupe_key LIKE ?",
                "%_回执_" + id + ".xlsx");
        assertThat((String) mail.get("subject")).contains("长治市三季度报表（终版）.xlsx");
        assertThat(Path.of((String) mail.get("attachments")).getFileName().toString()).isEqualTo(expected);
    }

    @Test
    void aDamagedUploadStaysInTheUploadersHistoryWithItsFeedback() throws Exception {
        byte[] form = uniqueForm("140400", "damaged");
        byte[] damaged = java.util.Arrays.copyOf(form, form.length / 3);
        page(multipart("/upload").file(new MockMultipartFile("files", "长治半个文件.xlsx", FileDownload.XLSX.toString(), damaged))
                .with(user(changzhi)).with(csrf()));
        long id = jdbc.queryForObject("SELECT submission_id FROM ops_submission WHERE file_name = '长治半个文件.xlsx'", Long.class);
        assertThat(jdbc.queryForObject("SELECT unit_key FROM ops_submission WHERE submission_id = ?", Integer.class, id))
                .as("no form could be read from it").isNull();
        String table = page(get("/upload").with(user(changzhi)));
        assertThat(table.substring(table.indexOf("id=\"history\""))).contains("长治半个文件.xlsx");
        mvc.perform(get("/feedback/" + id).with(user(changzhi))).andExpect(status().isOk());
        mvc.perform(get("/feedback/" + id).with(user(taiyuan))).andExpect(status().isNotFound());
        assertThat(page(get("/admin/units/140400").with(user(admin)))).contains("长治半个文件.xlsx");
    }

    @Test
    void aLateFileIsANoticeNotAnError() throws Exception {
        String result = page(multipart("/upload").file(new MockMultipartFile("files", "太原迟报.xlsx", FileDownload.XLSX.toString(), uniqueForm("140100", "late")))
                .with(user(taiyuan)).with(csrf()));
        String results = result.substring(result.indexOf("id=\"results\""), result.indexOf("</section>", result.indexOf("id=\"results\"")));
        assertThat(results).contains("card ok", "已接收");
        int late = results.indexOf("已逾期");
        assertThat(late).as("the late notice").isPositive();
        String row = results.substring(results.lastIndexOf("<tr", late), late);
        assertThat(row).contains("finding-notice", "badge 提示", ">提示<").doesNotContain("错误");
    }

    @Test
    void periodsReadAsChineseQuarters() throws Exception {
        assertThat(page(get("/reports").with(user(leader)))).contains("<h2>2025年第三季度</h2>").doesNotContain(">2025Q3<");
        assertThat(page(get("/admin").with(user(admin)))).contains(">2025年第三季度<").doesNotContain(">2025Q3<");
    }

    @Test
    void theBoardOffersOnlyTheActionThatAppliesAndNamesSchedulesInChineseWithoutPaths() throws Exception {
        String open = page(get("/admin").param("period", PERIOD).with(user(admin)));
        assertThat(open).contains("开放报送中", "id=\"lock-form\"").doesNotContain("id=\"unlock-form\"", "已关闭报送");
        mvc.perform(post("/admin/lock").param("period", PERIOD).param("reason", "数据已汇总").with(user(admin)).with(csrf()))
                .andExpect(redirectedUrl("/admin?period=" + PERIOD));
        try {
            String locked = page(get("/admin").param("period", PERIOD).with(user(admin)));
            assertThat(locked).contains("已关闭报送", "原因：数据已汇总", "id=\"unlock-form\"").doesNotContain("id=\"lock-form\"");
        } finally {
            mvc.perform(post("/admin/unlock").param("period", PERIOD).with(user(admin)).with(csrf()));
        }
        assertThat(page(get("/admin").param("period", PERIOD).with(user(admin)))).contains("开放报送中");

        String schedules = open.substring(open.indexOf("id=\"schedules\""), open.indexOf("</table>", open.indexOf("id=\"schedules\"")));
        assertThat(schedules).contains("报送提醒", "逾期通知", "生成并发送季度报告", "收件箱接收报表", "下次执行（北京时间）")
                .doesNotContain("reminder-5-days", "quarterly-reports", "inbox-poll");
        // The nightly refresh runs at 2:30 Beijing time, and the board says so whatever the server's zone.
        assertThat(schedules).containsPattern("(?s)重算汇总数据</td>.*?\\d{4}-\\d{2}-\\d{2} 02:30");
        assertThat(open).doesNotContain(Path.of("").toAbsolutePath().toString(), "data/inbox", "target/");
    }

    @Test
    void urgingMailsTheUnitsContactsNowAndTheBoardDrillsDownToAUnitsFindings() throws Exception {
        mvc.perform(post("/admin/contacts").param("unit", "140200").param("name", "大同联系人").param("email", "dt@example.gov.cn")
                .with(user(admin)).with(csrf())).andExpect(status().isFound());
        String board = page(get("/admin").param("period", PERIOD).with(user(admin)));
        assertThat(board).contains("id=\"urge-140200\"").doesNotContain("id=\"urge-140400\""); // 长治 has reported
        var urged = mvc.perform(post("/admin/urge").param("period", PERIOD).param("unit", "140200").with(user(admin)).with(csrf()))
                .andExpect(redirectedUrl("/admin?period=" + PERIOD)).andReturn();
        assertThat((String) urged.getFlashMap().get("message")).contains("已向大同市发展和改革委员会催报2025年第三季度报表", "dt@example.gov.cn",
                "unit-140200@example.gov.cn");
        List<Map<String, Object>> mails = jdbc.queryForList("SELECT recipient_email, subject, attempts FROM ops_delivery_log WHERE kind = 'urge'");
        assertThat(mails).extracting(m -> m.get("recipient_email")).containsExactlyInAnyOrder("dt@example.gov.cn", "unit-140200@example.gov.cn");
        // Past the deadline the mail is the overdue notice; it was tried at once (no SMTP here: it waits for the retry).
        assertThat(mails).allSatisfy(m -> {
            assertThat((String) m.get("subject")).contains("2025年第三季度", "逾期未报送");
            assertThat(((Number) m.get("attempts")).intValue()).isEqualTo(1);
        });
        // A second click in the same minute sends nothing more.
        mvc.perform(post("/admin/urge").param("period", PERIOD).param("unit", "140200").with(user(admin)).with(csrf()));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ops_delivery_log WHERE kind = 'urge'", Integer.class)).isEqualTo(2);
        mvc.perform(post("/admin/urge").param("period", PERIOD).param("unit", "140200").with(user(changzhi)).with(csrf()))
                .andExpect(status().isForbidden());

        // Drill-down: the unit's files, the findings of the one chosen, its feedback workbook.
        mvc.perform(multipart("/upload").file(new MockMultipartFile("files", "长治坏文件.xlsx", FileDownload.XLSX.toString(),
                        uniqueForm("140400", "drill", "12万元")))
                .with(user(changzhi)).with(csrf())).andExpect(status().isOk());
        long rejected = jdbc.queryForObject("SELECT submission_id FROM ops_submission WHERE file_name = '长治坏文件.xlsx'", Long.class);
        String unit = page(get("/admin/units/140400").param("submission", String.valueOf(rejected)).with(user(admin)));
        assertThat(unit).contains("长治市发展和改革委员会 · 报送文件", "长治坏文件.xlsx", "id=\"findings\"", "错误");
        String problem = jdbc.queryForObject("SELECT message_zh FROM ops_submission_problem WHERE submission_id = ? ORDER BY seq LIMIT 1",
                String.class, rejected);
        assertThat(unit).contains(org.springframework.web.util.HtmlUtils.htmlEscape(problem));
        assertThat(page(get("/admin").param("period", PERIOD).with(user(admin)))).contains("href=\"/admin/units/140400\"");
        mvc.perform(get("/admin/units/140400/feedback/" + rejected).with(user(admin))).andExpect(status().isOk());
        mvc.perform(get("/admin/units/140100/feedback/" + rejected).with(user(admin))).andExpect(status().isNotFound());
        mvc.perform(get("/admin/units/999999").with(user(admin))).andExpect(status().isNotFound());
    }

    @Test
    void administratorsDisableAccountsAndResetPasswordsShownOnce() throws Exception {
        users.create("reset-me", "reset-me-secret", "待重置用户", PortalUser.Role.LEADER, null, null);
        mvc.perform(formLogin().user("reset-me").password("reset-me-secret")).andExpect(redirectedUrl("/reports"));

        mvc.perform(post("/admin/users/enabled").param("username", "reset-me").param("enabled", "false").with(user(admin)).with(csrf()))
                .andExpect(status().isFound());
        mvc.perform(formLogin().user("reset-me").password("reset-me-secret")).andExpect(redirectedUrl("/login?error"));
        // A session opened before is ended at its next request.
        mvc.perform(get("/reports").with(user(users.loadUserByUsername("reset-me")))).andExpect(redirectedUrl("/login?disabled"));
        String list = page(get("/admin").with(user(admin)));
        String row = list.substring(list.indexOf("id=\"user-reset-me\""), list.indexOf("</tr>", list.indexOf("id=\"user-reset-me\"")));
        assertThat(row).contains("已停用", ">启用<");
        mvc.perform(post("/admin/users/enabled").param("username", "reset-me").param("enabled", "true").with(user(admin)).with(csrf()));
        mvc.perform(formLogin().user("reset-me").password("reset-me-secret")).andExpect(redirectedUrl("/reports"));
        // An administrator cannot lock themselves out.
        mvc.perform(post("/admin/users/enabled").param("username", "admin").param("enabled", "false").with(user(admin)).with(csrf()));
        assertThat(users.loadUserByUsername("admin").isEnabled()).isTrue();

        var reset = mvc.perform(post("/admin/users/password").param("username", "reset-me").with(user(admin)).with(csrf()))
                .andExpect(redirectedUrlPattern("/admin*")).andReturn();
        String password = (String) reset.getFlashMap().get("newPassword");
        assertThat(password).hasSizeGreaterThanOrEqualTo(PortalUsers.MIN_PASSWORD_LENGTH);
        String shown = mvc.perform(get("/admin").with(user(admin)).flashAttrs(reset.getFlashMap())).andReturn().getResponse().getContentAsString();
        assertThat(shown).contains("id=\"new-password\"", password, "只显示这一次");
        assertThat(page(get("/admin").with(user(admin)))).doesNotContain(password);
        mvc.perform(formLogin().user("reset-me").password("reset-me-secret")).andExpect(redirectedUrl("/login?error"));
        // Someone else knows the new password: the first sign-in with it leads to the change page, and nothing else opens until then.
        var session = (org.springframework.mock.web.MockHttpSession) mvc.perform(formLogin().user("reset-me").password(password))
                .andExpect(redirectedUrl("/account/password")).andReturn().getRequest().getSession();
        mvc.perform(get("/reports").session(session)).andExpect(redirectedUrl("/account/password"));
        mvc.perform(post("/account/password").param("current", password).param("password", "Reset-me-mine-2").param("confirm", "Reset-me-mine-2")
                .session(session).with(csrf())).andExpect(redirectedUrl("/"));
        mvc.perform(get("/reports").session(session)).andExpect(status().isOk());
        mvc.perform(formLogin().user("reset-me").password("Reset-me-mine-2")).andExpect(redirectedUrl("/reports"));
        mvc.perform(post("/admin/users/password").param("username", "reset-me").with(user(leader)).with(csrf())).andExpect(status().isForbidden());
    }
}
