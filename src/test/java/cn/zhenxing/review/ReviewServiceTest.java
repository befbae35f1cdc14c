package cn.zhenxing.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.zhenxing.WarehouseFixture;
import cn.zhenxing.WarehouseTest;
import cn.zhenxing.account.PortalUser.Role;
import cn.zhenxing.account.PortalUsers;
import cn.zhenxing.cli.CliHarness;
import cn.zhenxing.cli.ZhenxingCommand;
import cn.zhenxing.form.FormDefinition;
import cn.zhenxing.ingest.IngestService;
import cn.zhenxing.report.ReportName;
import cn.zhenxing.schedule.ScheduleActions;
import cn.zhenxing.schedule.ScheduleDefinition;
import java.time.Duration;
import java.time.Instant;
import cn.zhenxing.report.ReportService;
import cn.zhenxing.warehouse.Quarter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.test.context.TestPropertySource;
import picocli.CommandLine.IFactory;

/**
 * The round against the real warehouse: 2025Q4 of every unit ingested as units send them, then 盂县
 * (reviewed by 阳泉, then the province) returned, resubmitted, approved at both levels and locked.
 * The tests run in order on one warehouse: each starts where the previous one left the round
 * ({@link ReviewPortalTest} shares the context and works on 2025Q3).
 */
@WarehouseTest
@AutoConfigureMockMvc
@TestPropertySource(properties = {ReviewPortalTest.DATABASE, ReviewPortalTest.SMTP_HOST, ReviewPortalTest.SMTP_PORT})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReviewServiceTest {

    static final Quarter Q4 = Quarter.parse("2025Q4");
    static final LocalDateTime RECEIVED = LocalDateTime.of(2026, 1, 10, 9, 0);
    static final Reviewer YANGQUAN = new Reviewer("yq-review", "阳泉市审核员", Role.REVIEWER, "140300");
    static final Reviewer CHANGZHI = new Reviewer("cz-review", "长治市审核员", Role.REVIEWER, "140400");
    static final Reviewer PROVINCE = new Reviewer("sx-review", "省发改委审核员", Role.REVIEWER, "140000");

    @Autowired
    WarehouseFixture warehouse;
    @Autowired
    ReviewService review;
    @Autowired
    IngestService ingest;
    @Autowired
    PortalUsers users;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ReportService reports;
    @Autowired
    ScheduleActions actions;
    @Autowired
    ZhenxingCommand root;
    @Autowired
    IFactory factory;

    Path yuxianForm;

    @BeforeAll
    void quarterReceived() throws Exception {
        Path forms = Files.createTempDirectory("review-forms");
        warehouse.quarterIngested("2025Q4", forms, RECEIVED, List.of());
        yuxianForm = warehouse.forms("2025Q4", Files.createTempDirectory("review-yuxian"), List.of()).stream()
                .filter(p -> p.getFileName().toString().startsWith("140322_")).findFirst().orElseThrow();
        users.create("yq-review", "review-pass-1", "阳泉市审核员", Role.REVIEWER, "140300", null);
        users.create("cz-review", "review-pass-1", "长治市审核员", Role.REVIEWER, "140400", null);
    }

    @Test
    @Order(1)
    void whoReviewsWhomComesFromTheReportingUnits() {
        assertThat(review.chain("140322").steps()).extracting(ReviewChain.Step::reviewerUnitCode).containsExactly("140300", "140000");
        assertThat(review.chain("140400").steps()).extracting(ReviewChain.Step::reviewerUnitCode).containsExactly("140000");
        assertThat(review.chain("140000").isProvinceUnit()).isTrue();
        assertThat(review.quarter(Q4)).hasSize(13).allSatisfy(u -> assertThat(u.state()).isEqualTo(ReviewState.SUBMITTED));
        assertThat(review.queue(YANGQUAN, Q4)).extracting(UnitReview::unitCode).containsExactly("140322");
        assertThat(review.queue(PROVINCE, Q4)).extracting(UnitReview::unitCode).hasSize(11).doesNotContain("140322", "140000");
        assertThat(review.queue(CHANGZHI, Q4)).isEmpty();
        // A reviewer account is bound to a province or city unit, never to a county.
        assertThatThrownBy(() -> users.create("yx-review", "review-pass-1", "盂县审核员", Role.REVIEWER, "140322", null))
                .hasMessageContaining("审核员须绑定省或市发展改革委的填报单位");
        assertThat(users.loadUserByUsername("yq-review").unitCode()).isEqualTo("140300");
        // The view int_review_state labels its states as ReviewState does (the calendar reads the view's).
        assertThat(jdbc.queryForList("SELECT DISTINCT CONCAT(state, '=', state_zh) FROM int_review_state WHERE period_key = 20254", String.class))
                .containsExactly(ReviewState.SUBMITTED.code() + "=" + ReviewState.SUBMITTED.labelZh());
    }

    @Test
    @Order(2)
    void theCityReturnsWithAReasonAndAResubmissionIsToBeReviewedAgain() throws Exception {
        assertThatThrownBy(() -> review.act("140322", Q4, ReviewAction.APPROVE, CHANGZHI, null)).hasMessageContaining("您没有审核盂县发展和改革局报表的权限");
        assertThatThrownBy(() -> review.act("140322", Q4, ReviewAction.RETURN, YANGQUAN, " ")).hasMessageContaining("退回须写明审核意见");
        ReviewEvent returned = review.act("140322", Q4, ReviewAction.RETURN, YANGQUAN, "地区生产总值增速与上年差异过大，请核实并在备注中说明。");
        assertThat(returned.from()).isEqualTo(ReviewState.SUBMITTED);
        assertThat(returned.to()).isEqualTo(ReviewState.RETURNED);
        assertThat(returned.level()).isEqualTo(ReviewChain.Level.CITY);
        assertThat(returned.actorUsername()).isEqualTo("yq-review");
        assertThat(returned.version()).isEqualTo(1);
        assertThat(review.unit("140322", Q4).state()).isEqualTo(ReviewState.RETURNED);
        assertThat(review.queue(YANGQUAN, Q4)).isEmpty();

        IngestService.Outcome v2 = ingest(withNote(yuxianForm, "已核实：增速因新投产项目，见说明。"));
        assertThat(v2.status()).as(v2.problems().toString()).isEqualTo(IngestService.Status.ACCEPTED);
        assertThat(v2.version()).isEqualTo(2);
        UnitReview again = review.unit("140322", Q4);
        assertThat(again.state()).isEqualTo(ReviewState.SUBMITTED);
        assertThat(again.version()).isEqualTo(2);
        assertThat(again.lastReasonZh()).contains("地区生产总值增速");
        assertThat(review.queue(YANGQUAN, Q4)).extracting(UnitReview::unitCode).containsExactly("140322");
    }

    @Test
    @Order(3)
    void theProvinceApprovesOnlyAfterTheCityAndItsApprovalLocksTheUnitQuarter() throws Exception {
        assertThatThrownBy(() -> review.act("140322", Q4, ReviewAction.APPROVE, PROVINCE, null)).hasMessageContaining("须先由阳泉市发展和改革委员会审核通过");
        assertThat(review.act("140322", Q4, ReviewAction.APPROVE, YANGQUAN, null).to()).isEqualTo(ReviewState.CITY_APPROVED);
        assertThat(review.queue(PROVINCE, Q4)).extracting(UnitReview::unitCode).contains("140322");
        assertThat(review.act("140322", Q4, ReviewAction.APPROVE, PROVINCE, "同意").to()).isEqualTo(ReviewState.PROVINCE_APPROVED);
        assertThatThrownBy(() -> review.act("140322", Q4, ReviewAction.UNAPPROVE, YANGQUAN, null)).hasMessageContaining("已经省级审核通过");

        long facts = count("fact_indicator_value");
        IngestService.Outcome v3 = ingest(withNote(yuxianForm, "再次更正"));
        assertThat(v3.status()).isEqualTo(IngestService.Status.REJECTED);
        assertThat(v3.problems()).anySatisfy(p -> assertThat(p.messageZh()).contains("已经省级审核，如需修改请联系省发改委退回"));
        assertThat(count("fact_indicator_value")).isEqualTo(facts);
        assertThat(review.unit("140322", Q4).version()).isEqualTo(2);
    }

    @Test
    @Order(4)
    void anUnapprovalIsRecordedAndUnlocksAndEveryEventStaysQueryablePerSubmission() throws Exception {
        ReviewEvent withdrawn = review.act("140322", Q4, ReviewAction.UNAPPROVE, PROVINCE, "发现口径问题，撤销后复核");
        assertThat(withdrawn.from()).isEqualTo(ReviewState.PROVINCE_APPROVED);
        assertThat(withdrawn.to()).isEqualTo(ReviewState.CITY_APPROVED);
        assertThat(review.act("140322", Q4, ReviewAction.APPROVE, PROVINCE, null).to()).isEqualTo(ReviewState.PROVINCE_APPROVED);

        List<ReviewEvent> all = review.history("140322", Q4);
        assertThat(all).extracting(e -> e.action().code() + ":" + e.version() + ":" + e.to().code()).containsExactly(
                "return:1:returned", "approve:2:city_approved", "approve:2:province_approved", "unapprove:2:city_approved",
                "approve:2:province_approved");
        assertThat(review.history(all.get(0).submissionId())).hasSize(1);
        assertThat(review.history(all.get(1).submissionId())).hasSize(4).allSatisfy(e -> assertThat(e.at()).isNotNull());
    }

    @Test
    @Order(4)
    void theViewLabelsEveryStateAsTheEnumDoes() {
        List<String> pairs = jdbc.queryForList("SELECT DISTINCT CONCAT(state, '=', state_zh) FROM int_review_state", String.class);
        assertThat(pairs).hasSizeGreaterThan(1).allSatisfy(p -> assertThat(ReviewState.ofCode(p.split("=")[0]).labelZh()).isEqualTo(p.split("=")[1]));
    }

    @Test
    @Order(5)
    void noReviewActionAltersAReportedValue() throws Exception {
        String before = facts();
        String martsBefore = marts();
        // Every action on 长治, including a reason written to look like a statement.
        String sneaky = "'; UPDATE fact_indicator_value SET value = 0; --";
        review.act("140400", Q4, ReviewAction.APPROVE, PROVINCE, sneaky);
        review.act("140400", Q4, ReviewAction.UNAPPROVE, PROVINCE, sneaky);
        review.act("140400", Q4, ReviewAction.RETURN, PROVINCE, sneaky);
        assertThatThrownBy(() -> review.act("140400", Q4, ReviewAction.APPROVE, PROVINCE, sneaky)).isInstanceOf(ReviewRefusedException.class);
        assertThat(facts()).isEqualTo(before);
        assertThat(marts()).as("the marts' figures and their lineage").isEqualTo(martsBefore);
        assertThat(review.history("140400", Q4)).extracting(ReviewEvent::reasonZh).containsOnly(sneaky);
        // No statement of the feature can change a value, a submission or an event: it only inserts events and reads.
        String sql = new String(ReviewService.class.getResourceAsStream("review.sql").readAllBytes(), StandardCharsets.UTF_8);
        List<String> statements = sql.lines().filter(l -> !l.startsWith("--")).map(String::toUpperCase).toList();
        assertThat(statements).noneMatch(l -> l.matches("\\s*(UPDATE|DELETE|REPLACE|TRUNCATE|ALTER|DROP|CREATE)\\b.*") || l.contains("DUPLICATE KEY"))
                .filteredOn(l -> l.contains("INSERT")).allMatch(l -> l.startsWith("INSERT INTO OPS_REVIEW_EVENT ")).hasSize(1);
    }

    @Test
    @Order(6)
    void theCommandLineListsTheStatesAndActsWithTheAccountsAuthority() {
        CliHarness.Run list = cli("review", "list", "--period", "2025Q4");
        assertThat(list.exitCode()).as(list.err()).isZero();
        assertThat(list.out()).contains("2025年第四季度 审核情况", "最近审核意见", "共 13 个单位")
                .containsPattern("140322\\s+盂县发展和改革局\\s+省级已审核（锁定）\\s+2\\s+发现口径问题，撤销后复核")
                .containsPattern("140400\\s+长治市发展和改革委员会\\s+已退回\\s+1");
        CliHarness.Run returned = cli("review", "list", "--period", "2025Q4", "--state", "已退回");
        assertThat(returned.out()).contains("140400", "共 1 个单位").doesNotContain("140322");
        assertThat(cli("review", "list", "--period", "2025Q4", "--state", "通过").err()).contains("审核状态“通过”无法识别");

        CliHarness.Run noReason = cli("review", "return", "--unit", "140100", "--period", "2025Q4");
        assertThat(noReason.exitCode()).isEqualTo(2);
        assertThat(noReason.err()).contains("退回须写明审核意见");
        CliHarness.Run notTheirs = cli("review", "approve", "--unit", "140100", "--period", "2025Q4", "--as", "cz-review");
        assertThat(notTheirs.exitCode()).isEqualTo(2);
        assertThat(notTheirs.err()).contains("您没有审核太原市发展和改革委员会报表的权限");
        CliHarness.Run ownUnit = cli("review", "approve", "--unit", "140300", "--period", "2025Q4", "--as", "yq-review");
        assertThat(ownUnit.err()).contains("不能审核本单位的报表");
        assertThat(cli("review", "approve", "--unit", "140100", "--period", "2025Q4", "--as", "nobody").err()).contains("没有用户名为“nobody”的账号");
        assertThat(cli("review", "approve", "--unit", "149999", "--period", "2025Q4").err()).contains("没有代码为“149999”的填报单位");

        CliHarness.Run approved = cli("review", "approve", "--unit", "140100", "--period", "2025Q4");
        assertThat(approved.exitCode()).as(approved.err()).isZero();
        assertThat(approved.out()).contains("审核通过：太原市发展和改革委员会 2025年第四季度 第1版 已报送（待审核） → 省级已审核（锁定）", "命令行操作员");
        assertThat(review.history("140100", Q4)).singleElement().satisfies(e -> assertThat(e.actorUsername()).startsWith("cli:"));
        assertThat(cli("review", "approve", "--unit", "140100", "--period", "2025Q4").err()).contains("已经省级审核（锁定）");
    }

    @Test
    @Order(7)
    void theCompletenessMartCarriesTheApprovalRateAndTheReportNamesThePreliminaryFigures() throws Exception {
        // 盂县 and 太原 approved at province level, 长治 returned, the other ten submitted: live, without a refresh.
        Map<String, Object> province = jdbc.queryForMap("SELECT expected, accepted, approved, approval_rate, reporting_rate FROM mart_completeness_rate "
                + "WHERE period_code = '2025Q4' AND scope = 'province'");
        assertThat(((Number) province.get("approved")).intValue()).isEqualTo(2);
        assertThat((BigDecimal) province.get("approval_rate")).isEqualByComparingTo(new BigDecimal(2).divide(new BigDecimal(13), 4, RoundingMode.HALF_UP));
        Map<String, Object> yangquan = jdbc.queryForMap("SELECT expected, approved, approval_rate FROM mart_completeness_rate "
                + "WHERE period_code = '2025Q4' AND scope = 'city' AND city_code = '140300'");
        assertThat(((Number) yangquan.get("expected")).intValue()).isEqualTo(2);
        assertThat((BigDecimal) yangquan.get("approval_rate")).isEqualByComparingTo("0.5");
        assertThat(jdbc.queryForObject("SELECT review_state_zh FROM mart_submission_review WHERE period_code = '2025Q4' AND unit_code = '140400'",
                String.class)).isEqualTo("已退回");

        Path pdf = reports.render(ReportName.COMPLETENESS, "2025Q4", null, List.of("pdf"), Files.createTempDirectory("review-report")).get(0);
        String text;
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            text = new PDFTextStripper().getText(doc).replaceAll("\\s+", "");
        }
        assertThat(text).contains("已报送的13个单位中，2个已经省级审核；", "的数据尚未完成逐级审核，为初步数", "长治市发展和改革委员会")
                .doesNotContain("盂县发展和改革局、").containsPattern("山西省发展和改革委员会、[^。]*为初步数");
    }

    @Test
    @Order(8)
    void reviewersWithAQueueOlderThanTheScheduleAllowsAreRemindedOnceADay() throws Exception {
        users.create("sx-mail", "review-pass-1", "省发改委审核员", "sx@example.gov.cn", Role.REVIEWER, "140000", null);
        users.create("yq-mail", "review-pass-1", "阳泉市审核员", "yq@example.gov.cn", Role.REVIEWER, "140300", null);
        users.create("admin-mail", "review-pass-1", "管理员", "admin@example.gov.cn", Role.ADMIN, null, null);
        Instant inFiveDays = Instant.now().plus(Duration.ofDays(5));
        assertThat(actions.run(reminder(30), inFiveDays, List.of())).startsWith("0 reviewer reminder(s) queued");
        assertThat(actions.run(reminder(3), inFiveDays, List.of())).startsWith("2 reviewer reminder(s) queued");
        Map<String, String> bodies = new java.util.HashMap<>();
        jdbc.query("SELECT recipient_email, body FROM ops_delivery_log WHERE kind = 'review-reminder'", rs -> {
            bodies.put(rs.getString(1), rs.getString(2));
        });
        // 阳泉's only county is approved: nothing waits for its reviewer. The province's reviewers get the cities
        // still submitted (not 太原, approved, nor 长治, returned); the administrator the province's own unit.
        assertThat(bodies).containsOnlyKeys("sx@example.gov.cn", "admin@example.gov.cn");
        assertThat(bodies.get("sx@example.gov.cn")).contains("2025年第四季度 大同市发展和改革委员会（第1版，已报送（待审核），已等待5天）", "报表审核")
                .doesNotContain("2025年第四季度 太原市", "2025年第四季度 长治市", "2025年第四季度 山西省", "盂县");
        assertThat(bodies.get("admin@example.gov.cn")).contains("2025年第四季度 山西省发展和改革委员会").doesNotContain("大同市");
        assertThat(actions.run(reminder(3), inFiveDays, List.of())).as("once a day").startsWith("0 reviewer reminder(s) queued");
    }

    @Test
    @Order(9)
    void eachFigureSaysLiveWhetherItIsApprovedAndRollUpsOnlyWhenEveryUnitIs() {
        // Lineage: 阳泉's 规上工业企业数量 is the sum of its counties, 盂县 from its own form, the others from 阳泉's.
        assertThat(jdbc.queryForObject("SELECT GROUP_CONCAT(DISTINCT u.unit_code ORDER BY u.unit_code) FROM mart_indicator_source s "
                + "JOIN dim_reporting_unit u ON u.unit_key = s.unit_key JOIN dim_indicator i ON i.indicator_key = s.indicator_key "
                + "WHERE s.period_key = 20254 AND s.scope_code = '140300' AND i.indicator_code = 'FYP14-03'", String.class)).isEqualTo("140300,140322");
        assertThat(jdbc.queryForObject("SELECT MAX(source_units) FROM mart_indicator_approval WHERE period_key = 20254 AND scope_code = '140000'",
                Integer.class)).as("a province roll-up is built from every city's figures").isGreaterThanOrEqualTo(11);

        // 盂县 and 太原 are approved at province level, 阳泉 (whose form carries its other counties) not yet: a figure is
        // approved exactly when every unit it is built from is, and a preliminary one names the units still under review.
        List<String> approved = List.of("140322", "140100");
        assertThat(approval("140100")).as("太原").isNotEmpty().containsOnly("1");
        for (String scope : List.of("140322", "140300", "140000")) {
            List<String> figures = approval(scope);
            assertThat(figures.stream().filter("1"::equals).count()).as(scope).isEqualTo(builtOnlyFrom(scope, approved));
            assertThat(figures).as(scope).filteredOn(a -> !a.equals("1"))
                    .allSatisfy(a -> assertThat(a).startsWith("0:").doesNotContain("盂县", "太原"));
        }
        assertThat(approval("140300")).filteredOn(a -> !a.equals("1")).isNotEmpty().allSatisfy(a -> assertThat(a).isEqualTo("0:阳泉市发展和改革委员会"));
        assertThat(approval("140000")).filteredOn(a -> !a.equals("1")).isNotEmpty();
        long provinceBefore = approval("140000").stream().filter("1"::equals).count();

        review.act("140300", Q4, ReviewAction.APPROVE, PROVINCE, null);
        // Live, without a refresh: 阳泉's figures, its counties' and their roll-ups are approved now; the province's as far as built from these.
        assertThat(approval("140300")).isNotEmpty().containsOnly("1");
        assertThat(approval("140322")).containsOnly("1");
        List<String> province = approval("140000");
        assertThat(province.stream().filter("1"::equals).count()).isEqualTo(builtOnlyFrom("140000", List.of("140322", "140100", "140300")))
                .isGreaterThanOrEqualTo(provinceBefore);
        assertThat(province).filteredOn(a -> !a.equals("1")).isNotEmpty().allSatisfy(a -> assertThat(a).doesNotContain("阳泉", "盂县", "太原"));
    }

    /** Figures of the region (2025Q4, with a value) whose lineage lies wholly in the given units' versions. */
    private long builtOnlyFrom(String scope, List<String> units) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM (SELECT s.indicator_key FROM mart_indicator_source s "
                + "JOIN dim_reporting_unit u ON u.unit_key = s.unit_key JOIN mart_indicator_progress m ON m.period_key = s.period_key "
                + "AND m.scope_type = s.scope_type AND m.scope_code = s.scope_code AND m.indicator_key = s.indicator_key "
                + "WHERE s.period_key = 20254 AND s.scope_type = 'region' AND s.scope_code = ? AND m.value IS NOT NULL "
                + "GROUP BY s.indicator_key HAVING SUM(FIND_IN_SET(u.unit_code, ?) = 0) = 0) x", Long.class, scope, String.join(",", units));
    }

    @Test
    @Order(10)
    void theReportMarksThePreliminaryFiguresOrByItsSettingLeavesThemOut() throws Exception {
        // State: 太原, 阳泉 and 盂县 approved at province level; 长治 returned, the others submitted.
        Path dir = Files.createTempDirectory("review-preliminary");
        List<Path> marked = reports.render(ReportName.REVITALIZATION, "2025Q4", null, List.of("pdf", "xlsx"), dir.resolve("mark"));
        String text = pdfText(marked.get(0));
        List<Map<String, Object>> changzhi = tableRows("140400");
        List<Map<String, Object>> yangquan = tableRows("140300");
        long preliminary = changzhi.stream().filter(r -> "0".equals(String.valueOf(r.get("approved")))).count();
        assertThat(preliminary).isPositive();
        assertThat(yangquan).isNotEmpty().noneMatch(r -> "0".equals(String.valueOf(r.get("approved"))));
        assertThat(occurrences(citySection(text, "长治市"), "初步数")).as("长治's rows marked 初步数").isEqualTo(preliminary);
        assertThat(citySection(text, "阳泉市")).as("阳泉's figures are approved").doesNotContain("初步数")
                .contains(yangquan.stream().map(r -> ((String) r.get("indicator_name")).replaceAll("\\s", "")).toList());
        assertThat(text).contains("审核", "指标表“审核”栏标“初步数”的数值含这些单位的数据", "长治市发展和改革委员会");
        try (Workbook wb = WorkbookFactory.create(marked.get(1).toFile(), null, true)) {
            assertThat(cells(wb.getSheet("长治市"), "初步数")).isEqualTo(preliminary);
            assertThat(cells(wb.getSheet("阳泉市"), "初步数")).isZero();
            assertThat(cells(wb.getSheet("阳泉市"), "审核")).isEqualTo(1);
        }

        Path omitted = reports.render(ReportName.REVITALIZATION, "2025Q4", null, List.of("pdf"), dir.resolve("omit"),
                cn.zhenxing.report.ReportSettings.Preliminary.OMIT).get(0);
        String without = pdfText(omitted);
        String changzhiSection = citySection(without, "长治市");
        assertThat(changzhiSection).doesNotContain("初步数");
        List<String> kept = changzhi.stream().filter(r -> !"0".equals(String.valueOf(r.get("approved"))))
                .map(r -> ((String) r.get("indicator_name")).replaceAll("\\s", "")).toList();
        changzhi.stream().filter(r -> "0".equals(String.valueOf(r.get("approved")))).map(r -> ((String) r.get("indicator_name")).replaceAll("\\s", ""))
                .filter(name -> kept.stream().noneMatch(k -> k.contains(name)))
                .forEach(name -> assertThat(changzhiSection).as("omitted: " + name).doesNotContain(name));
        assertThat(citySection(without, "阳泉市")).contains(yangquan.stream().map(r -> ((String) r.get("indicator_name")).replaceAll("\\s", "")).toList());
        assertThat(without).containsPattern("按报告设置，其数据及含其数据的汇总数（初步数）未列入本报告")
                .containsPattern("[^。]*长治市发展和改革委员会[^。]*按报告设置");
    }

    /** Per figure of the region in 2025Q4 with a value: "1" approved, else "0:" and the units still under review. */
    private List<String> approval(String scope) {
        return jdbc.queryForList("SELECT CONCAT(a.approved, IF(a.approved, '', CONCAT(':', COALESCE(a.preliminary_units_zh, '')))) "
                + "FROM mart_indicator_approval a WHERE a.period_key = 20254 AND a.scope_type = 'region' AND a.scope_code = ? "
                + "AND a.approved IS NOT NULL AND a.source_units > 0", String.class, scope);
    }

    /** The rows of a city's indicator table in the revitalization report, with their approval. */
    private List<Map<String, Object>> tableRows(String city) {
        return jdbc.queryForList("SELECT m.indicator_name, CAST(a.approved AS CHAR) AS approved FROM mart_indicator_progress m "
                + "JOIN mart_indicator_approval a ON a.period_key = m.period_key AND a.scope_type = m.scope_type AND a.scope_code = m.scope_code "
                + "AND a.indicator_key = m.indicator_key WHERE m.period_key = 20254 AND m.scope_code = ? AND m.plan_code IN ('FYP14', 'TH2021', 'LQ2026')",
                city);
    }

    private static String pdfText(Path pdf) throws Exception {
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            return new PDFTextStripper().getText(doc).replaceAll("\\s+", "");
        }
    }

    /** The text of a city's part of 四、分市指标进展: from its heading to the next city's, or to 五、. */
    private static String citySection(String text, String city) {
        java.util.regex.Matcher start = java.util.regex.Pattern.compile("（[一二三四五六七八]）" + city).matcher(text);
        assertThat(start.find()).as("heading of " + city).isTrue();
        java.util.regex.Matcher end = java.util.regex.Pattern.compile("（[一二三四五六七八]）[^（]{2,6}市|五、重点任务进展").matcher(text);
        int to = end.find(start.end()) ? end.start() : text.length();
        return text.substring(start.start(), to);
    }

    private static long occurrences(String text, String word) {
        return (text.length() - text.replace(word, "").length()) / word.length();
    }

    private static long cells(org.apache.poi.ss.usermodel.Sheet sheet, String text) {
        long n = 0;
        for (org.apache.poi.ss.usermodel.Row row : sheet) {
            for (org.apache.poi.ss.usermodel.Cell cell : row) {
                n += cell.getCellType() == org.apache.poi.ss.usermodel.CellType.STRING && text.equals(cell.getStringCellValue().strip()) ? 1 : 0;
            }
        }
        return n;
    }

    private String marts() {
        return jdbc.queryForObject("SELECT CONCAT(COUNT(*), ':', COALESCE(SUM(CRC32(CONCAT_WS('|', period_key, scope_type, scope_code, indicator_key, "
                + "value, status_zh, attainment, refreshed_at))), 0)) FROM mart_indicator_progress", String.class)
                + "/" + jdbc.queryForObject("SELECT CONCAT(COUNT(*), ':', COALESCE(SUM(CRC32(CONCAT_WS('|', period_key, scope_code, indicator_key, "
                + "submission_id))), 0)) FROM mart_indicator_source", String.class);
    }

    private static ScheduleDefinition reminder(int olderThanDays) {
        return new ScheduleDefinition("review-reminder", "提醒审核员", "0 0 9 ? * MON-FRI", "Asia/Shanghai", ScheduleDefinition.Kind.REVIEW_REMINDER,
                true, List.of(), List.of(), "review-reminder.yml", ScheduleDefinition.DEFAULT_KEEP, olderThanDays);
    }

    private CliHarness.Run cli(String... args) {
        return CliHarness.execute(root, factory, args);
    }

    private String facts() {
        return jdbc.queryForObject("SELECT CONCAT(COUNT(*), ':', COALESCE(SUM(CRC32(CONCAT_WS('|', submission_id, region_key, indicator_key, period_key, "
                + "value, prior_year_value, numerator_value, denominator_value))), 0)) FROM fact_indicator_value", String.class)
                + "/" + jdbc.queryForObject("SELECT CONCAT(COUNT(*), ':', COALESCE(SUM(CRC32(CONCAT_WS('|', submission_id, status, version, is_current))), 0)) "
                + "FROM ops_submission", String.class)
                + "/" + jdbc.queryForObject("SELECT COALESCE(SUM(CRC32(CONCAT_WS('|', submission_id, task_key, status, percent_done))), 0) FROM fact_task_progress",
                String.class);
    }

    private long count(String table) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class);
    }

    private IngestService.Outcome ingest(Path file) throws Exception {
        return ingest.ingest(List.of(file), "cli", "test", null, RECEIVED.plusDays(2), o -> { }).get(0);
    }

    /** A copy of the form with a 说明 in the first indicator row's 备注: new bytes, a new version. */
    static Path withNote(Path form, String note) throws Exception {
        FormDefinition.Table t1 = FormDefinition.load().table("indicators");
        Path copy = Files.createTempDirectory("review-v").resolve(form.getFileName());
        Workbook wb;
        try (InputStream in = Files.newInputStream(form)) {
            wb = WorkbookFactory.create(in);
        }
        try (wb; OutputStream out = Files.newOutputStream(copy)) {
            wb.getSheet(t1.sheet()).getRow(t1.firstDataRow() - 1).createCell(t1.column("note").index()).setCellValue(note);
            wb.write(out);
        }
        return copy;
    }
}
