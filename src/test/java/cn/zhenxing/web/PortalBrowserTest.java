package cn.zhenxing.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import cn.zhenxing.WarehouseFixture;
import cn.zhenxing.WarehouseTest;
import cn.zhenxing.account.PortalUser;
import cn.zhenxing.account.PortalUsers;
import cn.zhenxing.calendar.ReportingCalendar;
import cn.zhenxing.form.FormDefinition;
import cn.zhenxing.report.ReportName;
import cn.zhenxing.report.ReportService;
import cn.zhenxing.samples.SampleGenerator;
import cn.zhenxing.warehouse.Quarter;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

/**
 * The portal in a real headless browser (Debian's chromium and chromedriver): a statistician
 * downloads the form, uploads it with one mistake, sees the error, uploads the fixed file and sees it
 * accepted; a leader then downloads the quarter's PDF; the administrator drills down to the unit's
 * findings; and the review round of 盂县 (county submits, 阳泉 returns with a reason, the county fixes and
 * resubmits, 阳泉 approves, the province approves, a further upload is refused as locked). Each page is
 * also checked at 390 px (a phone). A screenshot of each page goes to
 * target/portal-screenshots/.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import({WarehouseTest.CleanMigrate.class, WarehouseFixture.class})
@TestPropertySource(properties = {"zhenxing.test.database=zhenxing_test_browser", "zhenxing.schedules.reports-dir=target/test-browser-reports"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PortalBrowserTest {

    /** The quarter before today's: its reporting window is always open (late if past its deadline). */
    static final String PERIOD = previousQuarter(LocalDate.now());
    static final Path SHOTS = Path.of("target", "portal-screenshots");
    static final Path DOWNLOADS = Path.of("target", "portal-downloads").toAbsolutePath();

    static String previousQuarter(LocalDate today) {
        return Quarter.of(today).previous().code();
    }

    @LocalServerPort
    int port;
    @Autowired
    WarehouseFixture warehouse;
    @Autowired
    PortalUsers users;
    @Autowired
    SampleGenerator samples;
    @Autowired
    ReportService reports;
    @Autowired
    ReportingCalendar calendar;

    WebDriver browser;

    @BeforeAll
    void browserAndAccounts() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/chromedriver")) && Files.isExecutable(Path.of("/usr/bin/chromium")),
                "needs Debian's chromium and chromium-driver (.ci/run installs them)");
        warehouse.catalogLoaded();
        users.create("changzhi", "changzhi-secret", "长治市统计员", PortalUser.Role.STATISTICIAN, "140400", null);
        users.create("leader", "leader-secret", "省领导", PortalUser.Role.LEADER, null, null);
        users.create("admin", "admin-secret-1", "省发改委管理员", PortalUser.Role.ADMIN, null, null);
        users.create("yuxian", "yuxian-secret", "盂县统计员", PortalUser.Role.STATISTICIAN, "140322", null);
        users.create("yq-review", "yangquan-secret", "阳泉市审核员", PortalUser.Role.REVIEWER, "140300", null);
        users.create("sx-review", "province-secret", "省发改委审核员", PortalUser.Role.REVIEWER, "140000", null);
        Files.createDirectories(SHOTS);
        Files.createDirectories(DOWNLOADS);
        try (var old = Files.list(DOWNLOADS)) {
            old.forEach(f -> f.toFile().delete());
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1400,1000", "--lang=zh-CN");
        options.setExperimentalOption("prefs", Map.of("download.default_directory", DOWNLOADS.toString(), "download.prompt_for_download", false));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile()).build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().implicitlyWait(Duration.ofSeconds(2));
    }

    @AfterAll
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    void shot(String name) throws Exception {
        Files.write(SHOTS.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }

    void login(String username, String password) {
        browser.get(url("/login"));
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.id("login")).click();
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> !d.getCurrentUrl().contains("/login"));
    }

    /**
     * The page as on a 390 px wide phone: nothing wider than the screen (wide tables scroll in their own
     * box). Saves a screenshot; the window is set back afterwards.
     */
    void fitsA390PxScreen(String name) throws Exception {
        Dimension wide = browser.manage().window().getSize();
        browser.manage().window().setSize(new Dimension(390, 844));
        try {
            JavascriptExecutor js = (JavascriptExecutor) browser;
            new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> ((Number) js.executeScript("return window.innerWidth")).intValue() <= 390);
            long viewport = ((Number) js.executeScript("return window.innerWidth")).longValue();
            long page = ((Number) js.executeScript("return Math.max(document.documentElement.scrollWidth, document.body.scrollWidth)")).longValue();
            shot(name + "-390px");
            assertThat(viewport).as(name + ": the window is 390 px wide").isBetween(370L, 390L);
            assertThat(page).as(name + ": page width at 390 px").isLessThanOrEqualTo(390);
        } finally {
            browser.manage().window().setSize(wide);
        }
    }

    String nav() {
        return browser.findElement(By.id("nav")).getText().strip().replaceAll("\\s+", " ");
    }

    void logout() {
        browser.findElement(By.id("logout")).click();
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions.urlContains("/login?logout"));
    }

    /** Uploads one file as the signed-in statistician and returns the result card's text. */
    String upload(Path file) {
        browser.get(url("/upload"));
        browser.findElement(By.id("files")).sendKeys(file.toAbsolutePath().toString());
        browser.findElement(By.id("submit")).click();
        new WebDriverWait(browser, Duration.ofSeconds(60)).until(ExpectedConditions.presenceOfElementLocated(By.id("results")));
        return browser.findElement(By.id("results")).getText();
    }

    /** A copy of the form with a 说明 in the first indicator row's 备注 (new bytes: a new version). */
    static Path withNote(Path form, String note, String name) throws Exception {
        FormDefinition.Table table = FormDefinition.load().table("indicators");
        Path copy = form.resolveSibling(name);
        try (InputStream in = Files.newInputStream(form); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            wb.getSheet(table.sheet()).getRow(table.firstDataRow() - 1).createCell(table.column("note").index()).setCellValue(note);
            try (OutputStream out = Files.newOutputStream(copy)) {
                wb.write(out);
            }
        }
        return copy;
    }

    /** On the reviewer's detail page of 盂县: the action's button after filling its reason field, if any. */
    void act(String action, String reason) {
        browser.get(url("/review/140322/" + PERIOD));
        if (reason != null) {
            browser.findElement(By.id(action + "-reason")).sendKeys(reason);
        }
        browser.findElement(By.id(action)).click();
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions.presenceOfElementLocated(By.id("message")));
    }

    @Test
    void aCountysQuarterIsReturnedFixedAndApprovedLevelByLevelThenLocked() throws Exception {
        Path form = samples.generate(PERIOD, Files.createTempDirectory("yuxian"), List.of("140322")).get(0);
        login("yuxian", "yuxian-secret");
        assertThat(upload(form)).contains("已接收", "第1版");
        assertThat(browser.findElement(By.id("review-" + PERIOD)).getText()).isEqualTo("已报送（待审核）");
        logout();

        // 阳泉's reviewer: the queue, the county's detail, a return with the reason.
        login("yq-review", "yangquan-secret");
        assertThat(browser.getCurrentUrl()).endsWith("/review");
        assertThat(nav()).isEqualTo("报表审核");
        browser.get(url("/review?period=" + PERIOD));
        assertThat(browser.findElement(By.id("waiting")).getText()).contains("待您审核 1 份");
        assertThat(browser.findElement(By.id("queue")).getText()).contains("盂县发展和改革局").doesNotContain("长治市");
        shot("09-review-queue");
        fitsA390PxScreen("09-review-queue");
        browser.findElement(By.id("open-140322")).click();
        assertThat(browser.findElement(By.id("review-state")).getText()).contains("已报送（待审核）", "阳泉市发展和改革委员会 → 山西省发展和改革委员会");
        assertThat(browser.findElement(By.id("versions")).getText()).contains("已接收（当前版本）");
        shot("10-review-detail");
        fitsA390PxScreen("10-review-detail");
        String reason = "规上工业企业数量与上年同期差异较大，请核实并在备注中说明。";
        act("return", reason);
        assertThat(browser.findElement(By.id("message")).getText()).contains("退回", "已报送（待审核） → 已退回");
        assertThat(browser.findElement(By.id("events")).getText()).contains(reason, "阳泉市审核员");
        assertThat(browser.findElements(By.id("approve"))).isEmpty();
        logout();

        // The county reads the reason, fixes (explains in 备注) and resubmits: to be reviewed again.
        login("yuxian", "yuxian-secret");
        assertThat(browser.findElement(By.id("review-" + PERIOD)).getText()).isEqualTo("已退回");
        assertThat(browser.findElement(By.id("review-reason-" + PERIOD)).getText()).isEqualTo(reason);
        String note = "已核实：本季度两家企业新纳入规上统计。";
        assertThat(upload(withNote(form, note, "盂县季报-已说明.xlsx"))).contains("已接收", "第2版");
        assertThat(browser.findElement(By.id("review-" + PERIOD)).getText()).isEqualTo("已报送（待审核）");
        logout();

        // 阳泉 sees the explanation and approves; the province approves after it.
        login("yq-review", "yangquan-secret");
        browser.get(url("/review/140322/" + PERIOD));
        assertThat(browser.findElement(By.id("values")).getText()).contains(note);
        act("approve", null);
        assertThat(browser.findElement(By.id("review-state")).getText()).contains("市级已审核", "第2版");
        logout();
        login("sx-review", "province-secret");
        act("approve", "同意");
        assertThat(browser.findElement(By.id("review-state")).getText()).contains("省级已审核（锁定）");
        assertThat(browser.findElement(By.id("events")).getText()).contains("市级已审核 → 省级已审核（锁定）", "省发改委审核员");
        shot("11-review-approved");
        logout();

        // Locked: the county's next upload is refused, nothing loaded.
        login("yuxian", "yuxian-secret");
        String refused = upload(withNote(form, "再改一处", "盂县季报-再改.xlsx"));
        assertThat(refused).contains("已退回", "已经省级审核，如需修改请联系省发改委退回");
        assertThat(browser.findElement(By.id("review-" + PERIOD)).getText()).isEqualTo("省级已审核（锁定）");
        assertThat(browser.findElement(By.id("history")).getText()).contains("盂县季报-已说明.xlsx", "已接收（当前版本）");
        shot("12-upload-locked");
        logout();
    }

    @Test
    void statisticianFixesAMistakeThenALeaderDownloadsTheReport() throws Exception {
        browser.get(url("/upload"));
        assertThat(browser.getCurrentUrl()).endsWith("/login");
        shot("01-login");
        login("changzhi", "changzhi-secret");
        assertThat(browser.getCurrentUrl()).endsWith("/upload");
        String label = PERIOD.substring(0, 4) + "年第" + "一二三四".charAt(PERIOD.charAt(5) - '1') + "季度";
        assertThat(browser.getPageSource()).contains("长治市发展和改革委员会 · 报表报送", label);
        assertThat(nav()).isEqualTo("报表报送");
        shot("02-upload");
        fitsA390PxScreen("02-upload");

        // Download the blank form of the quarter.
        browser.findElement(By.id("form-" + PERIOD)).click();
        Path downloaded = DOWNLOADS.resolve("140400_" + PERIOD + "_长治市发展和改革委员会.xlsx");
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> Files.exists(downloaded));
        try (InputStream in = Files.newInputStream(downloaded); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            assertThat(wb.getSheet(FormDefinition.load().table("indicators").sheet())).isNotNull();
        }

        // The filled form (as the statistician would type it) with one unit typed into a number cell.
        Path filled = samples.generate(PERIOD, Files.createTempDirectory("filled"), List.of("140400")).get(0);
        Path wrong = filled.resolveSibling("长治市季报-有误.xlsx");
        Path right = filled.resolveSibling("长治市季报-已改.xlsx");
        Files.copy(filled, right);
        FormDefinition.Table table = FormDefinition.load().table("indicators");
        try (InputStream in = Files.newInputStream(filled); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            Sheet sheet = wb.getSheet(table.sheet());
            Row row = sheet.getRow(table.firstDataRow() - 1);
            row.getCell(table.column("value").col().charAt(0) - 'A').setCellValue("12万元");
            try (OutputStream out = Files.newOutputStream(wrong)) {
                wb.write(out);
            }
        }
        // While the server checks, the button is disabled and a progress note shows (the test holds the form back to look).
        browser.findElement(By.id("files")).sendKeys(wrong.toAbsolutePath().toString());
        ((JavascriptExecutor) browser).executeScript(
                "document.getElementById('upload-form').addEventListener('submit', function (e) { e.preventDefault(); });");
        assertThat(browser.findElement(By.id("checking")).isDisplayed()).isFalse();
        browser.findElement(By.id("submit")).click();
        assertThat(browser.findElement(By.id("submit")).isEnabled()).isFalse();
        assertThat(browser.findElement(By.id("checking")).isDisplayed()).isTrue();
        assertThat(browser.findElement(By.id("checking")).getText()).contains("正在上传并校验");
        shot("03-checking");
        browser.get(url("/upload"));
        assertThat(browser.findElement(By.id("submit")).isEnabled()).isTrue();

        browser.findElement(By.id("files")).sendKeys(wrong.toAbsolutePath().toString());
        browser.findElement(By.id("submit")).click();
        new WebDriverWait(browser, Duration.ofSeconds(60)).until(ExpectedConditions.presenceOfElementLocated(By.id("results")));
        String rejected = browser.findElement(By.id("results")).getText();
        assertThat(rejected).contains("长治市季报-有误.xlsx", "已退回", "万元", table.column("value").col() + table.firstDataRow());
        WebElement error = browser.findElement(By.cssSelector("#results tr.finding-error td:nth-child(5)"));
        assertThat(error.getCssValue("color")).isEqualTo("rgba(156, 0, 6, 1)");
        shot("03-error");
        fitsA390PxScreen("03-error");

        browser.findElement(By.id("files")).sendKeys(right.toAbsolutePath().toString());
        browser.findElement(By.id("submit")).click();
        new WebDriverWait(browser, Duration.ofSeconds(60)).until(ExpectedConditions.presenceOfElementLocated(By.id("results")));
        assertThat(browser.findElement(By.id("results")).getText()).contains("长治市季报-已改.xlsx", "已接收", "第1版");
        assertThat(browser.getPageSource()).contains("已接收（当前版本）");
        if (LocalDate.now().isAfter(calendar.deadline("140400", Quarter.parse(PERIOD)))) {
            // The late file: a 提示 in the accepted card, in the page's ordinary colour, not a red error.
            WebElement late = browser.findElement(By.xpath("//*[@id='results']//tr[contains(., '已逾期')]"));
            assertThat(late.getAttribute("class")).isEqualTo("finding-notice");
            assertThat(late.findElement(By.cssSelector("td")).getText()).isEqualTo("提示");
            assertThat(late.findElement(By.cssSelector("td:nth-child(5)")).getCssValue("color")).isEqualTo("rgba(68, 68, 68, 1)");
        }
        // The history: the names the files were uploaded under, the statistician's name, the quarter in Chinese.
        String history = browser.findElement(By.id("history")).getText();
        assertThat(history).contains("长治市季报-已改.xlsx", "长治市季报-有误.xlsx", "长治市统计员", label).doesNotContain("changzhi", PERIOD);
        assertThat(browser.getPageSource()).doesNotContainPattern("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-");
        shot("04-accepted");
        fitsA390PxScreen("04-accepted");
        // The receipt downloads under the uploaded name (Content-Disposition filename*, decoded by the browser).
        browser.findElement(By.linkText("下载回执")).click();
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> java.util.Arrays.stream(DOWNLOADS.toFile().list())
                .anyMatch(f -> f.matches("长治市季报-已改_回执_\\d+\\.xlsx")));
        // Guessing another submission's id leads to a Chinese error page, not to data.
        browser.get(url("/feedback/999999"));
        assertThat(browser.getPageSource()).contains("出错了（404）", "不属于您的单位");
        assertThat(nav()).isEqualTo("报表报送");
        browser.get(url("/upload"));
        browser.findElement(By.cssSelector("button.link")).click();
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions.urlContains("/login?logout"));

        // The quarter's reports, as the scheduled run or the administrator would have rendered them.
        reports.render(ReportName.REVITALIZATION, PERIOD, null, List.of("pdf", "xlsx"), Path.of("target", "test-browser-reports", PERIOD));
        login("leader", "leader-secret");
        assertThat(browser.getCurrentUrl()).endsWith("/reports");
        assertThat(browser.getPageSource()).contains("山西省革命老区振兴发展季度监测报告", "全省版", label);
        assertThat(nav()).isEqualTo("季度报告 指标进展");
        shot("05-reports");
        fitsA390PxScreen("05-reports");
        String href = browser.findElement(By.id("file-revitalization-" + PERIOD + ".pdf")).getAttribute("href");
        String session = browser.manage().getCookieNamed("JSESSIONID").getValue();
        HttpResponse<byte[]> pdf = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(href))
                .header("Cookie", "JSESSIONID=" + session).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(new String(pdf.body(), 0, 5)).isEqualTo("%PDF-");
        // The page shows the rows of the report's table for the scope; in 2026 the Yellow River plan is the one in force.
        browser.get(url("/reports/progress?area=YR_PLAN_AREA"));
        assertThat(browser.getPageSource()).contains("黄河流域规划范围 指标进展");
        assertThat(browser.findElement(By.id("period-label")).getText()).isEqualTo(label);
        // Each indicator's trend is an inline SVG drawn by the server; sorting by code reorders the same rows.
        assertThat(browser.findElements(By.cssSelector("#progress svg.spark"))).isNotEmpty();
        int shown = browser.findElements(By.cssSelector("#progress tbody tr")).size();
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.name("sort"))).selectByValue("code");
        browser.findElement(By.name("sort")).submit();
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions.urlContains("sort=code"));
        assertThat(browser.findElements(By.cssSelector("#progress tbody tr"))).hasSize(shown);
        assertThat(browser.findElement(By.id("shown-xlsx")).getAttribute("href")).contains("/reports/progress.xlsx", "sort=code");
        shot("06-progress");
        fitsA390PxScreen("06-progress");
        // At 390 px an indicator's name keeps whole words on a line (it wrapped every two characters).
        browser.manage().window().setSize(new Dimension(390, 844));
        WebElement name = browser.findElement(By.cssSelector("#progress td.name"));
        long fontSize = Long.parseLong(name.getCssValue("font-size").replace("px", ""));
        assertThat((long) name.getSize().getWidth()).isGreaterThanOrEqualTo(10 * fontSize);
        browser.manage().window().setSize(new Dimension(1400, 1000));
        browser.findElement(By.id("logout")).click();
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions.urlContains("/login?logout"));

        // The administrator: the board with the quarter's state and 催报, a unit's files and findings.
        login("admin", "admin-secret-1");
        assertThat(browser.getCurrentUrl()).contains("/admin");
        assertThat(nav()).isEqualTo("报表审核 季度报告 指标进展 系统管理");
        browser.get(url("/admin?period=" + PERIOD));
        assertThat(browser.findElement(By.id("period-state")).getText()).contains(label, "开放报送中");
        assertThat(browser.findElements(By.id("unlock-form"))).isEmpty();
        assertThat(browser.findElements(By.id("urge-140100"))).hasSize(1);
        shot("07-admin");
        fitsA390PxScreen("07-admin");
        browser.findElement(By.id("unit-140400")).click();
        String unit = browser.findElement(By.tagName("main")).getText();
        assertThat(unit).contains("长治市发展和改革委员会 · 报送文件", "长治市季报-已改.xlsx", "长治市统计员");
        browser.findElement(By.xpath("//tr[contains(., '长治市季报-有误.xlsx')]//a[text()='查看问题']")).click();
        assertThat(browser.findElement(By.id("findings")).getText()).contains("长治市季报-有误.xlsx", "万元");
        shot("08-admin-unit");
        fitsA390PxScreen("08-admin-unit");
    }
}
