package cn.zhenxing.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zhenxing.WarehouseFixture;
import cn.zhenxing.WarehouseTest;
import cn.zhenxing.form.FormContent;
import cn.zhenxing.form.FormContentService;
import cn.zhenxing.form.FormDefinition;
import cn.zhenxing.samples.SampleGenerator;
import cn.zhenxing.warehouse.Checksums;
import cn.zhenxing.workbook.HostileFiles;
import cn.zhenxing.workbook.Problem;
import cn.zhenxing.workbook.ProblemList;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.ss.util.CellReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/** Forms round-trip through ingest into the facts; mistakes come back as precise Chinese feedback. */
@WarehouseTest
@TestPropertySource(properties = "zhenxing.test.database=zhenxing_test_ingest")
class IngestTest {

    static final FormDefinition DEF = FormDefinition.load();

    @Autowired
    WarehouseFixture warehouse;
    @Autowired
    SampleGenerator samples;
    @Autowired
    IngestService ingest;
    @Autowired
    FormContentService contents;
    @Autowired
    SubmissionProperties properties;
    @Autowired
    JdbcTemplate jdbc;
    @TempDir
    Path dir;

    @BeforeEach
    void catalogLoaded() throws Exception {
        warehouse.catalogLoaded();
    }

    IngestService.Outcome ingest(Path file) throws Exception {
        return ingest.ingest(List.of(file), "cli", "test", null, o -> { }).get(0);
    }

    Path sample(String unit, String period) throws Exception {
        Path out = Files.createDirectories(dir.resolve(unit + period + System.nanoTime()));
        return samples.generate(period, out, List.of(unit)).get(0);
    }

    @Test
    void anAdministratorsExceptionMovesTheUnitsDeadline() throws Exception {
        // 2024Q2's configured deadline is 2024-07-15; 晋城 was granted until 2024-08-31, 朔州 was not.
        jdbc.update("INSERT INTO cfg_reporting_exception (unit_key, period_key, deadline, reason_zh, granted_by) "
                + "SELECT unit_key, 20242, '2024-08-31', '系统故障', 'admin' FROM dim_reporting_unit WHERE unit_code = '140500'");
        LocalDateTime august = LocalDateTime.of(2024, 8, 1, 9, 0);
        IngestService.Outcome excused = ingest.ingest(List.of(sample("140500", "2024Q2")), "cli", "test", null, august, o -> { }).get(0);
        IngestService.Outcome late = ingest.ingest(List.of(sample("140600", "2024Q2")), "cli", "test", null, august, o -> { }).get(0);
        assertThat(excused.status()).isEqualTo(IngestService.Status.ACCEPTED);
        assertThat(excused.problems()).noneMatch(p -> p.messageZh().contains("已逾期"));
        assertThat(late.problems()).anyMatch(p -> p.messageZh().contains("截止日期为2024-07-15"));
        assertThat(jdbc.queryForList("SELECT u.unit_code FROM ops_submission s JOIN dim_reporting_unit u ON u.unit_key = s.unit_key "
                + "WHERE s.period_key = 20242 AND s.is_late", String.class)).containsExactly("140600");
    }

    @Test
    void everyUnitsFormRoundTripsIntoTheFacts() throws Exception {
        List<Path> files = samples.generate("2025Q2", Files.createDirectories(dir.resolve("all")), null);
        assertThat(files).hasSize(contents.unitCodes().size());
        for (Path file : files) {
            IngestService.Outcome o = ingest(file);
            assertThat(o.status()).as(file + ": " + o.problems()).isEqualTo(IngestService.Status.ACCEPTED);
            long id = submissionId(file);
            Map<String, BigDecimal> typed = typedValues(file);
            Map<String, BigDecimal> loaded = new HashMap<>();
            jdbc.query("SELECT r.region_code, i.indicator_code, f.value FROM fact_indicator_value f JOIN dim_region r ON r.region_key = f.region_key "
                    + "JOIN dim_indicator i ON i.indicator_key = f.indicator_key WHERE f.submission_id = ?", rs -> {
                loaded.put(rs.getString(1) + "|" + rs.getString(2), rs.getBigDecimal(3));
            }, id);
            assertThat(loaded).as(file.toString()).hasSameSizeAs(typed);
            typed.forEach((key, value) -> assertThat(loaded.get(key)).as(key).isEqualByComparingTo(value));
            FormContent content = contents.content(o.unitCode(), "2025Q2");
            assertThat(count("SELECT COUNT(*) FROM fact_task_progress WHERE submission_id = ?", id)).isEqualTo(content.tasks().size());
            assertThat(count("SELECT COUNT(*) FROM fact_project_progress WHERE submission_id = ?", id)).isEqualTo(content.projects().size());
        }
    }

    @Test
    void sameFileTwiceIsADuplicateAndANewFileSupersedes() throws Exception {
        Path v1 = sample("140400", "2024Q4");
        assertThat(ingest(v1).status()).isEqualTo(IngestService.Status.ACCEPTED);
        int facts = count("SELECT COUNT(*) FROM fact_indicator_value");
        IngestService.Outcome again = ingest(v1);
        assertThat(again.status()).isEqualTo(IngestService.Status.DUPLICATE);
        assertThat(again.version()).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM fact_indicator_value")).isEqualTo(facts);

        Path v2 = copy(v1, "v2.xlsx");
        String cell = DEF.table("indicators").column("value").col() + DEF.table("indicators").firstDataRow();
        String key = keyAtRow(v2, DEF.table("indicators").firstDataRow());
        BigDecimal before = typedValues(v1).get(key);
        BigDecimal changed = before.add(BigDecimal.ONE);
        setCell(v2, DEF.table("indicators").sheet(), cell, changed.toPlainString());
        IngestService.Outcome second = ingest(v2);
        assertThat(second.status()).as(second.problems().toString()).isEqualTo(IngestService.Status.ACCEPTED);
        assertThat(second.version()).isEqualTo(2);
        assertThat(jdbc.queryForList("SELECT status FROM ops_submission WHERE file_sha256 = ?", String.class, Checksums.sha256(v1)))
                .containsExactly("superseded");
        String[] parts = key.split("\\|");
        Map<String, Object> history = jdbc.queryForMap("SELECT value, previous_value, version FROM int_indicator_value_history "
                + "WHERE region_code = ? AND indicator_code = ? AND period_code = '2024Q4' AND is_current", parts[0], parts[1]);
        assertThat((BigDecimal) history.get("value")).isEqualByComparingTo(changed);
        assertThat((BigDecimal) history.get("previous_value")).isEqualByComparingTo(before);
        // Lineage: the current value goes back to the very cell it was typed in.
        assertThat(jdbc.queryForObject("SELECT s.value_cell FROM stg_indicator_value s JOIN ops_submission f ON f.submission_id = s.submission_id "
                + "WHERE f.is_current AND s.region_code = ? AND s.indicator_code = ? AND f.period_key = 20244", String.class, parts[0], parts[1]))
                .isEqualTo(cell);
    }

    @Test
    void mistakesAreAllReportedWithSheetCellAndFixAndNothingLoads() throws Exception {
        Path file = copy(sample("140400", "2025Q4"), "mistakes.xlsx");
        FormDefinition.Table t1 = DEF.table("indicators");
        int row = t1.firstDataRow();
        setCell(file, t1.sheet(), t1.column("value").col() + row, "12万元");
        setCell(file, t1.sheet(), t1.column("value").col() + (row + 1), "约30");
        setCell(file, t1.sheet(), t1.column("prior_value").col() + (row + 2), "-5");
        setCell(file, DEF.cover().sheet(), DEF.cover().field("filler").cell(), "");
        FormDefinition.Table t2 = DEF.table("tasks");
        setCell(file, t2.sheet(), t2.column("status").col() + t2.firstDataRow(), "进行中");
        setCell(file, t2.sheet(), t2.column("percent").col() + t2.firstDataRow(), "150");
        int facts = count("SELECT COUNT(*) FROM fact_indicator_value");

        IngestService.Outcome o = ingest(file);
        assertThat(o.status()).isEqualTo(IngestService.Status.REJECTED);
        assertThat(count("SELECT COUNT(*) FROM fact_indicator_value")).isEqualTo(facts);
        List<String> lines = o.problems().stream().filter(Problem::isError).map(Problem::describeZh).toList();
        assertThat(lines).anySatisfy(l -> assertThat(l).contains(t1.sheet() + " " + t1.column("value").col() + row).contains("“12万元”不是数字"));
        assertThat(lines).anySatisfy(l -> assertThat(l).contains("“约30”不是数字"));
        assertThat(lines).anySatisfy(l -> assertThat(l).contains("封面").contains("填表人"));
        assertThat(lines).anySatisfy(l -> assertThat(l).contains("进展状态“进行中”不是规定的选项").contains("按计划推进"));
        assertThat(lines).anySatisfy(l -> assertThat(l).contains("完成进度150超出0–100"));
        FormContent.IndicatorRow first = contents.content("140400", "2025Q4").indicators().get(0);
        assertThat(o.problems()).anySatisfy(p -> assertThat(p.contextZh()).contains(first.regionName()).contains(first.indicatorName()));

        // The feedback workbook: the submitter's own file, the wrong cell commented, the list in front.
        Path feedback = Path.of(o.feedback());
        try (Workbook wb = WorkbookFactory.create(feedback.toFile(), null, true)) {
            assertThat(wb.getSheetName(0)).isEqualTo(FeedbackWriter.ERROR_SHEET);
            Sheet t1Sheet = wb.getSheet(t1.sheet());
            CellReference ref = new CellReference(t1.column("value").col() + row);
            assertThat(t1Sheet.getRow(ref.getRow()).getCell(ref.getCol()).getCellComment().getString().getString()).contains("不是数字");
        }
    }

    /** One rule, one file: each mistake is found on its own, with where and what. */
    @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
            "header renamed     | 表1 指标季报 | G4   | 数值          | 表头应为“本期值”",
            "column added       | 表1 指标季报 | M6   | 9             | 表格右侧多出了内容",
            "duplicated row     | 表1 指标季报 | C7   | =C6           | 重复",
            "row code changed   | 表1 指标季报 | C6   | FYP14-99      | 不是下发模板中的行",
            "percent over 100   | 表2 重点任务进展 | E6 | 101        | 超出0–100",
            "zero denominator   | 表1 指标季报 | K6   | 0             | 分母值为0",
            "phone not a phone  | 封面 | H20          | 找王科长      | 联系电话",
            "date not a date    | 封面 | J20          | 十月中旬      | 不是有效日期",
            "name changed       | 表1 指标季报 | D6   | 改过的名称     | 预填的地区名称或指标名称被修改",
            "milestone invalid  | 表3 重点项目进展 | G6 | 快完了       | 形象进度“快完了”不是规定的选项",
            "ytd below quarter  | 表3 重点项目进展 | F6 | 0.01         | 小于本季度完成投资",
    })
    void eachRuleIsReportedWhereItIsBroken(String rule, String sheet, String cell, String text, String expected) throws Exception {
        Path file = copy(sample("140800", "2024Q4"), rule.replace(' ', '_') + ".xlsx");
        String value = text;
        if (text.startsWith("=")) { // copy another cell's content: makes row 7 repeat row 6's key
            value = null;
            copyRow(file, sheet, 5, 6);
        }
        if (value != null) {
            setCell(file, sheet, cell, value);
        }
        IngestService.Outcome o = ingest(file);
        assertThat(o.status()).as(rule).isEqualTo(IngestService.Status.REJECTED);
        assertThat(o.problems()).as(rule).anySatisfy(p -> {
            assertThat(p.isError()).isTrue();
            assertThat(p.messageZh() + p.contextZh()).contains(expected);
            assertThat(p.sheet()).isEqualTo(sheet);
        });
    }

    @Test
    void thousandsOfWrongRowsGiveACappedListNotAFloodedMemory() throws Exception {
        Path file = copy(sample("140900", "2024Q4"), "junk.xlsx");
        FormDefinition.Table t1 = DEF.table("indicators");
        Workbook wb;
        try (InputStream in = Files.newInputStream(file)) {
            wb = WorkbookFactory.create(in);
        }
        try (wb) {
            Sheet sheet = wb.getSheet(t1.sheet());
            int start = sheet.getLastRowNum() + 5;
            for (int i = 0; i < 3000; i++) {
                Row row = sheet.createRow(start + i);
                row.createCell(t1.column("region_code").index()).setCellValue("999999");
                row.createCell(t1.column("indicator_code").index()).setCellValue("X-" + i);
            }
            try (OutputStream out = Files.newOutputStream(file)) {
                wb.write(out);
            }
        }
        IngestService.Outcome o = ingest(file);
        assertThat(o.status()).isEqualTo(IngestService.Status.REJECTED);
        assertThat(o.problems()).hasSize(ProblemList.CAP + 1);
        assertThat(o.problems().get(ProblemList.CAP).messageZh()).startsWith("另有").contains("处问题未逐一列出");
        assertThat(o.errors() + o.warnings()).isEqualTo(ProblemList.CAP + 1);
    }

    @Test
    void aLateFileIsAWarningAndAnExplainedJumpIsAcceptedWithItsExplanation() throws Exception {
        Path q3 = sample("141000", "2025Q3");
        assertThat(ingest(q3).status()).isEqualTo(IngestService.Status.ACCEPTED);
        Path q4 = copy(sample("141000", "2025Q4"), "jump.xlsx");
        FormDefinition.Table t1 = DEF.table("indicators");
        // Find a quarterly row present in both quarters and make it jump.
        Map<String, BigDecimal> before = typedValues(q3);
        int row = t1.firstDataRow();
        while (!before.containsKey(keyAtRow(q4, row))) {
            row++;
        }
        BigDecimal previous = before.get(keyAtRow(q4, row));
        setCell(q4, t1.sheet(), t1.column("value").col() + row, previous.multiply(BigDecimal.valueOf(3)).toPlainString());
        // A 核实 finding (etl/rules P03) is accepted only with a specific 说明 in the row's 备注.
        setCell(q4, t1.sheet(), t1.column("note").col() + row, "大型项目集中投产，四季度数值大幅增加");
        IngestService.Outcome o = ingest.ingest(List.of(q4), "cli", "test", null, LocalDate.of(2026, 3, 1).atStartOfDay(), x -> { }).get(0);
        assertThat(o.status()).isEqualTo(IngestService.Status.ACCEPTED);
        assertThat(o.problems()).allSatisfy(p -> assertThat(p.isError()).isFalse());
        assertThat(o.problems()).anySatisfy(p -> assertThat(p.messageZh()).contains("逾期"));
        int jumpRow = row;
        assertThat(o.problems()).anySatisfy(p -> {
            assertThat(p.cell()).isEqualTo(t1.column("value").col() + jumpRow);
            assertThat(p.messageZh()).contains("核实性审核").contains("已说明：大型项目集中投产");
        });
        assertThat(jdbc.queryForObject("SELECT is_late FROM ops_submission WHERE file_sha256 = ?", Boolean.class, Checksums.sha256(q4))).isTrue();
    }

    @Test
    void formsOfOtherUnitsLockedPeriodsAndForeignRegionsAreRefused() throws Exception {
        Path early = sample("140600", "2026Q4");
        IngestService.Outcome tooEarly = ingest.ingest(List.of(early), "cli", "t", null, LocalDate.of(2026, 11, 1).atStartOfDay(), o -> { }).get(0);
        assertThat(tooEarly.status()).isEqualTo(IngestService.Status.REJECTED);
        assertThat(tooEarly.problems()).anySatisfy(p -> assertThat(p.messageZh()).contains("2026年第四季度的报送期尚未开始"));

        Path file = sample("140400", "2025Q1");
        IngestService.Outcome other = ingest.ingest(List.of(file), "web", "someone", "140300", o -> { }).get(0);
        assertThat(other.status()).isEqualTo(IngestService.Status.REJECTED);
        assertThat(other.problems().get(0).messageZh()).contains("不是您所在单位的报表");

        jdbc.update("INSERT INTO ops_period_lock (period_key, reason_zh) VALUES (20251, '2025年第一季度数据已审定')");
        try {
            IngestService.Outcome locked = ingest(copy(file, "locked.xlsx"));
            assertThat(locked.status()).isEqualTo(IngestService.Status.REJECTED);
            assertThat(locked.problems()).anySatisfy(p -> assertThat(p.messageZh()).contains("已锁定").contains("已审定"));
        } finally {
            jdbc.update("DELETE FROM ops_period_lock WHERE period_key = 20251");
        }

        Path foreign = copy(file, "foreign.xlsx");
        FormDefinition.Table t1 = DEF.table("indicators");
        setCell(foreign, t1.sheet(), t1.column("region_code").col() + t1.firstDataRow(), "140100");
        IngestService.Outcome outside = ingest(foreign);
        assertThat(outside.status()).isEqualTo(IngestService.Status.REJECTED);
        assertThat(outside.problems()).anySatisfy(p -> assertThat(p.messageZh()).contains("140100").contains("不在").contains("填报范围"));
    }

    @Test
    void aFormOfTheRetiredTemplateIsRefusedNamingTheVersionToDownload() throws Exception {
        Path old = copy(sample("140500", "2025Q2"), "old-template.xlsx");
        setCell(old, DEF.metaSheet(), "B2", "ZXQ-2025.1");
        assertThat(DEF.retired("ZXQ-2025.1")).isTrue();
        IngestService.Outcome o = ingest(old);
        assertThat(o.status()).isEqualTo(IngestService.Status.REJECTED);
        assertThat(o.problems()).singleElement().satisfies(p -> {
            assertThat(p.messageZh()).isEqualTo("本文件是旧版模板（ZXQ-2025.1），已停用，现行版本为“" + DEF.templateVersion() + "”。");
            assertThat(p.fixZh()).startsWith("请从系统下载" + DEF.templateVersion() + "版的本单位本期报表模板");
        });
        setCell(old, DEF.metaSheet(), "B2", "ZXQ-1999.9");
        assertThat(ingest(old).problems().get(0).messageZh()).startsWith("模板版本“ZXQ-1999.9”无法识别");
    }

    @Test
    void hostileFilesAreRefusedWithWhatToDo() throws Exception {
        Map<Path, String> expected = Map.of(
                HostileFiles.html(Files.createDirectories(dir.resolve("h"))), "网页",
                HostileFiles.csv(Files.createDirectories(dir.resolve("c"))), "文本",
                HostileFiles.encrypted(Files.createDirectories(dir.resolve("e"))), "密码",
                HostileFiles.xlsm(Files.createDirectories(dir.resolve("m"))), "宏",
                HostileFiles.zipBomb(Files.createDirectories(dir.resolve("z"))), "压缩炸弹",
                HostileFiles.truncated(sample("140400", "2025Q1")), "损坏",
                HostileFiles.xlsx(Files.createDirectories(dir.resolve("x")), "随便.xlsx"), "不是省里下发");
        for (Map.Entry<Path, String> e : expected.entrySet()) {
            IngestService.Outcome o = ingest(e.getKey());
            assertThat(o.status()).as(e.getKey().toString()).isEqualTo(IngestService.Status.REJECTED);
            assertThat(o.problems().get(0).messageZh()).as(e.getKey().toString()).contains(e.getValue());
            assertThat(Path.of(o.feedback())).exists();
        }
    }

    @Test
    void inboxMovesFilesByOutcomeAndDryRunWritesNothing() throws Exception {
        org.springframework.util.FileSystemUtils.deleteRecursively(properties.inbox());
        Files.createDirectories(properties.incoming());
        Path good = Files.copy(sample("140700", "2025Q4"), properties.incoming().resolve("晋中.xlsx"));
        Path bad = Files.copy(HostileFiles.html(Files.createDirectories(dir.resolve("hb"))), properties.incoming().resolve("网页.xls"));

        int submissions = count("SELECT COUNT(*) FROM ops_submission");
        IngestService.Outcome dry = ingest.dryRun(good);
        assertThat(dry.status()).isEqualTo(IngestService.Status.ACCEPTED);
        assertThat(dry.unitCode()).isEqualTo("140700");
        assertThat(ingest.dryRun(bad).status()).isEqualTo(IngestService.Status.REJECTED);
        assertThat(count("SELECT COUNT(*) FROM ops_submission")).as("dry run writes nothing").isEqualTo(submissions);

        List<IngestService.Outcome> outcomes = ingest.ingestInbox(o -> { });
        assertThat(outcomes).extracting(IngestService.Outcome::status)
                .containsExactlyInAnyOrder(IngestService.Status.ACCEPTED, IngestService.Status.REJECTED);
        assertThat(good).doesNotExist();
        assertThat(bad).doesNotExist();
        assertThat(properties.processed().resolve("晋中.xlsx")).exists();
        assertThat(properties.rejected().resolve("网页.xls")).exists();
        assertThat(outcomes).allSatisfy(o -> assertThat(Path.of(o.feedback()).getParent()).isEqualTo(properties.feedback().toAbsolutePath()));
    }

    @Test
    void aCountyReportingForItselfAndItsCityDisagreeingIsListed() throws Exception {
        Path city = sample("140300", "2025Q2");
        Path county = copy(sample("140322", "2025Q2"), "盂县自报.xlsx");
        FormDefinition.Table t1 = DEF.table("indicators");
        String key = keyAtRow(county, t1.firstDataRow());
        BigDecimal cityValue = typedValues(city).get(key);
        assertThat(cityValue).as("阳泉's form carries 盂县's row " + key).isNotNull();
        setCell(county, t1.sheet(), t1.column("value").col() + t1.firstDataRow(), cityValue.add(BigDecimal.TEN).toPlainString());
        assertThat(ingest(city).status()).isEqualTo(IngestService.Status.ACCEPTED);
        // The disagreement is a 核实 finding (etl/rules H03): returned without a 说明, accepted with one.
        IngestService.Outcome unexplained = ingest(county);
        assertThat(unexplained.status()).isEqualTo(IngestService.Status.REJECTED);
        assertThat(unexplained.problems()).anySatisfy(p -> assertThat(p.messageZh()).contains("H03").contains("另一单位已报送"));
        setCell(county, t1.sheet(), t1.column("note").col() + t1.firstDataRow(), "市表数据为快报数，本表为统计局年报核定数");
        assertThat(ingest(county).status()).isEqualTo(IngestService.Status.ACCEPTED);
        // Sample values do not depend on whose form carries the row: the one changed value is the only conflict.
        Map<String, Object> conflict = jdbc.queryForMap("SELECT * FROM int_county_city_conflict WHERE period_code = '2025Q2'");
        assertThat(conflict.get("region_code")).isEqualTo("140322");
        assertThat(conflict.get("indicator_code")).isEqualTo(key.split("\\|")[1]);
        assertThat((BigDecimal) conflict.get("city_unit_value")).isEqualByComparingTo(cityValue);
        assertThat((BigDecimal) conflict.get("county_unit_value")).isEqualByComparingTo(cityValue.add(BigDecimal.TEN));
    }

    private long submissionId(Path file) throws Exception {
        return jdbc.queryForObject("SELECT submission_id FROM ops_submission WHERE file_sha256 = ? AND status = 'accepted'",
                Long.class, Checksums.sha256(file));
    }

    /** What was typed in 表1's 本期值 column, read independently with POI's usermodel. */
    static Map<String, BigDecimal> typedValues(Path file) throws Exception {
        FormDefinition.Table t1 = DEF.table("indicators");
        Map<String, BigDecimal> values = new HashMap<>();
        try (Workbook wb = WorkbookFactory.create(file.toFile(), null, true)) {
            Sheet sheet = wb.getSheet(t1.sheet());
            for (Row row : sheet) {
                if (row.getRowNum() < t1.firstDataRow() - 1) {
                    continue;
                }
                Cell region = row.getCell(t1.column("region_code").index());
                Cell value = row.getCell(t1.column("value").index());
                if (region != null && value != null && value.getCellType() == CellType.NUMERIC) {
                    values.put(region.getStringCellValue() + "|" + row.getCell(t1.column("indicator_code").index()).getStringCellValue(),
                            BigDecimal.valueOf(value.getNumericCellValue()));
                }
            }
        }
        return values;
    }

    static String keyAtRow(Path file, int excelRow) throws Exception {
        FormDefinition.Table t1 = DEF.table("indicators");
        try (Workbook wb = WorkbookFactory.create(file.toFile(), null, true)) {
            Row row = wb.getSheet(t1.sheet()).getRow(excelRow - 1);
            return row.getCell(t1.column("region_code").index()).getStringCellValue() + "|"
                    + row.getCell(t1.column("indicator_code").index()).getStringCellValue();
        }
    }

    static void setCell(Path file, String sheet, String address, String text) throws Exception {
        Workbook wb;
        try (InputStream in = Files.newInputStream(file)) {
            wb = WorkbookFactory.create(in);
        }
        try (wb) {
            CellReference ref = new CellReference(address);
            Sheet s = wb.getSheet(sheet);
            Row row = s.getRow(ref.getRow()) != null ? s.getRow(ref.getRow()) : s.createRow(ref.getRow());
            Cell cell = row.getCell(ref.getCol()) != null ? row.getCell(ref.getCol()) : row.createCell(ref.getCol());
            if (text.isEmpty()) {
                row.removeCell(cell);
            } else {
                try {
                    cell.setCellValue(Double.parseDouble(text));
                } catch (NumberFormatException e) {
                    cell.setCellValue(text);
                }
            }
            try (OutputStream out = Files.newOutputStream(file)) {
                wb.write(out);
            }
        }
    }

    static void copyRow(Path file, String sheet, int from, int to) throws Exception {
        Workbook wb;
        try (InputStream in = Files.newInputStream(file)) {
            wb = WorkbookFactory.create(in);
        }
        try (wb) {
            Sheet s = wb.getSheet(sheet);
            Row source = s.getRow(from);
            Row target = s.getRow(to);
            for (Cell c : source) {
                Cell t = target.getCell(c.getColumnIndex()) != null ? target.getCell(c.getColumnIndex()) : target.createCell(c.getColumnIndex());
                if (c.getCellType() == CellType.NUMERIC) {
                    t.setCellValue(c.getNumericCellValue());
                } else if (c.getCellType() == CellType.STRING) {
                    t.setCellValue(c.getStringCellValue());
                }
            }
            try (OutputStream out = Files.newOutputStream(file)) {
                wb.write(out);
            }
        }
    }

    private Path copy(Path file, String name) throws Exception {
        return Files.copy(file, file.resolveSibling(name));
    }

    private int count(String sql, Object... args) {
        return jdbc.queryForObject(sql, Integer.class, args);
    }
}
