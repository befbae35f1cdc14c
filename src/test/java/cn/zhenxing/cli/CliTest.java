package cn.zhenxing.cli;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zhenxing.WarehouseTest;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import picocli.CommandLine;
import picocli.CommandLine.IFactory;

/** The CLI as a user calls it, inside the Spring context, against the real test server. */
@WarehouseTest
class CliTest {

    @Autowired
    ZhenxingCommand root;
    @Autowired
    IFactory factory;

    record Run(int exitCode, String out, String err) {}

    Run run(String... args) {
        return execute(root, factory, args);
    }

    /** Runs one command line in the test's Spring context, capturing what it prints. */
    static Run execute(ZhenxingCommand root, IFactory factory, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = CliRunner.newCommandLine(root, factory);
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void helpListsTheCommands() {
        Run help = run("--help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("catalog", "db", "demo");
        assertThat(run("catalog", "--help").out()).contains("load", "show");
    }

    @Test
    void unknownCommandIsAUsageError() {
        Run bad = run("frobnicate");
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).contains("frobnicate");
    }

    @org.junit.jupiter.api.io.TempDir
    java.nio.file.Path out;

    @Test
    void demoLoadsTheCatalogIngestsTheYearAndShowsAreas() throws Exception {
        Run demo = run("demo", "--out", out.toString());
        assertThat(demo.exitCode()).as(demo.err()).isZero();
        assertThat(demo.out()).contains("zhenxing catalog load", "Demo finished.");
        assertThat(demo.out()).contains("zhenxing samples generate --period 2025Q4");
        // 13 units a quarter; in 2025Q4 盂县 never reports. The province's monitoring forms: water and air for 2025M10-M12.
        assertThat(demo.out().lines().filter(l -> l.startsWith("ACCEPTED") && l.contains("period=2025Q")).count()).isEqualTo(4 * 13 - 1);
        assertThat(demo.out().lines().filter(l -> l.startsWith("ACCEPTED") && l.matches(".*period=2025M1[0-2] .*")).count()).isEqualTo(3 * 2);
        assertThat(demo.out().lines().filter(l -> l.startsWith("ACCEPTED")).count()).isEqualTo(4 * 13 - 1 + 3 * 2);
        assertThat(demo.out()).contains("已逾期，记为迟报");
        assertThat(demo.out()).contains("太行革命老区 2025年第四季度 指标进展");
        for (String report : List.of("revitalization", "yellow-river", "fyp-indicators", "completeness")) {
            assertThat(out.resolve("reports").resolve(report + "-2025Q4.pdf")).isNotEmptyFile();
            assertThat(out.resolve("reports").resolve(report + "-2025Q4.xlsx")).isNotEmptyFile();
        }
        assertThat(demo.out()).containsPattern("FYP14-04\\s+工业增加值占地区生产总值比重\\s+%\\s+[0-9.]+\\s+分子分母重算\\s+35/35");
        // The one planned return: 长治's file without a 说明 for a 核实 finding, then accepted with one.
        assertThat(demo.out().lines().filter(l -> l.startsWith("REJECTED"))).singleElement().asString()
                .contains("2025Q4-unexplained").contains("unit=140400");
        assertThat(demo.out()).contains("核实性审核 P01").contains("(Planned: the file is returned for a missing 说明");
        // The report's data note quotes the explained finding, and shows 人均地区生产总值 in both units with the rate.
        String note;
        try (org.apache.pdfbox.pdmodel.PDDocument pdf = org.apache.pdfbox.Loader.loadPDF(
                out.resolve("reports").resolve("revitalization-2025Q4.pdf").toFile())) {
            note = new org.apache.pdfbox.text.PDFTextStripper().getText(pdf).replaceAll("\\s+", "");
        }
        assertThat(note).contains("襄垣县“原煤产量”").contains("说明：襄垣县新建煤矿")
                .containsPattern("人均地区生产总值的规划目标以美元表述，各地填报元/人，按\\d{4}年全年人民币平均汇率（1美元兑[0-9.]+元，国家统计局）折算："
                        + "太行革命老区[0-9,]+元/人，折合[0-9,]+美元");

        Run again = run("demo", "--out", out.toString());
        assertThat(again.exitCode()).as(again.err() + again.out().lines().filter(l -> l.startsWith("[")).reduce("", (a, b) -> b)).isZero();
        assertThat(again.out().lines().filter(l -> l.startsWith("DUPLICATE")).count()).isEqualTo(4 * 13 - 1 + 3 * 2);
        assertThat(progressRows(again.out())).isEqualTo(progressRows(demo.out())).isNotEmpty();
        // A second run says nothing new: no late notice for a file received before, the same 数据截至 (no refresh).
        assertThat(again.out()).doesNotContain("已逾期").contains("Skipped: no form was accepted in this run");
        assertThat(asOfLine(again.out())).isEqualTo(asOfLine(demo.out())).contains("数据截至");
        Run unknownArea = run("progress", "--period", "2025Q4", "--area", "太行山");
        assertThat(unknownArea.exitCode()).isEqualTo(2);
        assertThat(unknownArea.err()).contains("未找到规划区域“太行山”", "黄河流域规划范围");
        Run city = run("progress", "--period", "2025Q4", "--region", "长治市", "--indicator", "FYP14-03");
        // The sample city leaves its own row of a county indicator blank: the sum of its 12 counties.
        assertThat(city.out()).containsPattern("FYP14-03\\s+规上工业企业数量\\s+户\\s+[0-9]+\\s+加总\\s+12/12");
        // Names as users type them: an unambiguous part of the name.
        Run yellowRiver = run("progress", "--period", "2025Q4", "--area", "黄河流域");
        assertThat(yellowRiver.exitCode()).as(yellowRiver.err()).isZero();
        assertThat(yellowRiver.out()).contains("黄河流域规划范围 2025年第四季度 指标进展");
        Run changzhi = run("progress", "--period", "2025Q4", "--region", "长治", "--indicator", "FYP14-03");
        assertThat(changzhi.exitCode()).as(changzhi.err()).isZero();
        assertThat(changzhi.out()).contains("长治市 2025年第四季度 指标进展");
        Run cityEdition = run("report", "--name", "revitalization", "--period", "2025Q4", "--region", "长治", "--format", "pdf",
                "--out", out.resolve("city").toString());
        assertThat(cityEdition.exitCode()).as(cityEdition.err()).isZero();
        assertThat(out.resolve("city").resolve("revitalization-2025Q4-140400.pdf")).isNotEmptyFile();
        assertThat(demo.out()).containsPattern("太行革命老区\\s+TH2021\\s+35\\s");
        assertThat(demo.out()).containsPattern("regions: counties\\s+117");

        Run areas = run("catalog", "show", "areas");
        assertThat(areas.out()).containsPattern("黄河干流19县\\s+YR2020\\s+19\\s");
        assertThat(areas.out()).containsPattern("吕梁革命老区\\s+LQ2026\\s+0\\s+0\\s+未列明");

        Run indicators = run("catalog", "show", "indicators");
        assertThat(indicators.out().lines().filter(l -> l.startsWith("FYP14-"))).hasSize(38);
        assertThat(indicators.out()).containsPattern("FYP14-02\\s+常住人口城镇化率\\s+%\\s+预期性\\s+2019\\s+59.55\\s+2025\\s+68");

        assertThat(run("catalog", "load").out()).contains("Catalog unchanged");
    }

    @Test
    void templateCommandWritesTheFormAndRejectsUnknownUnitsAndPeriods() throws Exception {
        java.nio.file.Path dir = out.resolve("forms");
        assertThat(run("catalog", "load").exitCode()).isZero();
        Run ok = run("template", "--unit", "140400", "--period", "2025Q3", "--out", dir.toString());
        assertThat(ok.exitCode()).as(ok.err()).isZero();
        java.nio.file.Path file = dir.resolve("140400_2025Q3_长治市发展和改革委员会.xlsx");
        assertThat(file).isRegularFile();
        assertThat(ok.out()).contains("[1/1] 140400  2025Q3", file.toString());

        Run unknown = run("template", "--unit", "999999", "--period", "2025Q3", "--out", dir.resolve("bad").toString());
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("未知的填报单位代码", "999999");
        assertThat(dir.resolve("bad")).doesNotExist();

        Run badPeriod = run("template", "--unit", "140400", "--period", "2025Q5", "--out", dir.resolve("bad").toString());
        assertThat(badPeriod.exitCode()).isEqualTo(2);
        assertThat(badPeriod.err()).contains("报告期");

        Run neither = run("template", "--period", "2025Q3");
        assertThat(neither.exitCode()).as("--unit or --all is required").isEqualTo(2);
    }

    /** The progress table's title line with its 数据截至 time. */
    static String asOfLine(String out) {
        return out.lines().filter(l -> l.contains("指标进展（数据截至")).findFirst().orElse("");
    }

    /** The rows of the progress table a command printed, without its as-of header line. */
    static java.util.List<String> progressRows(String out) {
        java.util.List<String> lines = out.lines().toList();
        int start = 0;
        while (start < lines.size() && !lines.get(start).contains("指标进展（数据截至")) {
            start++;
        }
        java.util.List<String> rows = new java.util.ArrayList<>();
        for (int i = start + 1; i < lines.size() && !lines.get(i).startsWith("共 "); i++) {
            rows.add(lines.get(i));
        }
        return rows;
    }
}
