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
 * always gives the same files): values follow each indicator's path from its baseline towards its
 * target with per-region noise; flows accumulate through the year; tasks advance with the year.
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
        FormDefinition def = FormDefinition.load();
        Map<String, SamplePath> paths = provincePaths();
        List<Path> files = new ArrayList<>();
        for (String unit : units != null ? units : contents.unitCodes()) {
            if (except != null && except.contains(unit)) {
                continue;
            }
            FormContent content = contents.content(unit, periodCode);
            Path file = templates.write(def, content, outDir);
            fill(file, def, content, paths);
            files.add(file);
        }
        return files;
    }

    /** Province baseline and target of an indicator (values may be null); additive = rolled up by summing. */
    record SamplePath(BigDecimal baseline, BigDecimal target, BigDecimal fromYear, BigDecimal toYear, boolean additive) {
    }

    private Map<String, SamplePath> provincePaths() {
        Map<String, SamplePath> paths = new HashMap<>();
        jdbc.query(SQL.get("sampleTargets"), rs -> {
            paths.put(rs.getString("indicator_code"), new SamplePath(rs.getBigDecimal("baseline_value"),
                    rs.getBigDecimal("target_value"), rs.getBigDecimal("baseline_year"), rs.getBigDecimal("target_year"),
                    "sum".equals(rs.getString("rollup"))));
        });
        return paths;
    }

    void fill(Path file, FormDefinition def, FormContent content, Map<String, SamplePath> paths) throws IOException {
        XSSFWorkbook wb;
        try (InputStream in = Files.newInputStream(file)) {
            wb = new XSSFWorkbook(in);
        }
        try (wb) {
            Quarter period = content.period();
            Sheet cover = wb.getSheet(def.cover().sheet());
            set(cover, def.cover().field("filler").cell(), "示例填报人");
            set(cover, def.cover().field("phone").cell(), "0351-1234567");
            set(cover, def.cover().field("reviewer").cell(), "示例审核人");
            set(cover, def.cover().field("fill_date").cell(), period.end().plusDays(10).toString());

            FormDefinition.Table t1 = def.table("indicators");
            Sheet s1 = wb.getSheet(t1.sheet());
            for (int i = 0; i < content.indicators().size(); i++) {
                FormContent.IndicatorRow row = content.indicators().get(i);
                Random random = new Random((row.regionCode() + row.indicatorCode()).hashCode());
                BigDecimal value = sampleValue(row, paths.get(row.indicatorCode()), period, random, shareOf(row.regionCode()));
                setNumber(s1, t1.cell("value", i), value);
                setNumber(s1, t1.cell("prior_value", i), value.multiply(BigDecimal.valueOf(0.93 + random.nextDouble() * 0.05))
                        .setScale(2, RoundingMode.HALF_UP));
                if (row.ratio()) {
                    BigDecimal denominator = BigDecimal.valueOf(50 + random.nextInt(450));
                    BigDecimal numerator = "%".equals(row.unit())
                            ? value.multiply(denominator).divide(BigDecimal.valueOf(100), 4, RoundingMode.HALF_UP)
                            : value.multiply(denominator).setScale(4, RoundingMode.HALF_UP);
                    setNumber(s1, t1.cell("numerator", i), numerator);
                    setNumber(s1, t1.cell("denominator", i), denominator);
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

    /**
     * How many parts a province total is split into for a region of this level, so a county gets the
     * same sample value on its own form and on its city's.
     */
    static int shareOf(String regionCode) {
        if (regionCode.equals("140000")) {
            return 1;
        }
        return regionCode.endsWith("00") ? 11 : 117;
    }

    /** On the straight path from baseline to target at this quarter, scaled to the region, with noise. */
    static BigDecimal sampleValue(FormContent.IndicatorRow row, SamplePath path, Quarter period, Random random, int regions) {
        double noise = 0.9 + random.nextDouble() * 0.2;
        double base;
        if (path != null && path.baseline() != null) {
            double baseline = path.baseline().doubleValue();
            double target = path.target() != null ? path.target().doubleValue() : baseline;
            double from = path.fromYear() != null ? path.fromYear().doubleValue() : 2020;
            double to = path.toYear() != null && path.toYear().doubleValue() > from ? path.toYear().doubleValue() : from + 5;
            double elapsed = Math.min(1.2, (period.year() - from + period.quarter() / 4.0 - 1) / (to - from));
            base = baseline + (target - baseline) * Math.max(0, elapsed);
            if (path.additive()) {
                base = base / regions; // an additive province total shared among the form's regions
            }
        } else {
            base = 10 + random.nextInt(90);
        }
        double value = base * noise;
        if ("%".equals(row.unit()) && "level".equals(row.valueKind())) {
            value = Math.min(99.5, Math.max(0.5, value));
        }
        if (!"growth_rate".equals(row.valueKind()) && !"reduction".equals(row.valueKind())) {
            value = Math.abs(value);
        }
        return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP);
    }

    private static void set(Sheet sheet, String address, String text) {
        SheetCells.at(sheet, address).setCellValue(text);
    }

    private static void setNumber(Sheet sheet, String address, BigDecimal value) {
        SheetCells.at(sheet, address).setCellValue(value.doubleValue());
    }
}
