package cn.zhenxing.report;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zhenxing.WarehouseFixture;
import cn.zhenxing.WarehouseTest;
import cn.zhenxing.account.PortalUser;
import cn.zhenxing.mart.MartRefresher;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.ui.ExtendedModelMap;

/**
 * The 摘要 page (page 2, after the cover) of each report read back from the PDF: every figure on it
 * is recomputed here from the marts with SQL of its own, and must be printed there. Shares
 * ReportTest's warehouse (same database, same Spring context; the second ingest is a duplicate).
 */
@WarehouseTest
@TestPropertySource(properties = "zhenxing.test.database=zhenxing_test_reports")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SummaryPageTest {

    static final String PERIOD = ReportTest.PERIOD;
    static final int P = 20253;
    static final Path OUT = Path.of("target", "summary-test");
    static final String TAIHANG_PLANS = "('FYP14', 'TH2021', 'LQ2026')";

    @Autowired
    WarehouseFixture warehouse;
    @Autowired
    MartRefresher marts;
    @Autowired
    ReportService reports;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ReportsController controller;

    @BeforeAll
    void rendered() throws Exception {
        warehouse.quarterIngested(PERIOD, ReportTest.OUT.resolve("forms"), LocalDateTime.of(2025, 10, 10, 9, 0), List.of(ReportTest.MISSING_UNIT));
        marts.refreshAll("test");
        for (ReportName name : ReportName.values()) {
            reports.render(name, PERIOD, null, List.of("pdf", "xlsx"), OUT);
        }
        reports.render(ReportName.REVITALIZATION, PERIOD, "140400", List.of("pdf"), OUT);
    }

    /** The text of one page, whitespace removed (lines wrap anywhere in Chinese). */
    static String page(String file, int page) throws Exception {
        try (PDDocument doc = Loader.loadPDF(OUT.resolve(file).toFile())) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setStartPage(page);
            stripper.setEndPage(page);
            return stripper.getText(doc).replaceAll("\\s", "");
        }
    }

    static String formatted(Object value) {
        return new DecimalFormat("#,##0.##").format(((BigDecimal) value).setScale(2, RoundingMode.HALF_UP));
    }

    /** Headline counts of a scope, computed here: the five statuses, everything else 不评价. */
    Map<String, Integer> headline(String scope, String plans, String codes) {
        Map<String, Integer> c = new LinkedHashMap<>();
        for (String s : List.of("达标", "正常推进", "滞后", "严重滞后", "无数据", "不评价")) {
            c.put(s, 0);
        }
        jdbc.queryForList("SELECT status_zh, COUNT(*) AS n FROM mart_indicator_progress WHERE period_key = ? AND scope_code = ? AND plan_code IN "
                + plans + " AND indicator_code REGEXP ? GROUP BY status_zh", P, scope, codes).forEach(r -> {
                    String s = (String) r.get("status_zh");
                    c.merge(c.containsKey(s) && !s.equals("不评价") ? s : "不评价", ((Number) r.get("n")).intValue(), Integer::sum);
                });
        return c;
    }

    void headlineIsPrinted(String page, String subject, Map<String, Integer> c) {
        int total = c.values().stream().mapToInt(Integer::intValue).sum();
        assertThat(total).as("the scope has indicators").isPositive();
        assertThat(page).contains(subject + "纳入监测的" + total + "项指标中，" + (c.get("达标") + c.get("正常推进")) + "项达到或超过序时进度（达标" + c.get("达标")
                + "项、正常推进" + c.get("正常推进") + "项）；滞后" + c.get("滞后") + "项、严重滞后" + c.get("严重滞后") + "项；无数据" + c.get("无数据") + "项");
        c.forEach((status, n) -> assertThat(page).as("tile " + status).contains(n + status + "项"));
        if (c.get("不评价") > 0) {
            assertThat(page).contains("另有" + c.get("不评价") + "项不评价");
        }
    }

    /** The five most lagging indicators, by this test's own reading of the marts: names, value, expected value, gap. */
    void mostLaggingArePrintedInOrder(String page, String scope, String plans, String codes) {
        List<Map<String, Object>> lagging = jdbc.queryForList("SELECT m.indicator_name, m.value, COALESCE(m.expected_value, m.target_value) AS ref, "
                + "i.direction FROM mart_indicator_progress m JOIN dim_indicator i ON i.indicator_key = m.indicator_key WHERE m.period_key = ? "
                + "AND m.scope_code = ? AND m.plan_code IN " + plans + " AND m.indicator_code REGEXP ? AND m.status_zh IN ('滞后', '严重滞后') "
                + "ORDER BY m.status_zh = '严重滞后' DESC, m.path_ratio IS NULL, m.path_ratio, m.indicator_key LIMIT 5", P, scope, codes);
        if (lagging.isEmpty()) {
            assertThat(page).contains("没有滞后或严重滞后的指标");
            return;
        }
        String table = page.substring(page.indexOf("滞后程度最大的指标"));
        int at = 0;
        for (int i = 0; i < lagging.size(); i++) {
            Map<String, Object> r = lagging.get(i);
            String name = ((String) r.get("indicator_name")).replaceAll("\\s", "");
            BigDecimal value = (BigDecimal) r.get("value");
            BigDecimal ref = (BigDecimal) r.get("ref");
            BigDecimal gap = "lower_better".equals(r.get("direction")) ? value.subtract(ref) : ref.subtract(value);
            String row = (i + 1) + name;
            int found = table.indexOf(row, at);
            assertThat(found).as("row " + row + " in order").isGreaterThanOrEqualTo(at);
            String rest = table.substring(found + row.length());
            assertThat(rest).as(name).contains(formatted(value)).contains(formatted(ref)).contains(formatted(gap));
            at = found + row.length();
        }
    }

    /** Task counts and the five tasks furthest behind, from the marts with this test's own SQL. */
    void tasksArePrinted(String page, String plans, String regions) {
        Map<String, Object> c = jdbc.queryForMap("SELECT COUNT(*) AS n, SUM(is_lagging) AS lagging, SUM(not_started_late) AS not_started FROM mart_task_progress "
                + "WHERE period_key = ? AND plan_code IN " + plans + " AND region_code IN " + regions, P);
        assertThat(((Number) c.get("n")).intValue()).isPositive();
        assertThat(page).contains("重点任务进展" + c.get("n") + "条，滞后" + c.get("lagging") + "条（填报为滞后，或完成进度低于时间进度5个百分点以上），时间过半仍未启动"
                + c.get("not_started") + "条");
        List<Map<String, Object>> top = jdbc.queryForList("SELECT task_code, percent_done, elapsed_share_pct, behind_points FROM mart_task_progress "
                + "WHERE period_key = ? AND plan_code IN " + plans + " AND region_code IN " + regions + " AND (is_lagging OR not_started_late) "
                + "ORDER BY not_started_late DESC, COALESCE(behind_points, 0) DESC, task_code, region_code LIMIT 5", P);
        String table = page.substring(page.indexOf("进度最落后的重点任务"));
        for (int i = 0; i < top.size(); i++) {
            Map<String, Object> t = top.get(i);
            String row = (i + 1) + (String) t.get("task_code");
            assertThat(table).as("task row " + row).contains(row);
            String rest = table.substring(table.indexOf(row));
            assertThat(rest).contains(new DecimalFormat("0.#").format(t.get("elapsed_share_pct")));
            if (t.get("behind_points") != null) {
                assertThat(rest).contains(new DecimalFormat("0.#").format(t.get("behind_points")));
            }
        }
    }

    /** The units with nothing accepted are named with their number; else the page says everyone reported. */
    void missingUnitsArePrinted(String page, String cities) {
        List<String> missing = jdbc.queryForList("SELECT unit_name FROM mart_submission_completeness WHERE period_key = ? AND status_zh IN ('未报送', '已退回') "
                + "AND city_code IN " + cities + " ORDER BY city_code, unit_code", String.class, P);
        if (missing.isEmpty()) {
            assertThat(page).contains("各应报单位均已报送");
        } else {
            assertThat(page).contains("本期未报送（或退回后未重报）的单位" + missing.size() + "个：");
            missing.forEach(name -> assertThat(page).contains(name));
        }
    }

    String taihangCities() {
        return "('" + String.join("', '", jdbc.queryForList("SELECT DISTINCT r.city_code FROM bridge_area_region b JOIN dim_planning_area a "
                + "ON a.area_key = b.area_key JOIN dim_region r ON r.region_code = b.region_code AND r.is_current "
                + "WHERE a.area_code = 'TAIHANG_OLD_AREA' AND b.is_current", String.class)) + "')";
    }

    @Test
    void provinceEditionOpensWithTheSummaryOfTheTaihangArea() throws Exception {
        String page = page("revitalization-" + PERIOD + ".pdf", 2);
        assertThat(page).contains("摘要").doesNotContain("数据说明");
        headlineIsPrinted(page, "太行革命老区", headline("TAIHANG_OLD_AREA", TAIHANG_PLANS, "."));
        mostLaggingArePrintedInOrder(page, "TAIHANG_OLD_AREA", TAIHANG_PLANS, ".");
        String cities = taihangCities();
        tasksArePrinted(page, "('TH2021', 'LQ2026')", cities);
        missingUnitsArePrinted(page, cities.replace("(", "('140000', "));
        String note = page("revitalization-" + PERIOD + ".pdf", 3);
        assertThat(note).as("the data note follows on a page of its own").contains("数据说明")
                .containsPattern("数据截至\\d{4}年\\d{1,2}月\\d{1,2}日\\d{1,2}:\\d{2}（汇总更新时间）");
        try (PDDocument doc = Loader.loadPDF(OUT.resolve("completeness-" + PERIOD + ".pdf").toFile())) {
            assertThat(new PDFTextStripper().getText(doc)).as("no ISO dates").doesNotContainPattern("\\d{4}-\\d{2}-\\d{2}");
        }
    }

    @Test
    void cityEditionSummarisesItsCity() throws Exception {
        String page = page("revitalization-" + PERIOD + "-140400.pdf", 2);
        headlineIsPrinted(page, "长治市", headline("140400", TAIHANG_PLANS, "."));
        mostLaggingArePrintedInOrder(page, "140400", TAIHANG_PLANS, ".");
        tasksArePrinted(page, "('TH2021', 'LQ2026', 'FYP14', 'YR2020', 'YU2023')", "('140400')");
        missingUnitsArePrinted(page, "('140000', '140400')");
    }

    @Test
    void yellowRiverSummaryNamesTheUnitThatDidNotReport() throws Exception {
        String page = page("yellow-river-" + PERIOD + ".pdf", 2);
        String codes = YellowRiverReport.INDICATORS.codes();
        headlineIsPrinted(page, "黄河流域规划范围", headline("YR_PLAN_AREA", "('YR2020', 'FYP14')", codes));
        mostLaggingArePrintedInOrder(page, "YR_PLAN_AREA", "('YR2020', 'FYP14')", codes);
        String unit = jdbc.queryForObject("SELECT name_zh FROM dim_reporting_unit WHERE unit_code = ?", String.class, ReportTest.MISSING_UNIT);
        assertThat(page).contains(unit);
        missingUnitsArePrinted(page, "(SELECT DISTINCT city_code FROM mart_submission_completeness)");
    }

    @Test
    void completenessSummaryHasTheProvinceFigures() throws Exception {
        String page = page("completeness-" + PERIOD + ".pdf", 2);
        Map<String, Object> r = jdbc.queryForMap("SELECT * FROM mart_completeness_rate WHERE period_key = ? AND scope = 'province'", P);
        assertThat(page).contains("本期应报单位" + r.get("expected") + "个，已接收" + r.get("accepted") + "个，其中按时" + r.get("on_time") + "个、逾期"
                + r.get("late") + "个；未报送" + r.get("missing") + "个");
        assertThat(page).contains(r.get("expected") + "应报单位个", r.get("missing") + "未报送个", r.get("on_time") + "按时报送个");
    }

    @Test
    void laggardsComeFirstInTheIndicatorSheets() throws Exception {
        List<String> order = List.of("严重滞后", "滞后", "数据不全", "无数据", "正常推进", "达标");
        try (InputStream in = Files.newInputStream(OUT.resolve("revitalization-" + PERIOD + ".xlsx")); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            Sheet sheet = wb.getSheet("太行革命老区");
            List<Integer> ranks = new ArrayList<>();
            for (Row row : sheet) {
                Cell status = row.getCell(9);
                if (row.getRowNum() > XlsxSheets.TITLE_ROWS && status != null && status.getCellType() == CellType.STRING) {
                    int i = order.indexOf(status.getStringCellValue());
                    ranks.add(i < 0 ? order.size() : i);
                }
            }
            assertThat(ranks).hasSizeGreaterThan(5).isSorted();
        }
    }

    @Test
    void laggingAndStalledProjectsAreListedByName() throws Exception {
        String cities = taihangCities();
        List<Map<String, Object>> projects = jdbc.queryForList("SELECT project_name, ytd_investment_yi, cumulative_from_year FROM mart_project_progress "
                + "WHERE period_key = ? AND city_code IN " + cities + " AND (is_lagging OR is_stalled)", P);
        try (PDDocument doc = Loader.loadPDF(OUT.resolve("revitalization-" + PERIOD + ".pdf").toFile())) {
            String text = new PDFTextStripper().getText(doc).replaceAll("\\s", "");
            if (projects.isEmpty()) {
                assertThat(text).doesNotContain("滞后或停滞的项目");
                return;
            }
            assertThat(text).contains("滞后或停滞的项目" + projects.size() + "个");
            projects.forEach(p -> assertThat(text).contains(((String) p.get("project_name")).replaceAll("\\s", "")));
        }
        try (InputStream in = Files.newInputStream(OUT.resolve("revitalization-" + PERIOD + ".xlsx")); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            Sheet sheet = wb.getSheet("滞后和停滞项目");
            assertThat(sheet.getRow(XlsxSheets.TITLE_ROWS).getCell(5).getStringCellValue()).isEqualTo("累计完成");
            // 2025 is the warehouse's first year: the cumulative column stays empty rather than repeat year to date.
            for (Row row : sheet) {
                if (row.getRowNum() > XlsxSheets.TITLE_ROWS && row.getCell(0) != null) {
                    assertThat(row.getCell(4).getCellType()).isEqualTo(CellType.NUMERIC);
                    Cell cumulative = row.getCell(5);
                    assertThat(cumulative == null || cumulative.getCellType() == CellType.BLANK
                            || cumulative.getCellType() == CellType.STRING && cumulative.getStringCellValue().isBlank()).isTrue();
                }
            }
        }
    }

    /** The portal's rows for a scope, as the page's model holds them. */
    List<Map<String, Object>> portal(PortalUser user, String scope) {
        ExtendedModelMap model = new ExtendedModelMap();
        controller.progress(user, scope, null, null, PERIOD, null, null, model);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> rows = (List<Map<String, Object>>) model.get("rows");
        return rows;
    }

    /** Name, value and status of each data row of a sheet (indicator-table columns 0, 3, 9). */
    static List<String> sheetRows(String file, String sheetName) throws Exception {
        List<String> rows = new ArrayList<>();
        try (InputStream in = Files.newInputStream(OUT.resolve(file)); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            Sheet sheet = wb.getSheet(sheetName);
            assertThat(sheet).as(file + " " + sheetName).isNotNull();
            for (Row row : sheet) {
                if (row.getRowNum() > XlsxSheets.TITLE_ROWS && row.getCell(0) != null && !row.getCell(0).getStringCellValue().isBlank()) {
                    Cell value = row.getCell(3);
                    String v = value == null || value.getCellType() != CellType.NUMERIC ? "" : new BigDecimal(value.getNumericCellValue())
                            .setScale(4, RoundingMode.HALF_UP).toPlainString();
                    rows.add(row.getCell(0).getStringCellValue() + "|" + v + "|" + row.getCell(9).getStringCellValue());
                }
            }
        }
        return rows;
    }

    static List<String> portalRows(List<Map<String, Object>> rows) {
        return rows.stream().map(r -> r.get("indicator_name") + "|" + (r.get("value") == null ? ""
                : ((BigDecimal) r.get("value")).setScale(4, RoundingMode.HALF_UP).toPlainString()) + "|" + r.get("status_zh")).toList();
    }

    @Test
    void progressPageXlsxAndPdfShowTheSameIndicators() throws Exception {
        PortalUser leader = new PortalUser("leader", "x", "省领导", null, PortalUser.Role.LEADER, null, null, true);
        record Case(String scope, String xlsx, String sheet, String pdf, String subject) {
        }
        for (Case c : List.of(new Case("area:TAIHANG_OLD_AREA", "revitalization-" + PERIOD + ".xlsx", "太行革命老区", "revitalization-" + PERIOD + ".pdf", "太行革命老区"),
                new Case("area:YR_PLAN_AREA", "yellow-river-" + PERIOD + ".xlsx", "黄河流域规划范围", "yellow-river-" + PERIOD + ".pdf", "黄河流域规划范围"),
                new Case("region:140400", "revitalization-" + PERIOD + ".xlsx", "长治市", "revitalization-" + PERIOD + "-140400.pdf", "长治市"))) {
            List<Map<String, Object>> rows = portal(leader, c.scope());
            assertThat(rows).as(c.scope()).isNotEmpty();
            assertThat(sheetRows(c.xlsx(), c.sheet())).as(c.scope() + " portal = xlsx").containsExactlyElementsOf(portalRows(rows));
            assertThat(page(c.pdf(), 2)).as(c.scope() + " portal = pdf").contains(c.subject() + "纳入监测的" + rows.size() + "项指标");
        }
        // A leader of one city opens the page on that city.
        PortalUser changzhi = new PortalUser("cz", "x", "长治市领导", null, PortalUser.Role.LEADER, null, "140400", true);
        ExtendedModelMap model = new ExtendedModelMap();
        controller.progress(changzhi, null, null, null, PERIOD, null, null, model);
        assertThat(model.get("scope")).asString().contains("140400");
        assertThat(portalRows(portal(changzhi, null))).isEqualTo(portalRows(portal(leader, "region:140400")));
        // The status filter keeps that status only.
        assertThat(portal(leader, "area:TAIHANG_OLD_AREA").stream().filter(r -> "严重滞后".equals(r.get("status_zh"))).count())
                .isEqualTo(filtered(leader, "严重滞后").size());
    }

    List<Map<String, Object>> filtered(PortalUser user, String status) {
        ExtendedModelMap model = new ExtendedModelMap();
        controller.progress(user, "area:TAIHANG_OLD_AREA", null, null, PERIOD, status, null, model);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> rows = (List<Map<String, Object>>) model.get("rows");
        assertThat(rows).allMatch(r -> status.equals(r.get("status_zh")));
        return rows;
    }

    /** The days overdue of the unit that never reported, as printed in the completeness sheet of a rendered XLSX. */
    static int daysOverdueInSheet(Path xlsx, String unit) throws Exception {
        try (InputStream in = Files.newInputStream(xlsx); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            for (Row row : wb.getSheet("报送情况")) {
                if (row.getCell(0) != null && unit.equals(row.getCell(0).getStringCellValue())) {
                    assertThat(row.getCell(2).getStringCellValue()).isEqualTo("未报送");
                    return (int) row.getCell(4).getNumericCellValue();
                }
            }
        }
        throw new AssertionError(unit + " not in the sheet");
    }

    @Test
    void durationsCountToTheReportDateNotToTheRefreshOrToday() throws Exception {
        String unit = jdbc.queryForObject("SELECT name_zh FROM dim_reporting_unit WHERE unit_code = ?", String.class, ReportTest.MISSING_UNIT);
        java.time.LocalDate deadline = jdbc.queryForObject("SELECT deadline FROM mart_submission_completeness WHERE period_key = ? AND unit_code = ?",
                java.time.LocalDate.class, P, ReportTest.MISSING_UNIT);
        Integer martDays = jdbc.queryForObject("SELECT days_late FROM mart_submission_completeness WHERE period_key = ? AND unit_code = ?",
                Integer.class, P, ReportTest.MISSING_UNIT);
        // The calendar's report date of 2025Q3: 20 days after the quarter (2025-10-20), later than its deadline.
        assertThat(calendar.reportDate(cn.zhenxing.warehouse.Quarter.parse(PERIOD), java.time.LocalDate.of(2026, 12, 1)))
                .isEqualTo(java.time.LocalDate.of(2025, 10, 20));
        assertThat(calendar.reportDate(cn.zhenxing.warehouse.Quarter.parse(PERIOD), java.time.LocalDate.of(2025, 10, 18)))
                .as("rendered early: counted to the day it is rendered").isEqualTo(java.time.LocalDate.of(2025, 10, 18));
        for (java.time.LocalDate asOf : List.of(java.time.LocalDate.of(2025, 10, 20), java.time.LocalDate.of(2025, 11, 4))) {
            Path dir = OUT.resolve("as-of-" + asOf);
            reports.render(ReportName.COMPLETENESS, PERIOD, null, List.of("pdf", "xlsx"), asOf, dir);
            reports.render(ReportName.YELLOW_RIVER, PERIOD, null, List.of("pdf"), asOf, dir);
            int days = (int) java.time.temporal.ChronoUnit.DAYS.between(deadline, asOf);
            assertThat(days).as("as of " + asOf).isPositive().isNotEqualTo(martDays);
            String date = asOf.getYear() + "年" + asOf.getMonthValue() + "月" + asOf.getDayOfMonth() + "日";
            assertThat(daysOverdueInSheet(dir.resolve("completeness-" + PERIOD + ".xlsx"), unit)).isEqualTo(days);
            try (PDDocument doc = Loader.loadPDF(dir.resolve("yellow-river-" + PERIOD + ".pdf").toFile())) {
                PDFTextStripper stripper = new PDFTextStripper();
                stripper.setEndPage(1);
                assertThat(stripper.getText(doc).replaceAll("\\s", "")).as("cover").contains(date);
                stripper.setStartPage(2);
                stripper.setEndPage(3);
                String summaryAndNote = stripper.getText(doc).replaceAll("\\s", "");
                assertThat(summaryAndNote).contains(unit + "（逾期" + days + "天）").contains("报告日期" + date + "，逾期天数等时长均计算至该日");
            }
        }
        // Without a date, a render speaks of the calendar's report date, whenever it runs.
        Path dir = OUT.resolve("as-of-calendar");
        reports.render(ReportName.COMPLETENESS, PERIOD, null, List.of("xlsx"), dir);
        assertThat(daysOverdueInSheet(dir.resolve("completeness-" + PERIOD + ".xlsx"), unit))
                .isEqualTo((int) java.time.temporal.ChronoUnit.DAYS.between(deadline, java.time.LocalDate.of(2025, 10, 20)));
    }

    @Autowired
    cn.zhenxing.calendar.ReportingCalendar calendar;

    @Autowired
    org.springframework.web.context.WebApplicationContext web;
    @Autowired
    cn.zhenxing.account.PortalUsers users;

    /** The page as a signed-in leader gets it (MockMvc over this context, so the shared warehouse stays as it is). */
    org.springframework.test.web.servlet.MvcResult get(PortalUser user, String url) throws Exception {
        org.springframework.test.web.servlet.MockMvc mvc = org.springframework.test.web.servlet.setup.MockMvcBuilders.webAppContextSetup(web)
                .apply(org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity()).build();
        return mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(url)
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user(user)))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isOk()).andReturn();
    }

    /** The indicator names of the page's table, in the order shown. */
    static List<String> names(String html) {
        List<String> names = new ArrayList<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("<td class=\"name\">([^<]*)</td>").matcher(html);
        while (m.find()) {
            names.add(org.springframework.web.util.HtmlUtils.htmlUnescape(m.group(1)));
        }
        return names;
    }

    /** Name, value and status of each data row of the one sheet of a downloaded XLSX. */
    static List<String> sheetRows(byte[] xlsx) throws Exception {
        Files.createDirectories(OUT);
        Path file = Files.createTempFile(OUT, "progress", ".xlsx");
        Files.write(file, xlsx);
        String sheet;
        try (InputStream in = Files.newInputStream(file); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            assertThat(wb.getNumberOfSheets()).isEqualTo(1);
            sheet = wb.getSheetName(0);
        }
        return sheetRows(file.getFileName().toString(), sheet);
    }

    @Test
    void progressPageSortsFiltersShowsTrendsAndDownloadsWhatItShows() throws Exception {
        // Accounts of their own: the portal signs out a principal the warehouse does not hold.
        if (jdbc.queryForObject("SELECT COUNT(*) FROM ops_portal_user WHERE username = 'summary-leader'", Integer.class) == 0) {
            users.create("summary-leader", "summary-leader-secret", "省领导", PortalUser.Role.LEADER, null, null);
            users.create("summary-cz", "summary-cz-secret", "长治市领导", PortalUser.Role.LEADER, null, "140400");
        }
        PortalUser leader = users.loadUserByUsername("summary-leader");
        String base = "/reports/progress?scope=region:140400&period=" + PERIOD;
        // Default order: the report's own (the XLSX sheet of the report), laggards first.
        String html = get(leader, base).getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        List<String> reportNames = sheetRows("revitalization-" + PERIOD + ".xlsx", "长治市").stream().map(r -> r.split("\\|")[0]).toList();
        assertThat(names(html)).as("page = the report's sheet, in its order").containsExactlyElementsOf(reportNames);
        assertThat(html).contains("name=\"sort\"").contains("按差距").contains("<svg").doesNotContain("<script>");

        // By code: the codes in ascending order.
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> byCode = (List<Map<String, Object>>) get(leader, base + "&sort=code").getModelAndView().getModel().get("rows");
        List<String> codes = byCode.stream().map(r -> (String) r.get("indicator_code")).toList();
        assertThat(codes).hasSize(reportNames.size()).isSorted();
        // By gap: the relative gap, recomputed here from value and expected value (else target), largest first.
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> byGap = (List<Map<String, Object>>) get(leader, base + "&sort=gap").getModelAndView().getModel().get("rows");
        List<BigDecimal> gaps = new ArrayList<>();
        for (Map<String, Object> r : byGap) {
            BigDecimal value = (BigDecimal) r.get("value");
            BigDecimal ref = (BigDecimal) (r.get("expected_value") != null ? r.get("expected_value") : r.get("target_value"));
            if (value != null && ref != null && ref.signum() != 0) {
                BigDecimal gap = "lower_better".equals(r.get("direction")) ? value.subtract(ref) : ref.subtract(value);
                gaps.add(gap.divide(ref.abs(), 10, RoundingMode.HALF_UP));
            } else {
                gaps.add(null);
            }
        }
        int firstNull = gaps.indexOf(null);
        List<BigDecimal> scored = firstNull < 0 ? gaps : gaps.subList(0, firstNull);
        assertThat(scored).hasSizeGreaterThanOrEqualTo(2).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        assertThat(gaps.subList(scored.size(), gaps.size())).as("rows without a gap last").containsOnlyNulls();

        // The trend: every quarter of the year up to this one, with the mart's value, in each row's SVG title.
        Map<String, Object> first = byCode.stream().filter(r -> r.get("value") != null).findFirst().orElseThrow();
        List<Map<String, Object>> history = jdbc.queryForList("SELECT period_code, value FROM mart_indicator_progress WHERE scope_code = "
                + "'140400' AND indicator_code = ? AND period_key BETWEEN 20244 AND ? ORDER BY period_key", first.get("indicator_code"), P);
        String label = ((ProgressPage.Trend) first.get("trend")).label();
        assertThat(history).isNotEmpty();
        assertThat(label.split("；")).hasSize(history.size());
        for (Map<String, Object> h : history) {
            String quarter = cn.zhenxing.warehouse.Quarter.parse((String) h.get("period_code")).labelZh();
            assertThat(label).contains(quarter + (h.get("value") == null ? "无数据" : ((BigDecimal) h.get("value")).stripTrailingZeros().toPlainString()));
        }
        assertThat(html).contains("aria-label=\"" + org.springframework.web.util.HtmlUtils.htmlEscape(label) + "\"");

        // The XLSX of what is shown: the filtered and sorted rows, the same figures, a Chinese file name.
        String status = (String) byGap.get(0).get("status_zh");
        // (MockMvc encodes the URL template itself.)
        String filtered = base + "&status=" + status + "&sort=code";
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> shown = (List<Map<String, Object>>) get(leader, filtered).getModelAndView().getModel().get("rows");
        assertThat(shown).isNotEmpty().allMatch(r -> status.equals(r.get("status_zh")));
        var download = get(leader, filtered.replace("/reports/progress?", "/reports/progress.xlsx?")).getResponse();
        assertThat(download.getHeader("Content-Disposition")).contains("filename*=UTF-8''")
                .contains(java.net.URLEncoder.encode("指标进展_长治市_", java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20"));
        assertThat(sheetRows(download.getContentAsByteArray())).containsExactlyElementsOf(portalRows(shown));
        // And the whole list downloaded in the report's order is the report's sheet.
        var all = get(leader, base.replace("/reports/progress?", "/reports/progress.xlsx?")).getResponse();
        assertThat(sheetRows(all.getContentAsByteArray())).containsExactlyElementsOf(sheetRows("revitalization-" + PERIOD + ".xlsx", "长治市"));
        // A city's leader downloads the city only (长治's leader asks for 太原: 404).
        PortalUser changzhi = users.loadUserByUsername("summary-cz");
        org.springframework.test.web.servlet.MockMvc mvc = org.springframework.test.web.servlet.setup.MockMvcBuilders.webAppContextSetup(web)
                .apply(org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity()).build();
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/reports/progress.xlsx?scope=region:140100&period=" + PERIOD)
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user(changzhi)))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isNotFound());
    }

    @Autowired
    IndicatorSections indicatorSections;

    @Test
    void attainmentIsPrintedBoundedNeverAsANegativePercentage() throws Exception {
        BigDecimal cap = jdbc.queryForObject("SELECT rule_value FROM cfg_mart_rule WHERE rule_key = 'attainment.display_cap'", BigDecimal.class);
        assertThat(cap).isEqualByComparingTo("1.5");
        List<Map<String, Object>> rows = new ArrayList<>();
        for (String a : List.of("1.6", "1.5", "0.8", "-0.2")) {
            rows.add(new LinkedHashMap<>(Map.of("attainment", new BigDecimal(a))));
        }
        assertThat(indicatorSections.bounded(rows)).extracting(r -> r.get("attainment_text")).containsExactly("超额完成", null, null, "低于基期");
        // Every attainment of the report's sheets: a percentage within [0, cap], else the words.
        try (InputStream in = Files.newInputStream(OUT.resolve("revitalization-" + PERIOD + ".xlsx")); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            Sheet sheet = wb.getSheet("长治市");
            int checked = 0;
            for (Row row : sheet) {
                Cell a = row.getCell(8);
                if (row.getRowNum() <= XlsxSheets.TITLE_ROWS || a == null) {
                    continue;
                }
                if (a.getCellType() == CellType.NUMERIC) {
                    assertThat(a.getNumericCellValue()).isBetween(0.0, cap.doubleValue());
                    checked++;
                } else if (a.getCellType() == CellType.STRING && !a.getStringCellValue().isBlank()) {
                    assertThat(a.getStringCellValue()).isIn("超额完成", "低于基期");
                    checked++;
                }
            }
            assertThat(checked).isPositive();
        }
    }

    @Test
    void downloadsHaveChineseNamesTheFilesOnDiskKeepTheirs() {
        ReportFile province = new ReportFile(ReportName.REVITALIZATION, cn.zhenxing.warehouse.Quarter.parse("2025Q4"), null, "pdf");
        assertThat(province.downloadName(null)).isEqualTo("革命老区振兴发展季度监测报告_2025年第四季度.pdf");
        assertThat(province.fileName()).isEqualTo("revitalization-2025Q4.pdf");
        ReportFile city = new ReportFile(ReportName.REVITALIZATION, cn.zhenxing.warehouse.Quarter.parse("2025Q4"), "140400", "xlsx");
        assertThat(city.downloadName("长治市")).isEqualTo("革命老区振兴发展季度监测报告_2025年第四季度_长治市版.xlsx");
        assertThat(new ReportFile(ReportName.FYP_INDICATORS, cn.zhenxing.warehouse.Quarter.parse("2025Q4"), null, "pdf").downloadName(null))
                .isEqualTo("十四五规划主要指标监测季报_2025年第四季度.pdf");
    }

    @Autowired
    MapSection map;

    @Test
    void countyMapIsAVectorCartogramOfEveryCountyColouredByStatus() throws Exception {
        List<String[]> tiles = map.tiles();
        List<String> counties = jdbc.queryForList("SELECT region_code FROM dim_region WHERE is_current AND level = 'county'", String.class);
        assertThat(tiles).extracting(t -> t[0]).containsExactlyInAnyOrderElementsOf(counties);
        assertThat(tiles.stream().map(t -> t[3] + "," + t[4]).distinct().count()).as("one county per square").isEqualTo(counties.size());
        try (PDDocument doc = Loader.loadPDF(OUT.resolve("revitalization-" + PERIOD + ".pdf").toFile())) {
            int pageNo = 0;
            String text = null;
            for (int i = 1; i <= doc.getNumberOfPages() && pageNo == 0; i++) {
                String t = page("revitalization-" + PERIOD + ".pdf", i);
                if (t.contains("状态示意图")) {
                    pageNo = i;
                    text = t;
                }
            }
            assertThat(pageNo).as("a page with the 示意图").isPositive();
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("全省" + counties.size() + "个县（市、区）“([^”]+)”的状态").matcher(text);
            assertThat(m.find()).isTrue();
            String indicator = m.group(1);
            Map<String, Object> c = jdbc.queryForMap("SELECT COUNT(*) AS n, SUM(m.status_zh = '达标') AS met, SUM(m.status_zh = '严重滞后') AS serious "
                    + "FROM mart_indicator_progress m JOIN bridge_area_region b ON b.region_code = m.scope_code AND b.is_current "
                    + "JOIN dim_planning_area a ON a.area_key = b.area_key AND a.area_code = 'TAIHANG_OLD_AREA' "
                    + "WHERE m.period_key = ? AND m.scope_level = 'county' AND REPLACE(m.indicator_name, ' ', '') = ?", P, indicator);
            assertThat(text).contains("太行革命老区的" + c.get("n") + "个县（市、区）加粗框出");
            if (((Number) c.get("met")).intValue() > 0) {
                assertThat(text).contains("达标" + c.get("met") + "个");
            }
            if (((Number) c.get("serious")).intValue() > 0) {
                assertThat(text).contains("严重滞后" + c.get("serious") + "个");
            }
            // The cities' 示意图 of the same indicator, with the cities' statuses counted from the mart.
            String cityPage = null;
            for (int i = pageNo; i <= doc.getNumberOfPages() && cityPage == null; i++) {
                String t = page("revitalization-" + PERIOD + ".pdf", i);
                if (t.contains("各市状态示意图")) {
                    cityPage = t;
                }
            }
            assertThat(cityPage).as("a page with the cities' 示意图").isNotNull();
            Map<String, Object> cc = jdbc.queryForMap("SELECT COUNT(*) AS n, SUM(status_zh = '达标') AS met FROM mart_indicator_progress "
                    + "WHERE period_key = ? AND scope_level = 'city' AND REPLACE(indicator_name, ' ', '') = ?", P, indicator);
            assertThat(((Number) cc.get("n")).intValue()).isEqualTo(11);
            assertThat(cityPage).contains("全省11个市“" + indicator + "”的状态");
            if (((Number) cc.get("met")).intValue() > 0) {
                assertThat(cityPage.substring(cityPage.indexOf("全省11个市"))).contains("达标" + cc.get("met") + "个");
            }
            // Drawn as vector graphics: the page holds no raster image.
            org.apache.pdfbox.pdmodel.PDResources resources = doc.getPage(pageNo - 1).getResources();
            for (org.apache.pdfbox.cos.COSName name : resources.getXObjectNames()) {
                assertThat(resources.getXObject(name)).isNotInstanceOf(org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject.class);
            }
        }
    }

    @Test
    void coverBreaksTheTitleBeforeTheKindOfDocument() throws Exception {
        assertThat(ReportRenderer.coverTitle("山西省黄河流域生态保护和高质量发展季度监测报告")).isEqualTo("山西省黄河流域生态保护和高质量发展\n季度监测报告");
        assertThat(ReportRenderer.coverTitle("数据报送情况通报")).isEqualTo("数据报送情况通报");
        try (PDDocument doc = Loader.loadPDF(OUT.resolve("yellow-river-" + PERIOD + ".pdf").toFile())) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setEndPage(1);
            assertThat(stripper.getText(doc).lines().map(String::strip)).contains("山西省黄河流域生态保护和高质量发展", "季度监测报告");
        }
    }
}
