package cn.zhenxing.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
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
import cn.zhenxing.samples.SampleGenerator;
import cn.zhenxing.security.PasswordPolicy;
import cn.zhenxing.security.SecurityLog;
import cn.zhenxing.security.SecurityProperties;
import cn.zhenxing.warehouse.FileDownload;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The portal's 等保 controls over MockMvc, in PortalSecurityTest's context (same database, accounts of its own,
 * uploads for 晋中 140700 only): lockout and unlock, throttling per account and address, the password policy and
 * the forced change, an audit entry for every audited action read back (and the log refusing changes), a Chinese
 * 400 for every malformed input, security headers and no inline script on every page, long Chinese file names
 * and too many files.
 */
@WarehouseTest
@AutoConfigureMockMvc
@TestPropertySource(properties = {"zhenxing.test.database=zhenxing_test_portal", "zhenxing.schedules.reports-dir=target/test-portal-reports"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PortalHardeningTest {

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
    JdbcTemplate jdbc;
    @Autowired
    SecurityLog securityLog;

    PortalUser admin;
    PortalUser jinzhong;
    PortalUser leader;

    @BeforeAll
    void accounts() throws Exception {
        warehouse.catalogLoaded();
        users.create("sec-admin", "Sec-admin-secret-1", "安全测试管理员", PortalUser.Role.ADMIN, null, null);
        users.create("sec-jz", "jinzhong-secret-1", "晋中市统计员", PortalUser.Role.STATISTICIAN, "140700", null);
        users.create("sec-leader", "sec-leader-secret", "省领导", PortalUser.Role.LEADER, null, null);
        admin = users.loadUserByUsername("sec-admin");
        jinzhong = users.loadUserByUsername("sec-jz");
        leader = users.loadUserByUsername("sec-leader");
    }

    private static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    /** The login page's message after a failed attempt (kept in the session, shown once). */
    private String loginMessage(MockHttpSession session) throws Exception {
        String page = mvc.perform(get("/login").param("error", "").session(session)).andReturn().getResponse().getContentAsString();
        Matcher m = Pattern.compile("id=\"login-error\">([^<]*)<").matcher(page);
        assertThat(m.find()).as(page).isTrue();
        return m.group(1);
    }

    private static MockHttpServletRequestBuilder loginFrom(String username, String password, String address) {
        return post("/login").param("username", username).param("password", password).with(csrf()).with(from(address));
    }

    private MockHttpSession attempt(String username, String password, String address) throws Exception {
        return (MockHttpSession) mvc.perform(loginFrom(username, password, address))
                .andReturn().getRequest().getSession();
    }

    private List<Map<String, Object>> events(String action, String target) {
        return jdbc.queryForList("SELECT * FROM ops_security_event WHERE action = ? AND target = ? ORDER BY event_id", action, target);
    }

    @Test
    void fiveWrongPasswordsLockTheAccountUntilItsTimeOrAnAdministratorUnlocksIt() throws Exception {
        users.create("lock-me", "lock-me-secret-1", "待锁定用户", PortalUser.Role.LEADER, null, null);
        for (int i = 1; i <= 4; i++) {
            MockHttpSession s = attempt("lock-me", "wrong-" + i, "10.1.0.1");
            assertThat(loginMessage(s)).contains("用户名或密码不正确", "连续5次输错密码");
        }
        MockHttpSession fifth = attempt("lock-me", "wrong-5", "10.1.0.1");
        assertThat(loginMessage(fifth)).contains("账号已锁定", "自动解锁", "北京时间");
        LocalDateTime until = users.lockedUntil("lock-me").orElseThrow();
        assertThat(Duration.between(LocalDateTime.now(), until)).isBetween(Duration.ofMinutes(14), Duration.ofMinutes(15));
        // The right password is refused as well while the lock lasts.
        mvc.perform(formLogin().user("lock-me").password("lock-me-secret-1")).andExpect(redirectedUrl("/login?error"));

        assertThat(events("login", "lock-me")).extracting(e -> e.get("outcome")).containsExactly("failure", "failure", "failure", "failure",
                "failure", "refused");
        assertThat(events("login", "lock-me")).allSatisfy(e -> assertThat(e.get("address")).isIn("10.1.0.1", "127.0.0.1"));
        assertThat(events("lockout", "lock-me")).singleElement().satisfies(e -> assertThat((String) e.get("detail")).contains("连续5次密码错误"));

        String board = page(get("/admin").with(user(admin)));
        String row = board.substring(board.indexOf("id=\"user-lock-me\""), board.indexOf("</tr>", board.indexOf("id=\"user-lock-me\"")));
        assertThat(row).contains("已锁定", "id=\"unlock-lock-me\"");
        mvc.perform(post("/admin/users/unlock").param("username", "lock-me").with(user(admin)).with(csrf()))
                .andExpect(redirectedUrlPattern("/admin*"));
        mvc.perform(formLogin().user("lock-me").password("lock-me-secret-1")).andExpect(redirectedUrl("/reports"));
        assertThat(events("account-unlock", "lock-me")).singleElement().satisfies(e -> {
            assertThat(e.get("username")).isEqualTo("sec-admin");
            assertThat(e.get("role")).isEqualTo("ADMIN");
        });
        assertThat(events("login", "lock-me")).last().satisfies(e -> assertThat(e.get("outcome")).isEqualTo("success"));
        mvc.perform(post("/admin/users/unlock").param("username", "lock-me").with(user(leader)).with(csrf())).andExpect(status().isForbidden());
    }

    @Test
    void failedAttemptsAreThrottledPerAddressAndPerAccountBeforeAnyPasswordIsChecked() throws Exception {
        // 30 failures from one address within a minute: the next attempt from there is refused, even with a right password ...
        for (int i = 0; i < 30; i++) {
            attempt("nobody-" + i, "whatever-1", "10.2.0.1");
        }
        MockHttpSession refused = attempt("sec-leader", "sec-leader-secret", "10.2.0.1");
        assertThat(loginMessage(refused)).contains("登录尝试过于频繁", "秒后再试");
        // ... while the account signs in from elsewhere.
        mvc.perform(loginFrom("sec-leader", "sec-leader-secret", "10.2.0.2")).andExpect(redirectedUrl("/reports"));

        // 10 failures on one (unknown) account from ten addresses: the eleventh is refused wherever it comes from.
        for (int i = 0; i < 10; i++) {
            attempt("ghost", "whatever-1", "10.3.0." + i);
        }
        assertThat(loginMessage(attempt("ghost", "whatever-1", "10.3.1.1"))).contains("登录尝试过于频繁");
        assertThat(events("login", "ghost")).extracting(e -> e.get("outcome")).endsWith("refused").contains("failure");
    }

    @Test
    void passwordsFollowThePolicyAndGeneratedOrResetOnesAreChangedAtTheNextSignIn() throws Exception {
        assertThatThrownBy(() -> users.create("weak-1", "aaaaaaaaaa", "弱密码", PortalUser.Role.LEADER, null, null))
                .hasMessageContaining("密码太简单");
        assertThatThrownBy(() -> users.create("same-as-name", "same-as-name", "同名", PortalUser.Role.LEADER, null, null))
                .hasMessageContaining("不能与用户名相同");
        assertThatThrownBy(() -> users.create("short-1", "Ab1-x", "短密码", PortalUser.Role.LEADER, null, null)).hasMessageContaining("密码至少10位");
        for (int i = 0; i < 20; i++) {
            String generated = users.generatePassword();
            users.policy().check("anyone", generated);
            assertThat(generated).hasSize(16);
        }
        PasswordPolicy expiring = new PasswordPolicy(new SecurityProperties(new SecurityProperties.Login(5, Duration.ofMinutes(15), 10, 30),
                new SecurityProperties.Password(12, 3, 90), 180));
        assertThat(expiring.expired(LocalDateTime.now().minusDays(91), LocalDateTime.now())).isTrue();
        assertThat(expiring.expired(LocalDateTime.now().minusDays(89), LocalDateTime.now())).isFalse();
        assertThatThrownBy(() -> expiring.check("x", "lower-and-dash")).hasMessageContaining("至少3类");
        assertThat(users.policy().expired(LocalDateTime.now().minusYears(5), LocalDateTime.now())).as("no expiry by default").isFalse();

        // An account the administrator creates on the board: its first password is the administrator's, so it is changed first.
        var weak = mvc.perform(post("/admin/users").param("username", "first-login").param("name", "新用户").param("role", "LEADER")
                .param("password", "aaaaaaaaaaaa").with(user(admin)).with(csrf())).andReturn();
        assertThat((String) weak.getFlashMap().get("error")).contains("密码太简单");
        mvc.perform(post("/admin/users").param("username", "first-login").param("name", "新用户").param("role", "LEADER")
                .param("password", "Told-by-admin-1").with(user(admin)).with(csrf())).andExpect(status().isFound());
        MockHttpSession session = (MockHttpSession) mvc.perform(formLogin().user("first-login").password("Told-by-admin-1"))
                .andExpect(redirectedUrl("/account/password")).andReturn().getRequest().getSession();
        mvc.perform(get("/reports/progress").session(session)).andExpect(redirectedUrl("/account/password"));
        assertThat(page(get("/account/password").session(session))).contains("id=\"forced\"", "至少10位");
        assertThat(page(post("/account/password").param("current", "not-it-at-all").param("password", "Mine-now-123").param("confirm", "Mine-now-123")
                .session(session).with(csrf()))).contains("当前密码不正确");
        assertThat(page(post("/account/password").param("current", "Told-by-admin-1").param("password", "bbbbbbbbbbbb").param("confirm", "bbbbbbbbbbbb")
                .session(session).with(csrf()))).contains("密码太简单");
        assertThat(page(post("/account/password").param("current", "Told-by-admin-1").param("password", "Mine-now-123").param("confirm", "Mine-now-12")
                .session(session).with(csrf()))).contains("两次输入的新密码不一致");
        mvc.perform(post("/account/password").param("current", "Told-by-admin-1").param("password", "Mine-now-123").param("confirm", "Mine-now-123")
                .session(session).with(csrf())).andExpect(redirectedUrl("/"));
        mvc.perform(get("/reports/progress").session(session)).andExpect(status().isOk());
        assertThat(events("password-change", "first-login")).extracting(e -> e.get("outcome")).containsExactly("failure", "refused", "success");
        assertThat(events("account-create", "first-login")).singleElement()
                .satisfies(e -> assertThat((String) e.get("detail")).contains("首次登录须改密码"));
    }

    @Test
    void everyAuditedActionIsReadBackAndTheLogRefusesChanges() throws Exception {
        MockHttpSession session = (MockHttpSession) mvc.perform(formLogin().user("sec-admin").password("Sec-admin-secret-1"))
                .andExpect(redirectedUrl("/admin")).andReturn().getRequest().getSession();
        mvc.perform(post("/logout").session(session).with(csrf())).andExpect(redirectedUrl("/login?logout"));
        assertThat(events("login", "sec-admin")).last().satisfies(e -> assertThat(e.get("outcome")).isEqualTo("success"));
        assertThat(events("logout", "sec-admin")).hasSize(1);

        users.create("audit-me", "audit-me-secret-1", "审计对象", PortalUser.Role.LEADER, null, null);
        mvc.perform(post("/admin/users/enabled").param("username", "audit-me").param("enabled", "false").with(user(admin)).with(csrf()));
        mvc.perform(post("/admin/users/enabled").param("username", "audit-me").param("enabled", "true").with(user(admin)).with(csrf()));
        mvc.perform(post("/admin/users/password").param("username", "audit-me").with(user(admin)).with(csrf()));
        mvc.perform(post("/admin/lock").param("period", "2016Q1").param("reason", "审计测试").with(user(admin)).with(csrf()));
        mvc.perform(post("/admin/unlock").param("period", "2016Q1").with(user(admin)).with(csrf()));
        mvc.perform(post("/admin/exception").param("unit", "140700").param("period", "2016Q1").param("deadline", "2016-05-01")
                .param("reason", "系统故障").with(user(admin)).with(csrf()));
        mvc.perform(post("/admin/contacts").param("unit", "140900").param("name", "忻州联系人").param("email", "xz@example.gov.cn")
                .with(user(admin)).with(csrf()));
        long contact = jdbc.queryForObject("SELECT contact_id FROM cfg_unit_contact WHERE email = 'xz@example.gov.cn'", Long.class);
        mvc.perform(post("/admin/contacts/delete").param("id", String.valueOf(contact)).with(user(admin)).with(csrf()));
        mvc.perform(post("/admin/reports").param("period", "2099Q1").with(user(admin)).with(csrf()));
        mvc.perform(multipart(uploadUrl()).file(form("晋中审计.xlsx", own())).with(user(jinzhong)).with(csrf()));
        mvc.perform(post("/review/140700/" + PERIOD + "/return").param("reason", "请核实GDP").with(user(admin)).with(csrf()));

        record Expected(String action, String target, String outcome, String actor) {
        }
        for (Expected x : List.of(
                new Expected("account-create", "audit-me", "success", null),
                new Expected("account-disable", "audit-me", "success", "sec-admin"),
                new Expected("account-enable", "audit-me", "success", "sec-admin"),
                new Expected("password-reset", "audit-me", "success", "sec-admin"),
                new Expected("period-lock", "2016Q1", "success", "sec-admin"),
                new Expected("period-unlock", "2016Q1", "success", "sec-admin"),
                new Expected("deadline-exception", "140700 2016Q1", "success", "sec-admin"),
                new Expected("contact-add", "140900", "success", "sec-admin"),
                new Expected("contact-remove", "联系人 " + contact, "success", "sec-admin"),
                new Expected("report-regenerate", "2099Q1", "refused", "sec-admin"),
                new Expected("review", "140700 " + PERIOD, "success", "sec-admin"),
                new Expected("upload", "晋中审计.xlsx", "success", "sec-jz"))) {
            assertThat(events(x.action(), x.target())).as(x.toString()).isNotEmpty().last().satisfies(e -> {
                assertThat(e.get("outcome")).as(x.toString()).isEqualTo(x.outcome());
                if (x.actor() != null) {
                    assertThat(e.get("username")).as(x.toString()).isEqualTo(x.actor());
                    assertThat(e.get("address")).isEqualTo("127.0.0.1");
                }
                assertThat(e.get("occurred_at")).isNotNull();
            });
        }
        assertThat((String) events("review", "140700 " + PERIOD).get(0).get("detail")).contains("退回", "请核实GDP");

        // The administrator's page finds them; nobody else opens it.
        String found = page(get("/admin/security").param("action", "period-lock").param("user", "sec-admin").with(user(admin)));
        assertThat(found).contains("关闭报送期", "2016Q1", "审计测试").doesNotContain("重置密码</td>");
        assertThat(page(get("/admin/security").param("q", "140900").with(user(admin)))).contains("忻州联系人");
        assertThat(page(get("/admin/security").param("outcome", "refused").with(user(admin)))).contains("2099Q1");
        mvc.perform(get("/admin/security").with(user(leader))).andExpect(status().isForbidden());
        mvc.perform(get("/admin/security").with(user(jinzhong))).andExpect(status().isForbidden());

        // Append-only: the database refuses changes and early deletions, whoever asks.
        assertThatThrownBy(() -> jdbc.update("UPDATE ops_security_event SET outcome = 'failure' WHERE target = 'audit-me'"))
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.update("DELETE FROM ops_security_event WHERE target = 'audit-me'")).hasMessageContaining("180 days");
        // Retention: only entries older than zhenxing.security.audit-retention-days go.
        jdbc.update("INSERT INTO ops_security_event (occurred_at, username, action, target, outcome) VALUES (?, 'old', 'login', 'old-entry', 'success')",
                LocalDateTime.now().minusDays(200));
        int before = jdbc.queryForObject("SELECT COUNT(*) FROM ops_security_event", Integer.class);
        assertThat(securityLog.prune(LocalDateTime.now())).isEqualTo(1);
        assertThat(events("login", "old-entry")).isEmpty();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ops_security_event", Integer.class)).isEqualTo(before); // -1 old, +1 the pruning itself
    }

    @Test
    void malformedInputGetsAChinese400WithoutClassNames() throws Exception {
        List<MockHttpServletRequestBuilder> bad = List.of(
                get("/forms/2099Q1").with(user(jinzhong)),
                get("/forms/abc").with(user(jinzhong)),
                get("/feedback/abc").with(user(jinzhong)),
                get("/admin/units/140400").param("submission", "x1").with(user(admin)),
                get("/admin/security").param("from", "2026-13-01").with(user(admin)),
                get("/admin/security").param("outcome", "maybe").with(user(admin)),
                post("/admin/lock").param("period", "'").param("reason", "x").with(user(admin)).with(csrf()),
                post("/admin/lock").param("period", "2025Q3").with(user(admin)).with(csrf()),
                post("/admin/unlock").param("period", "2025Q5").with(user(admin)).with(csrf()),
                post("/admin/exception").param("unit", "140700").param("period", "2025Q3").param("deadline", "明天").param("reason", "x")
                        .with(user(admin)).with(csrf()),
                post("/admin/exception").param("unit", "'; DROP").param("period", "2025Q3").param("deadline", "2025-12-01").param("reason", "x")
                        .with(user(admin)).with(csrf()),
                post("/admin/reports").param("period", "2025-3").with(user(admin)).with(csrf()),
                post("/admin/urge").param("period", "x").param("unit", "140700").with(user(admin)).with(csrf()),
                post("/admin/users").param("username", "new-one").param("name", "x").param("role", "SUPERUSER").param("password", "Abcdefgh-123")
                        .with(user(admin)).with(csrf()),
                post("/admin/users").param("username", "a b").param("name", "x").param("role", "LEADER").param("password", "Abcdefgh-123")
                        .with(user(admin)).with(csrf()),
                post("/admin/users/enabled").param("username", "sec-leader").param("enabled", "maybe").with(user(admin)).with(csrf()),
                post("/admin/contacts/delete").param("id", "one").with(user(admin)).with(csrf()),
                post("/review/140500/" + PERIOD + "/return").param("reason", "长".repeat(600)).with(user(admin)).with(csrf()),
                post("/upload").with(user(jinzhong)).with(csrf()));
        for (MockHttpServletRequestBuilder request : bad) {
            MockHttpServletResponse r = mvc.perform(request).andReturn().getResponse();
            String what = r.getStatus() + " " + r.getContentAsString();
            assertThat(r.getStatus()).as(what).isEqualTo(400);
            assertThat(r.getContentAsString()).as(what).contains("出错了（400）", "id=\"problem\"").containsPattern("id=\"problem\">[^<]*[\\u4e00-\\u9fa5]")
                    .doesNotContainPattern("cn\\.zhenxing|java\\.|org\\.springframework|Exception|Whitelabel");
        }
        String role = mvc.perform(post("/admin/users").param("username", "new-one").param("name", "x").param("role", "SUPERUSER")
                .param("password", "Abcdefgh-123").with(user(admin)).with(csrf())).andReturn().getResponse().getContentAsString();
        assertThat(role).contains("角色须为统计员、管理员、领导或审核员").doesNotContain("PortalUser", "Role");
        assertThat(page(get("/forms/2099Q1").with(user(jinzhong)), 400)).contains("不在规划目录的年份范围内");

        // A well-formed quarter the warehouse does not have: said so, and nothing recorded as done.
        var lock = mvc.perform(post("/admin/lock").param("period", "2099Q1").param("reason", "x").with(user(admin)).with(csrf()))
                .andExpect(status().isFound()).andReturn();
        assertThat((String) lock.getFlashMap().get("error")).contains("2099Q1", "不在规划目录的年份范围内", "未作任何改动");
        assertThat(lock.getFlashMap().get("message")).isNull();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ops_period_lock l JOIN dim_period p ON p.period_key = l.period_key "
                + "WHERE p.period_code = '2099Q1'", Integer.class)).isZero();
        var unlock = mvc.perform(post("/admin/unlock").param("period", "2017Q2").with(user(admin)).with(csrf())).andReturn();
        assertThat((String) unlock.getFlashMap().get("error")).contains("并未关闭报送");
        var exception = mvc.perform(post("/admin/exception").param("unit", "999999").param("period", "2025Q3").param("deadline", "2025-12-01")
                .param("reason", "x").with(user(admin)).with(csrf())).andReturn();
        assertThat((String) exception.getFlashMap().get("error")).contains("填报单位 999999 不存在");

        // Unknown pages and methods: Chinese pages too.
        assertThat(page(get("/no-such-page").with(user(admin)), 404)).contains("出错了（404）");
        assertThat(page(get("/admin/lock").with(user(admin)), 405)).contains("出错了（405）").doesNotContain("Whitelabel");
    }

    @Test
    void everyPageSendsTheSecurityHeadersAndCarriesNoInlineScriptOrStyle() throws Exception {
        List<MockHttpServletRequestBuilder> pages = List.of(get("/login"), get("/upload").with(user(jinzhong)), get("/admin").with(user(admin)),
                get("/admin/security").with(user(admin)), get("/admin/units/140700").with(user(admin)), get("/reports").with(user(leader)),
                get("/reports/progress").with(user(leader)), get("/review").with(user(admin)), get("/account/password").with(user(leader)),
                get("/no-such-page").with(user(leader)), get("/forms/abc").with(user(jinzhong)), get("/admin").with(user(leader)),
                get("/css/portal.css"), get("/js/upload.js"), get("/upload"));
        for (MockHttpServletRequestBuilder request : pages) {
            MockHttpServletResponse r = mvc.perform(request).andReturn().getResponse();
            String what = r.getStatus() + " " + r.getRedirectedUrl();
            assertThat(r.getHeader("Content-Security-Policy")).as(what).isEqualTo(SecurityConfiguration.CONTENT_SECURITY_POLICY)
                    .contains("script-src 'self'").doesNotContain("unsafe-inline");
            assertThat(r.getHeader("Referrer-Policy")).as(what).isEqualTo("same-origin");
            assertThat(r.getHeader("X-Content-Type-Options")).as(what).isEqualTo("nosniff");
            assertThat(r.getHeader("X-Frame-Options")).as(what).isEqualTo("SAMEORIGIN");
            if (r.getContentType() != null && r.getContentType().startsWith("text/html")) {
                String html = r.getContentAsString();
                assertThat(html).as(what).doesNotContainPattern("<script(?![^>]*\\ssrc=)[^>]*>").doesNotContainPattern("\\son[a-z]+\\s*=")
                        .doesNotContainPattern("\\sstyle\\s*=").doesNotContain("<style", "javascript:");
            }
        }
    }

    @Test
    void longChineseNamesAreKeptWhileTheStoredNameIsAnIdAndTooManyFilesAreRefusedAsSuch() throws Exception {
        // 72-120 characters ran into the file system's 255-byte limit when the stored name carried the uploaded one.
        for (int length : List.of(120, 250)) {
            byte[] bytes = own();
            String name = "晋中市发展和改革委员会季度报表".repeat(20).substring(0, length) + ".xlsx";
            String page = page(multipart(uploadUrl()).file(form(name, bytes)).with(user(jinzhong)).with(csrf()));
            assertThat(page).contains(name.substring(0, 40)).doesNotContain("文件过大");
            Map<String, Object> row = jdbc.queryForMap("SELECT submission_id, file_name, stored_path, feedback_path FROM ops_submission "
                    + "WHERE file_name = ? ORDER BY submission_id DESC LIMIT 1", name);
            assertThat(row.get("file_name")).isEqualTo(name);
            Path stored = Path.of((String) row.get("stored_path"));
            assertThat(stored).exists().hasBinaryContent(bytes);
            assertThat(stored.getFileName().toString()).matches("[0-9a-f-]{36}\\.xlsx");
            assertThat(Path.of((String) row.get("feedback_path")).getFileName().toString().getBytes(java.nio.charset.StandardCharsets.UTF_8).length)
                    .isLessThanOrEqualTo(255);
            mvc.perform(get("/feedback/" + row.get("submission_id")).with(user(jinzhong))).andExpect(status().isOk());
        }
        // Longer than the column: the name's last 255 characters are kept.
        String tooLong = "报".repeat(300) + ".xlsx";
        page(multipart(uploadUrl()).file(form(tooLong, new byte[] {'P', 'K', 3, 4})).with(user(jinzhong)).with(csrf()));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ops_submission WHERE file_name = ?", Integer.class,
                tooLong.substring(tooLong.length() - 255))).isEqualTo(1);

        // 50 small files in one request: refused by count (not as "too large"), nothing loaded, the refusal logged.
        int submissions = jdbc.queryForObject("SELECT COUNT(*) FROM ops_submission", Integer.class);
        MockMultipartHttpServletRequestBuilder fifty = multipart(uploadUrl());
        for (int i = 0; i < 50; i++) {
            fifty.file(form("小文件" + i + ".xlsx", new byte[] {'P', 'K', 3, 4}));
        }
        String refused = page(fifty.with(user(jinzhong)).with(csrf()));
        assertThat(refused).contains("一次上传的文件太多", "选择了50个文件", "每次不超过20个").doesNotContain("文件过大");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ops_submission", Integer.class)).isEqualTo(submissions);
        assertThat(events("upload", "50个文件")).singleElement().satisfies(e -> assertThat(e.get("outcome")).isEqualTo("refused"));
    }

    @Test
    void anotherUnitsFormIsRefusedWithoutALinkThatWouldNotOpen() throws Exception {
        Path taiyuan = samples.generate(PERIOD, Files.createTempDirectory("ty"), List.of("140100")).get(0);
        String page = page(multipart(uploadUrl()).file(form("太原的表（晋中传）.xlsx", Files.readAllBytes(taiyuan))).with(user(jinzhong)).with(csrf()));
        String results = page.substring(page.indexOf("id=\"results\""), page.indexOf("</section>", page.indexOf("id=\"results\"")));
        assertThat(results).contains("已退回");
        // Every feedback link the uploader is shown opens (the refusal's own feedback says whose form it is).
        Matcher links = Pattern.compile("href=\"(/feedback/\\d+)\"").matcher(page);
        List<String> hrefs = new ArrayList<>();
        while (links.find()) {
            hrefs.add(links.group(1));
        }
        for (String href : hrefs) {
            mvc.perform(get(href).with(user(jinzhong))).andExpect(status().isOk());
        }
        assertThat(events("upload", "太原的表（晋中传）.xlsx")).singleElement().satisfies(e -> assertThat(e.get("outcome")).isEqualTo("refused"));
    }

    /** The upload form's action: the CSRF token rides in the URL too (see upload.html); MockMvc's csrf() adds it as a parameter anyway. */
    private static String uploadUrl() {
        return "/upload";
    }

    /** 晋中's filled form with a note no other file has (generated files of the same second are byte-identical: a DUPLICATE). */
    private byte[] own() throws Exception {
        Path filled = samples.generate(PERIOD, Files.createTempDirectory("jz"), List.of("140700")).get(0);
        var table = cn.zhenxing.form.FormDefinition.load().table("indicators");
        try (var in = Files.newInputStream(filled); var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(in);
             var out = new java.io.ByteArrayOutputStream()) {
            wb.getSheet(table.sheet()).getRow(table.firstDataRow() - 1)
                    .getCell(table.column("note").col().charAt(0) - 'A', org.apache.poi.ss.usermodel.Row.MissingCellPolicy.CREATE_NULL_AS_BLANK)
                    .setCellValue("测试-" + System.nanoTime());
            wb.write(out);
            return out.toByteArray();
        }
    }

    private static MockMultipartFile form(String name, byte[] bytes) {
        return new MockMultipartFile("files", name, FileDownload.XLSX.toString(), bytes);
    }

    private String page(org.springframework.test.web.servlet.RequestBuilder request) throws Exception {
        return page(request, 200);
    }

    private String page(org.springframework.test.web.servlet.RequestBuilder request, int status) throws Exception {
        return mvc.perform(request).andExpect(status().is(status)).andReturn().getResponse().getContentAsString();
    }
}
