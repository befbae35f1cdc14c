package cn.zhenxing.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zhenxing.WarehouseFixture;
import cn.zhenxing.WarehouseTest;
import cn.zhenxing.ingest.IngestService;
import cn.zhenxing.mart.MartRefresher;
import cn.zhenxing.report.ReportName;
import cn.zhenxing.report.ReportService;
import cn.zhenxing.samples.SampleGenerator;
import cn.zhenxing.warehouse.Quarter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * A unit with an exception is judged by its own deadline everywhere: ingest's lateness, the
 * completeness mart, reminders and overdue notices, the portal's countdown and the report's list of
 * missing units all say the same, because all of them ask the reporting calendar.
 */
@WarehouseTest
@TestPropertySource(properties = "zhenxing.test.database=zhenxing_test_calendar")
class CalendarAgreementTest {

    static final String SUBMITS = "140400";   // 长治: excused, submits after the quarter's deadline
    static final String EXCUSED = "140500";   // 晋城: excused, has not submitted yet
    static final String MISSING = "140600";   // 朔州: no exception, nothing submitted

    @Autowired
    WarehouseFixture warehouse;
    @Autowired
    ReportingCalendar calendar;
    @Autowired
    SampleGenerator samples;
    @Autowired
    IngestService ingest;
    @Autowired
    MartRefresher marts;
    @Autowired
    ReportService reports;
    @Autowired
    JdbcTemplate jdbc;
    @TempDir
    Path dir;

    @Test
    void everyFeatureUsesTheUnitsOwnDeadline() throws Exception {
        warehouse.catalogLoaded();
        LocalDate today = LocalDate.now();
        // A quarter whose own deadline has passed, and exceptions that run a month beyond today.
        Quarter quarter = Quarter.of(today).previous().previous();
        LocalDate quarterDeadline = calendar.defaultDeadline(quarter);
        LocalDate excusedUntil = today.plusDays(30);
        assertThat(quarterDeadline).isBefore(today);
        calendar.grantException(SUBMITS, quarter, excusedUntil, "系统升级", "admin");
        calendar.grantException(EXCUSED, quarter, excusedUntil, "系统升级", "admin");

        // Ingest: received after the quarter's deadline but within the unit's own, so not late.
        Path file = samples.generate(quarter.code(), Files.createDirectories(dir.resolve("forms")), List.of(SUBMITS)).get(0);
        IngestService.Outcome outcome = ingest.ingest(List.of(file), "cli", null, null, LocalDateTime.now(), o -> { }).get(0);
        assertThat(outcome.status()).isEqualTo(IngestService.Status.ACCEPTED);
        assertThat(outcome.problems()).noneMatch(p -> p.messageZh().contains("已逾期"));
        assertThat(jdbc.queryForObject("SELECT is_late FROM ops_submission WHERE file_sha256 IS NOT NULL ORDER BY submission_id DESC LIMIT 1",
                Boolean.class)).isFalse();
        assertThat(calendar.deadline(SUBMITS, quarter)).isEqualTo(excusedUntil);
        assertThat(calendar.deadline(MISSING, quarter)).isEqualTo(quarterDeadline);

        // The completeness mart.
        marts.refresh(quarter.code(), "full", "test");
        assertThat(completeness(quarter, SUBMITS)).containsEntry("status_zh", "按时报送");
        assertThat(completeness(quarter, EXCUSED)).containsEntry("status_zh", "未到期");
        assertThat(completeness(quarter, MISSING)).containsEntry("status_zh", "未报送");
        assertThat(((java.sql.Date) completeness(quarter, EXCUSED).get("deadline")).toLocalDate()).isEqualTo(excusedUntil);

        // Reminders go to every unit without an accepted file; overdue notices and the mails' missing list only past the unit's deadline.
        assertThat(codes(calendar.withoutAcceptedFile(quarter))).contains(EXCUSED, MISSING).doesNotContain(SUBMITS);
        assertThat(codes(calendar.overdue(quarter, today))).contains(MISSING).doesNotContain(EXCUSED, SUBMITS);
        assertThat(codes(calendar.missing(quarter, today))).contains(MISSING).doesNotContain(EXCUSED, SUBMITS);

        // The portal's countdown.
        ReportingCalendar.UnitQuarter excused = unitQuarter(EXCUSED, quarter, today);
        assertThat(excused.deadline()).isEqualTo(excusedUntil);
        assertThat(excused.countdownZh()).isEqualTo("距截止还有30天");
        assertThat(unitQuarter(MISSING, quarter, today).countdownZh()).startsWith("已逾期");
        assertThat(unitQuarter(SUBMITS, quarter, today).statusZh()).isEqualTo("已接收");

        // The report's missing units.
        Path pdf = reports.render(ReportName.COMPLETENESS, quarter.code(), null, List.of("pdf"), dir.resolve("reports")).get(0);
        String text;
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            text = new PDFTextStripper().getText(doc).replaceAll("\\s+", "");
        }
        String sentence = text.substring(text.indexOf("本期未报送（或退回后未重报）："));
        sentence = sentence.substring(0, sentence.indexOf("其数据显示为"));
        assertThat(sentence).contains("朔州市发展和改革委员会").doesNotContain("晋城市发展和改革委员会", "长治市发展和改革委员会");
    }

    private Map<String, Object> completeness(Quarter quarter, String unit) {
        return jdbc.queryForMap("SELECT status_zh, deadline FROM mart_submission_completeness WHERE period_key = ? AND unit_code = ?",
                quarter.key(), unit);
    }

    private ReportingCalendar.UnitQuarter unitQuarter(String unit, Quarter quarter, LocalDate today) {
        return calendar.unitQuarters(unit, today).stream().filter(q -> q.periodCode().equals(quarter.code())).findFirst().orElseThrow();
    }

    private static List<String> codes(List<ReportingCalendar.UnitDeadline> units) {
        return units.stream().map(ReportingCalendar.UnitDeadline::unitCode).toList();
    }
}
