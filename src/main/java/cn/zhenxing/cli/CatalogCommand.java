package cn.zhenxing.cli;

import cn.zhenxing.ZhenxingProperties;
import cn.zhenxing.catalog.CatalogLoader;
import cn.zhenxing.catalog.CatalogQueries;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Scope;
import org.springframework.stereotype.Component;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code catalog load} and {@code catalog show}: the plans' reference data in the warehouse. */
@Component
@Scope("prototype")
@Command(name = "catalog", mixinStandardHelpOptions = true,
        description = "Load or show the plans' reference catalog (regions, planning areas, indicators, tasks, projects).")
class CatalogCommand implements NeedsCatalog {

    enum What { regions, areas, indicators, tasks, projects, summary }

    @Spec
    CommandSpec spec;

    private final ObjectProvider<CatalogLoader> loader;
    private final ObjectProvider<CatalogQueries> queries;
    private final ZhenxingProperties properties;

    CatalogCommand(ObjectProvider<CatalogLoader> loader, ObjectProvider<CatalogQueries> queries, ZhenxingProperties properties) {
        this.loader = loader;
        this.queries = queries;
        this.properties = properties;
    }

    @Command(name = "load", mixinStandardHelpOptions = true,
            description = "Load the catalog into the warehouse (a Spring Batch job; unchanged catalogs are not reloaded).")
    int load(@Option(names = "--dir", description = "Catalog directory (default: zhenxing.catalog.dir, else the catalog bundled in the jar).")
             String dir,
             @Option(names = "--effective-date", description = "Date from which renamed or moved regions apply (default: today).")
             LocalDate effectiveDate,
             @Option(names = "--force", description = "Run the job even if this catalog version was loaded; changes nothing that is equal.")
             boolean force) throws Exception {
        PrintWriter out = out();
        String source = dir != null ? dir : properties.catalog().dir();
        out.println("Loading catalog ...");
        out.flush();
        CatalogLoader.Result result = loader.getObject().load(source, effectiveDate, force);
        return switch (result.outcome()) {
            case ALREADY_LOADED -> {
                out.printf("Catalog unchanged: this version (%s…) from %s is already loaded. Use --force to re-check.%n",
                        result.checksum().substring(0, 12), result.source());
                yield ExitCodes.OK;
            }
            case LOADED -> {
                out.printf("Catalog loaded from %s: %d new, %d changed, %d unchanged rows.%n",
                        result.source(), result.inserted(), result.updated(), result.unchanged());
                yield ExitCodes.OK;
            }
            case FAILED -> {
                spec.commandLine().getErr().println("Catalog load failed: " + result.failure());
                yield ExitCodes.SYSTEM_FAILURE;
            }
        };
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "Print part of the loaded catalog.")
    int show(@Parameters(arity = "0..1", defaultValue = "summary",
                     description = "What to show: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).") What what,
             @Option(names = "--plan", description = "For indicators and tasks: plan code (FYP14, FYP13, YR2020, TH2021, YU2023, LQ2026). "
                     + "Without it, indicators shows the 38 main indicators of the 14th FYP (专栏2).") String plan,
             @Option(names = "--all", description = "For indicators and tasks: every plan.") boolean all) {
        CatalogQueries q = queries.getObject();
        PrintWriter out = out();
        switch (what) {
            case areas -> {
                TextTable t = new TextTable("代码", "规划区域", "规划", "县(市、区)数", "涉及市数", "规划所列县数");
                q.areas().forEach(r -> t.row(r.get("area_code"), r.get("name_zh"), r.get("plan_code"), r.get("county_count"),
                        r.get("city_count"), r.get("expected_count") == null ? "未列明" : r.get("expected_count")));
                t.print(out);
            }
            case regions -> {
                TextTable t = new TextTable("代码", "名称", "层级", "上级", "所属规划区域");
                q.regions().forEach(r -> t.row(r.get("region_code"), indent(r), r.get("level"), r.get("parent_code"), r.get("areas")));
                t.print(out);
            }
            case indicators -> {
                TextTable t = new TextTable("编码", "指标", "单位", "属性", "基期", "基期值", "目标年", "目标", "年均/累计");
                var rows = all ? q.indicators(null) : plan != null ? q.indicators(plan) : q.mainFypIndicators();
                rows.forEach(r -> t.row(r.get("indicator_code"), r.get("name_zh"),
                        r.get("unit"), r.get("attribute"), r.get("baseline_year"), r.get("baseline_text"),
                        zeroAsBlank(r.get("target_year")), r.get("target_text"), r.get("growth_text")));
                t.print(out);
            }
            case tasks -> {
                TextTable t = new TextTable("编码", "任务", "责任单位");
                q.tasks(all ? null : plan).forEach(r -> t.row(r.get("task_code"), r.get("title_zh"), r.get("departments")));
                t.print(out);
            }
            case projects -> {
                TextTable t = new TextTable("编码", "项目", "类别", "地区", "出处");
                q.projects().forEach(r -> t.row(r.get("project_code"), r.get("name_zh"), r.get("category"), r.get("regions_label"), r.get("plans")));
                t.print(out);
            }
            case summary -> {
                TextTable t = new TextTable("item", "rows");
                q.summary().forEach(r -> t.row(r.get("item"), r.get("n")));
                t.print(out);
            }
        }
        return ExitCodes.OK;
    }

    /** {@code show} reads the loaded catalog; {@code load} is how it gets there. */
    @Override
    public boolean needsCatalog() {
        CommandLine.ParseResult parsed = spec.commandLine().getParseResult();
        return parsed != null && parsed.hasSubcommand() && parsed.subcommand().commandSpec().name().equals("show");
    }

    private static Object zeroAsBlank(Object year) {
        return year instanceof Number n && n.intValue() == 0 ? "" : year;
    }

    private static String indent(Map<String, Object> region) {
        String name = (String) region.get("name_zh");
        return switch ((String) region.get("level")) {
            case "city" -> "  " + name;
            case "county" -> "    " + name;
            default -> name;
        };
    }

    private PrintWriter out() {
        return spec.commandLine().getOut();
    }
}
