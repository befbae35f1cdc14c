package cn.zhenxing.cli;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zhenxing.WarehouseTest;
import cn.zhenxing.account.PortalUsers;
import cn.zhenxing.cli.CliTest.Run;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import picocli.CommandLine.IFactory;

/** What a user who types a wrong argument sees: exit code 2 and a Chinese message that says what to type. */
@WarehouseTest
class CliUsageTest {

    @Autowired
    ZhenxingCommand root;
    @Autowired
    IFactory factory;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PortalUsers users;

    @TempDir
    Path dir;

    Run run(String... args) {
        return CliTest.execute(root, factory, args);
    }

    @BeforeEach
    void catalogLoaded() {
        assertThat(run("catalog", "load").exitCode()).isZero();
    }

    @Test
    void helpWithoutSpringIsTheSameHelpForEveryCommand() {
        List<List<String>> paths = new java.util.ArrayList<>();
        collect(CliRunner.newCommandLine(root, factory), new java.util.ArrayList<>(), paths);
        assertThat(paths).hasSizeGreaterThan(20).contains(List.of("files", "prune"), List.of("catalog", "show"));
        for (List<String> path : paths) {
            List<String> args = new java.util.ArrayList<>(path);
            args.add("--help");
            String[] argv = args.toArray(String[]::new);
            assertThat(HelpWithoutSpring.answers(argv)).isTrue();
            java.io.StringWriter out = new java.io.StringWriter();
            int code = HelpWithoutSpring.run(argv, new java.io.PrintWriter(out, true), new java.io.PrintWriter(new java.io.StringWriter(), true));
            assertThat(code).as(path.toString()).isZero();
            assertThat(out.toString()).as(path.toString()).isEqualTo(run(argv).out()).contains("Usage: zhenxing");
        }
        java.io.StringWriter out = new java.io.StringWriter();
        String[] odd = {"ingest", "--bogus", "--help"};
        assertThat(HelpWithoutSpring.run(odd, new java.io.PrintWriter(out, true), new java.io.PrintWriter(new java.io.StringWriter(), true)))
                .isEqualTo(run(odd).exitCode());
        assertThat(out.toString()).isEqualTo(run(odd).out());
        assertThat(HelpWithoutSpring.answers(new String[] {"catalog", "show", "areas"})).isFalse();
    }

    private static void collect(picocli.CommandLine cli, List<String> path, List<List<String>> paths) {
        if (!path.isEmpty()) {
            paths.add(List.copyOf(path));
        }
        cli.getSubcommands().forEach((name, sub) -> {
            if (sub.getCommandName().equals(name)) {
                path.add(name);
                collect(sub, path, paths);
                path.remove(path.size() - 1);
            }
        });
    }

    @Test
    void mailPollWithoutAMailboxSaysWhatToConfigure() {
        Run poll = run("mail", "poll");
        assertThat(poll.exitCode()).isEqualTo(2);
        assertThat(poll.err()).contains("未配置报表邮箱", "zhenxing.mail-intake.host");
    }

    @Test
    void badPeriodsAreUsageErrorsThatSayWhy() {
        for (List<String> command : List.of(List.of("progress", "--period", "2025Q5"), List.of("submissions", "--period", "2025Q5"),
                List.of("marts", "refresh", "--period", "2025Q5"), List.of("report", "--all", "--period", "2025Q5"),
                List.of("template", "--unit", "140400", "--period", "2025Q5"))) {
            Run bad = run(command.toArray(String[]::new));
            assertThat(bad.exitCode()).as(command.toString()).isEqualTo(2);
            assertThat(bad.err()).as(command.toString()).contains("报告期“2025Q5”无法识别，请写成 2025Q3 这样的年份加季度");
            assertThat(bad.out()).as(command + ": no empty table").doesNotContain("----");
        }
        for (List<String> command : List.of(List.of("progress", "--period", "2040Q1"), List.of("submissions", "--period", "2014Q4"),
                List.of("samples", "generate", "--period", "2040Q1", "--out", dir.toString()))) {
            Run outside = run(command.toArray(String[]::new));
            assertThat(outside.exitCode()).as(command.toString()).isEqualTo(2);
            assertThat(outside.err()).as(command.toString()).contains("不在规划目录的年份范围内（2015–2035 年）").doesNotContain("无法识别");
        }
    }

    @Test
    void areasAndRegionsAreFoundByWhatUsersTypeAndAmbiguityListsTheCandidates() {
        Run ambiguousArea = run("progress", "--period", "2025Q4", "--area", "黄河");
        assertThat(ambiguousArea.exitCode()).isEqualTo(2);
        assertThat(ambiguousArea.err()).contains("“黄河”可指多个规划区域", "黄河流域规划范围（YR_PLAN_AREA）", "黄河干流19县", "请写全称或代码");

        Run ambiguousRegion = run("progress", "--period", "2025Q4", "--region", "城区");
        assertThat(ambiguousRegion.exitCode()).isEqualTo(2);
        assertThat(ambiguousRegion.err()).contains("城区（140302，阳泉市）", "城区（140502，晋城市）");

        Run unknownRegion = run("progress", "--period", "2025Q4", "--region", "火星");
        assertThat(unknownRegion.exitCode()).isEqualTo(2);
        assertThat(unknownRegion.err()).contains("未找到地区“火星”");

        Run unknownArea = run("progress", "--period", "2025Q4", "--area", "NO_SUCH_AREA");
        assertThat(unknownArea.exitCode()).isEqualTo(2);
        assertThat(unknownArea.err()).contains("未找到规划区域“NO_SUCH_AREA”");
    }

    @Test
    void messagesForUsersAreChinese() throws Exception {
        Run missing = run("ingest", dir.resolve("没有这个文件.xlsx").toString());
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("找不到文件或目录：").doesNotContain("No such file");

        Run nothing = run("ingest");
        assertThat(nothing.exitCode()).isEqualTo(2);
        assertThat(nothing.err()).contains("请给出要导入的文件或目录");

        Run report = run("report", "--name", "foo", "--period", "2025Q4");
        assertThat(report.exitCode()).isEqualTo(2);
        assertThat(report.err()).contains("没有名为“foo”的报告", "revitalization").doesNotContain("Unknown report");

        Run cityOnly = run("report", "--name", "completeness", "--period", "2025Q4", "--region", "140400");
        assertThat(cityOnly.exitCode()).isEqualTo(2);
        assertThat(cityOnly.err()).contains("只适用于 --name revitalization");

        Run preliminary = run("report", "--name", "completeness", "--period", "2025Q4", "--preliminary", "hide");
        assertThat(preliminary.exitCode()).isEqualTo(2);
        assertThat(preliminary.err()).contains("--preliminary 只能是 mark（标注初步数）或 omit（不列初步数）：hide");

        Run option = run("progress", "--period", "2025Q4", "--bogus");
        assertThat(option.exitCode()).isEqualTo(2);
        assertThat(option.err()).contains("未知的选项：--bogus", "用法见：zhenxing progress --help");

        Run required = run("progress");
        assertThat(required.exitCode()).isEqualTo(2);
        assertThat(required.err()).contains("缺少必需的选项：--period");

        Run oneOf = run("report", "--period", "2025Q4");
        assertThat(oneOf.exitCode()).isEqualTo(2);
        assertThat(oneOf.err()).contains("缺少必需的选项（任选其一）：--name 或 --all");

        Run date = run("ingest", "--dry-run", dir.toString(), "--received-on", "2026-13-01");
        assertThat(date.exitCode()).isEqualTo(2);
        assertThat(date.err()).contains("--received-on 的值“2026-13-01”无法识别，日期请写成 2026-01-10");
    }

    @Test
    void dryRunDecidesAsTheRealIngestDoesAndWritesNothing() throws Exception {
        Path forms = dir.resolve("forms");
        assertThat(run("samples", "generate", "--period", "2026Q1", "--unit", "140400", "--out", forms.toString()).exitCode()).isZero();
        Path form = Files.list(forms).findFirst().orElseThrow();
        int submissions = count();

        // A directory is read as the real ingest reads it; the arrival date decides lateness (deadline 2026-04-15).
        Run onTime = run("ingest", "--dry-run", forms.toString(), "--received-on", "2026-04-05");
        assertThat(onTime.exitCode()).as(onTime.err() + onTime.out()).isZero();
        assertThat(onTime.out()).startsWith("OK(dry-run) " + form).contains("unit=140400", "period=2026Q1").doesNotContain("已逾期");
        Run late = run("ingest", "--dry-run", forms.toString(), "--received-on", "2026-05-20");
        assertThat(late.exitCode()).isZero();
        assertThat(late.out()).contains("OK(dry-run)", "于2026-05-20收到，已逾期");

        // Another unit's form is refused in the dry run exactly as the real ingest refuses it.
        Run otherUnit = run("ingest", "--dry-run", form.toString(), "--unit", "140200", "--received-on", "2026-04-05");
        assertThat(otherUnit.exitCode()).isEqualTo(2);
        assertThat(otherUnit.out()).startsWith("REJECTED").contains("不是您所在单位的报表");
        assertThat(count()).as("dry runs write nothing").isEqualTo(submissions);

        Run real = run("ingest", form.toString(), "--unit", "140200", "--received-on", "2026-04-05");
        assertThat(real.exitCode()).isEqualTo(2);
        assertThat(problemLines(real.out())).isEqualTo(problemLines(otherUnit.out())).isNotEmpty();
        assertThat(count()).isEqualTo(submissions + 1);
    }

    @Test
    void resetPasswordPrintsANewPasswordOnceOrSetsTheGivenOne() {
        assertThat(run("users", "add", "--if-absent", "--role", "admin", "--username", "cli-reset", "--name", "测试管理员",
                "--password", "first-password-1").exitCode()).isZero();

        Run generated = run("users", "reset-password", "--username", "cli-reset");
        assertThat(generated.exitCode()).as(generated.err()).isZero();
        Matcher m = Pattern.compile("（只显示这一次）：(\\S{16})").matcher(generated.out());
        assertThat(m.find()).as(generated.out()).isTrue();
        String password = m.group(1);
        assertThat(PortalUsers.PASSWORDS.matches(password, users.loadUserByUsername("cli-reset").getPassword())).isTrue();
        assertThat(PortalUsers.PASSWORDS.matches("first-password-1", users.loadUserByUsername("cli-reset").getPassword())).isFalse();

        Run given = run("users", "reset-password", "--username", "cli-reset", "--password", "second-password-2");
        assertThat(given.exitCode()).isZero();
        assertThat(given.out()).contains("已为“cli-reset”设置新密码").doesNotContain("second-password-2");
        assertThat(PortalUsers.PASSWORDS.matches("second-password-2", users.loadUserByUsername("cli-reset").getPassword())).isTrue();

        Run tooShort = run("users", "reset-password", "--username", "cli-reset", "--password", "short");
        assertThat(tooShort.exitCode()).isEqualTo(2);
        assertThat(tooShort.err()).contains("密码至少10位");
        Run nobody = run("users", "reset-password", "--username", "no-such-user");
        assertThat(nobody.exitCode()).isEqualTo(2);
        assertThat(nobody.err()).contains("没有用户名为“no-such-user”的账号");
    }

    private int count() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM ops_submission", Integer.class);
    }

    /** The findings an ingest printed below its file lines. */
    private static List<String> problemLines(String out) {
        return out.lines().filter(l -> l.startsWith("    ")).toList();
    }
}
