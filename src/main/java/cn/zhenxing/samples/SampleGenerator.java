package cn.zhenxing.samples;

import cn.zhenxing.form.FormContent;
import cn.zhenxing.form.FormContentService;
import cn.zhenxing.form.FormDefinition;
import cn.zhenxing.form.TemplateWriter;
import cn.zhenxing.warehouse.Quarter;
import cn.zhenxing.workbook.AtomicFiles;
import cn.zhenxing.workbook.SheetCells;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Fills every unit's form for a quarter with plausible values, deterministically (the same period
 * always gives the same files; {@link SampleValues} says how a value is made). A city's or the
 * province's own row of a lower level's additive, ratio or weighted indicator is left blank, so it is
 * rolled up from its parts exactly. Tasks advance with the year.
 * For demos, tests and benchmarks; never for real reporting.
 */
@Component
public class SampleGenerator {

    private static final cn.zhenxing.warehouse.SqlFile SQL = cn.zhenxing.warehouse.SqlFile.of(SampleGenerator.class, "samples.sql");

    private final FormContentService contents;
    private final TemplateWriter templates;
    private final JdbcTemplate jdbc;

    public SampleGenerator(FormContentService contents, TemplateWriter templates, JdbcTemplate jdbc) {
        this.contents = contents;
        this.templates = templates;
        this.jdbc = jdbc;
    }

    /** @param units unit codes, or null for every reporting unit */
    public List<Path> generate(String periodCode, Path outDir, List<String> units) throws IOException {
        return generate(periodCode, outDir, units, null);
    }

    /**
     * @param units  unit codes, or null for every reporting unit
     * @param except units to leave out, or null
     */
    public List<Path> generate(String periodCode, Path outDir, List<String> units, List<String> except) throws IOException {
        Quarter period = Quarter.parse(periodCode);
        Context context = context(period, null);
        List<Path> files = new ArrayList<>();
        for (String unit : units != null ? units : contents.unitCodes()) {
            if (except == null || !except.contains(unit)) {
                files.add(write(unit, periodCode, outDir, context));
            }
        }
        return files;
    }

    /**
     * The demo's planted mistake: one unit's form in which one row's 本期值 (and numerator) is
     * {@code factor} times the plausible value, a large jump against its 上年同期值, with
     * {@code explanation} in the row's 备注 cell (null leaves it empty). Every other cell is as
     * {@link #generate} writes it.
     */
    public Path generateWithJump(String periodCode, Path outDir, String unit, String regionCode, String indicatorCode,
                                 double factor, String explanation) throws IOException {
        Context context = context(Quarter.parse(periodCode), new Jump(regionCode, indicatorCode, factor, explanation));
        return write(unit, periodCode, outDir, context);
    }

    /** A row changed on purpose (generateWithJump). */
    record Jump(String regionCode, String indicatorCode, double factor, String explanation) {
    }

    /** What every form of a quarter is generated from. */
    record Context(FormDefinition def, Map<String, SampleValues.Spec> specs, SampleShares shares, Map<String, Integer> countiesInCity,
                   double usdRate, Jump jump) {
    }

    private Context context(Quarter period, Jump jump) {
        Map<String, SampleValues.Spec> specs = new HashMap<>();
        jdbc.query(SQL.get("sampleTargets"), rs -> {
            specs.put(rs.getString("indicator_code"), new SampleValues.Spec(rs.getString("indicator_code"), rs.getString("unit"),
                    rs.getString("form_unit"), rs.getString("rollup"), rs.getString("basis"), rs.getString("frequency"),
                    rs.getString("value_kind"), rs.getString("direction"), rs.getBigDecimal("ratio_factor"),
                    rs.getString("numerator_name_zh"), rs.getString("denominator_name_zh"), rs.getString("target_kind"),
                    rs.getBigDecimal("baseline_value"), rs.getBigDecimal("target_value"), rs.getBigDecimal("growth_value"),
                    (Integer) rs.getObject("baseline_year", Integer.class), (Integer) rs.getObject("target_year", Integer.class),
                    rs.getString("scope_type"), rs.getString("scope_code")));
        });
        Map<String, Object[]> counties = new HashMap<>();
        Map<String, Integer> countiesInCity = new HashMap<>();
        jdbc.query(SQL.get("samplePopulation"), rs -> {
            counties.put(rs.getString("region_code"), new Object[] {rs.getString("city_code"), rs.getDouble("population_wan")});
            countiesInCity.merge(rs.getString("city_code"), 1, Integer::sum);
        }, period.year());
        Map<String, List<String>> areas = new HashMap<>();
        jdbc.query(SQL.get("sampleAreaMembers"), rs -> {
            areas.computeIfAbsent(rs.getString("area_code"), a -> new ArrayList<>()).add(rs.getString("region_code"));
        });
        List<Double> rate = jdbc.queryForList(SQL.get("sampleUsdRate"), Double.class, period.year(), period.year());
        return new Context(FormDefinition.load(), specs, new SampleShares(counties, areas), countiesInCity,
                rate.isEmpty() ? 7 : rate.get(0), jump);
    }

    private Path write(String unit, String periodCode, Path outDir, Context context) throws IOException {
        FormContent content = contents.content(unit, periodCode);
        Path file = templates.write(context.def(), content, outDir);
        fill(file, content, context);
        return file;
    }

    void fill(Path file, FormContent content, Context context) throws IOException {
        FormDefinition def = context.def();
        XSSFWorkbook wb;
        try (InputStream in = Files.newInputStream(file)) {
            wb = new XSSFWorkbook(in);
        }
        try (wb) {
            Quarter period = content.period();
            Sheet cover = wb.getSheet(def.cover().sheet());
            set(cover, def.cover().field("unit_head").cell(), "示例负责人");
            set(cover, def.cover().field("reviewer").cell(), "示例统计负责人");
            set(cover, def.cover().field("filler").cell(), "示例填表人");
            set(cover, def.cover().field("phone").cell(), "0351-1234567");
            set(cover, def.cover().field("fill_date").cell(), period.end().plusDays(10).toString());

            FormDefinition.Table t1 = def.table("indicators");
            Sheet s1 = wb.getSheet(t1.sheet());
            for (int i = 0; i < content.indicators().size(); i++) {
                FormContent.IndicatorRow row = content.indicators().get(i);
                SampleValues.Spec spec = context.specs().get(row.indicatorCode());
                if (!row.required() && !"none".equals(spec.rollup())) {
                    continue; // a city's or the province's row of a lower level's indicator: left blank, rolled up
                }
                Random random = new Random((row.regionCode() + row.indicatorCode()).hashCode());
                SampleValues.Cells cells = SampleValues.cells(spec, row.regionCode(),
                        context.countiesInCity().getOrDefault(row.regionCode(), 1), period, random, context.shares(), context.usdRate());
                double priorFactor = 0.93 + random.nextDouble() * 0.05;
                BigDecimal value = cells.value();
                BigDecimal numerator = cells.numerator();
                Jump jump = context.jump();
                if (jump != null && jump.regionCode().equals(row.regionCode()) && jump.indicatorCode().equals(row.indicatorCode())) {
                    BigDecimal factor = BigDecimal.valueOf(jump.factor());
                    value = value.multiply(factor).setScale(value.scale(), RoundingMode.HALF_UP);
                    numerator = numerator == null ? null : numerator.multiply(factor);
                    if (jump.explanation() != null) {
                        set(s1, t1.cell("note", i), jump.explanation());
                    }
                }
                setNumber(s1, t1.cell("value", i), value);
                BigDecimal prior = cells.value().multiply(BigDecimal.valueOf(priorFactor));
                if (row.lastYear() == null) { // else pre-filled and locked from the warehouse
                    setNumber(s1, t1.cell("prior_value", i), cells.numerator() == null && SampleValues.COUNT_UNITS.contains(row.unit())
                            ? prior.setScale(0, RoundingMode.HALF_UP) : prior.setScale(cells.value().scale(), RoundingMode.HALF_UP));
                }
                if (cells.denominator() != null) {
                    setNumber(s1, t1.cell("numerator", i), numerator);
                    setNumber(s1, t1.cell("denominator", i), cells.denominator());
                }
            }

            FormDefinition.Table t2 = def.table("tasks");
            Sheet s2 = wb.getSheet(t2.sheet());
            for (int i = 0; i < content.tasks().size(); i++) {
                Random random = new Random(content.tasks().get(i).taskCode().hashCode() + content.unit().code().hashCode());
                int roll = random.nextInt(100);
                String status = roll < 70 ? "按计划推进" : roll < 85 ? "滞后" : roll < 95 ? "已完成" : "未启动";
                int percent = switch (status) {
                    case "已完成" -> 100;
                    case "未启动" -> 0;
                    case "滞后" -> Math.max(5, period.quarter() * 20 - 15 + random.nextInt(10));
                    default -> Math.min(95, period.quarter() * 22 + random.nextInt(10));
                };
                set(s2, t2.cell("status", i), status);
                setNumber(s2, t2.cell("percent", i), BigDecimal.valueOf(percent));
                set(s2, t2.cell("progress", i), "本季度" + status + "，完成年度计划的" + percent + "%。");
                if (status.equals("滞后")) {
                    set(s2, t2.cell("problems", i), "要素保障不足，前期手续办理较慢。");
                    set(s2, t2.cell("next_steps", i), "加强协调调度，加快手续办理。");
                }
            }

            FormDefinition.Table t3 = def.table("projects");
            Sheet s3 = wb.getSheet(t3.sheet());
            for (int i = 0; i < content.projects().size(); i++) {
                Random random = new Random(content.projects().get(i).projectCode().hashCode() + content.unit().code().hashCode());
                BigDecimal total = BigDecimal.valueOf(5 + random.nextInt(195));
                BigDecimal annual = total.divide(BigDecimal.valueOf(4), 2, RoundingMode.HALF_UP);
                BigDecimal quarterly = annual.multiply(BigDecimal.valueOf(0.2 + random.nextDouble() * 0.1)).setScale(2, RoundingMode.HALF_UP);
                setNumber(s3, t3.cell("total", i), total);
                setNumber(s3, t3.cell("annual_plan", i), annual);
                setNumber(s3, t3.cell("quarter", i), quarterly);
                setNumber(s3, t3.cell("ytd", i), quarterly.multiply(BigDecimal.valueOf(period.quarter())));
                set(s3, t3.cell("milestone", i), period.quarter() < 2 ? "开工" : "建设");
            }
            AtomicFiles.write(file, wb::write);
        }
    }

    private static void set(Sheet sheet, String address, String text) {
        SheetCells.at(sheet, address).setCellValue(text);
    }

    private static void setNumber(Sheet sheet, String address, BigDecimal value) {
        SheetCells.at(sheet, address).setCellValue(value.doubleValue());
    }
}
