package cn.zhenxing.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zhenxing.WarehouseFixture;
import cn.zhenxing.WarehouseTest;
import cn.zhenxing.account.PortalUser;
import cn.zhenxing.account.PortalUsers;
import java.io.ByteArrayOutputStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

/**
 * What only the real Tomcat decides, over HTTP in PortalBrowserTest's context (its database and server; an account
 * of 晋中 of its own): multipart bodies Tomcat cannot parse (no boundary, a folded part header), too many parts,
 * a file over the size limit, long Chinese file names in part headers. Each is a Chinese answer, none a 500 or an
 * English Tomcat page, and CSRF still holds for a body Tomcat refused.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import({WarehouseTest.CleanMigrate.class, WarehouseFixture.class})
@TestPropertySource(properties = {"zhenxing.test.database=zhenxing_test_browser", "zhenxing.schedules.reports-dir=target/test-browser-reports"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PortalHttpTest {

    @LocalServerPort
    int port;
    @Autowired
    WarehouseFixture warehouse;
    @Autowired
    PortalUsers users;
    @Autowired
    JdbcTemplate jdbc;

    HttpClient client;
    String csrf;

    @BeforeAll
    void signedIn() throws Exception {
        warehouse.catalogLoaded();
        users.create("http-jz", "http-jinzhong-1", "晋中市统计员", PortalUser.Role.STATISTICIAN, "140700", null);
        client = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();
        String login = send(HttpRequest.newBuilder(uri("/login")).GET().build()).body();
        String form = "username=http-jz&password=http-jinzhong-1&_csrf=" + token(login);
        HttpResponse<String> in = send(HttpRequest.newBuilder(uri("/login")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
        assertThat(in.headers().firstValue("Location").orElse("")).endsWith("/upload");
        String upload = send(HttpRequest.newBuilder(uri("/upload")).GET().build()).body();
        csrf = token(upload);
        assertThat(upload).contains("action=\"/upload?_csrf=");
    }

    URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    HttpResponse<String> send(HttpRequest request) throws Exception {
        return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    static String token(String html) {
        Matcher m = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(html);
        assertThat(m.find()).as(html).isTrue();
        return m.group(1);
    }

    HttpResponse<String> multipart(String contentType, byte[] body, boolean withToken) throws Exception {
        return send(HttpRequest.newBuilder(uri("/upload" + (withToken ? "?_csrf=" + URLEncoder.encode(csrf, StandardCharsets.UTF_8) : "")))
                .header("Content-Type", contentType).header("Accept", "text/html").POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
    }

    /** The page the answer leads to: a redirect back to the upload page is followed once. */
    String shown(HttpResponse<String> r) throws Exception {
        if (r.statusCode() == 302) {
            return send(HttpRequest.newBuilder(uri(URI.create(r.headers().firstValue("Location").orElseThrow()).getPath())).GET().build()).body();
        }
        return r.body();
    }

    static byte[] parts(String boundary, List<String> names, int bytesEach) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (String name : names) {
            out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"" + name
                    + "\"\r\nContent-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            out.writeBytes(new byte[bytesEach]);
            out.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        out.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    static void chinese400(HttpResponse<String> r) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
        assertThat(r.body()).contains("出错了（400）").containsPattern("id=\"problem\">[^<]*(上传的内容无法识别|没有收到上传的文件)")
                .doesNotContainPattern("Apache Tomcat|Whitelabel|Exception|cn\\.zhenxing|HTTP Status");
        assertThat(r.headers().firstValue("Content-Security-Policy")).hasValue(SecurityConfiguration.CONTENT_SECURITY_POLICY);
    }

    @Test
    void bodiesTomcatCannotParseAreChinese400sAndStillNeedTheToken() throws Exception {
        chinese400(multipart("multipart/form-data", "--x\r\nContent-Disposition: form-data; name=\"files\"\r\n\r\nabc\r\n--x--\r\n"
                .getBytes(StandardCharsets.UTF_8), true));
        byte[] folded = ("--b\r\nContent-Disposition: form-data;\r\n name=\"files\"; filename=\"a.xlsx\"\r\n\r\nabc\r\n--b--\r\n")
                .getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> r = multipart("multipart/form-data; boundary=b", folded, true);
        assertThat(r.statusCode()).as(r.body()).isIn(200, 302, 400);
        assertThat(shown(r)).doesNotContainPattern("Apache Tomcat|Whitelabel|Exception|HTTP Status").containsPattern("[\\u4e00-\\u9fa5]");
        chinese400(multipart("multipart/form-data; boundary=zz", "not a multipart body at all".getBytes(StandardCharsets.UTF_8), true));
        // Without the token in the URL nothing reaches the upload: Tomcat fails the body while the CSRF filter looks for the token
        // (a Chinese 400), and a well-formed body without a token is refused as a forgery (403).
        int before = jdbc.queryForObject("SELECT COUNT(*) FROM ops_security_event WHERE action = 'upload'", Integer.class);
        HttpResponse<String> broken = multipart("multipart/form-data", "--x--".getBytes(StandardCharsets.UTF_8), false);
        assertThat(broken.statusCode()).as(broken.body()).isIn(400, 403);
        assertThat(broken.body()).contains("出错了").doesNotContainPattern("Apache Tomcat|Whitelabel|Exception|HTTP Status");
        HttpResponse<String> forged = multipart("multipart/form-data; boundary=f", parts("f", List.of("a.xlsx"), 10), false);
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(forged.body()).contains("出错了（403）");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ops_security_event WHERE action = 'upload'", Integer.class)).isEqualTo(before);
    }

    @Test
    void tooManyFilesAndTooLargeOnesEachGetTheirOwnMessage() throws Exception {
        int before = jdbc.queryForObject("SELECT COUNT(*) FROM ops_submission", Integer.class);
        List<String> fifty = java.util.stream.IntStream.range(0, 50).mapToObj(i -> "晋中市季度报表第" + i + "份.xlsx").toList();
        HttpResponse<String> many = multipart("multipart/form-data; boundary=many", parts("many", fifty, 100), true);
        assertThat(many.statusCode()).isEqualTo(302);
        assertThat(shown(many)).contains("一次上传的文件太多", "不超过20个").doesNotContain("文件过大");

        HttpResponse<String> large = multipart("multipart/form-data; boundary=big", parts("big", List.of("大文件.xlsx"), 21 * 1024 * 1024), true);
        assertThat(large.statusCode()).isEqualTo(302);
        assertThat(shown(large)).contains("文件过大：单个文件不能超过20MB").doesNotContain("文件太多");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ops_submission", Integer.class)).isEqualTo(before);
        assertThat(jdbc.queryForList("SELECT detail FROM ops_security_event WHERE action = 'upload' AND outcome = 'refused'", String.class))
                .anySatisfy(d -> assertThat(d).contains("文件太多")).anySatisfy(d -> assertThat(d).contains("文件过大"));
    }

    @Test
    void aFileNameOf255ChineseCharactersPassesTomcatAndIsKept() throws Exception {
        String name = "晋".repeat(250) + ".xlsx";
        HttpResponse<String> r = multipart("multipart/form-data; boundary=long", parts("long", List.of(name), 10), true);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.body()).contains("晋".repeat(250)).doesNotContain("文件过大", "文件太多");
        String stored = jdbc.queryForObject("SELECT stored_path FROM ops_submission WHERE file_name = ?", String.class, name);
        assertThat(java.nio.file.Path.of(stored).getFileName().toString()).matches("[0-9a-f-]{36}\\.xlsx");
    }
}
