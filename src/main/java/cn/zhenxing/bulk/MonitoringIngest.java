package cn.zhenxing.bulk;

import static cn.zhenxing.bulk.BulkSql.sql;

import cn.zhenxing.workbook.FileFormat;
import cn.zhenxing.workbook.Problem;
import cn.zhenxing.workbook.ZipGuard;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * The monitoring forms as the ingest sees them: which form a workbook is (its _meta sheet), and its check
 * and landing. Identification problems (template version, unit, period) end the check before any row is
 * read; row problems name sheet and cell. The ingest (cn.zhenxing.ingest) registers, decides, versions
 * and answers the submission as for any form.
 */
@Service
public class MonitoringIngest {

    /** Monitoring files carry a month of daily readings: far larger than a quarterly form, still bounded. */
    public static final long MAX_FILE_BYTES = 256L * 1024 * 1024;

    /** The sheet every form (quarterly and monitoring) is identified by (etl/forms: meta_sheet). */
    static final String META_SHEET = "_meta";

    /** What a check found. {@code unitCode}/{@code periodCode} are null when the file did not name a valid one. */
    public record Checked(MonitoringForm form, String templateVersion, String unitCode, String periodCode, List<Problem> problems,
                          long errors, long readings) {
        public boolean accepted() {
            return errors == 0;
        }
    }

    private final JdbcTemplate jdbc;
    private final MonitoringLoader loader;
    private final Map<String, MonitoringForm> forms = new HashMap<>();

    public MonitoringIngest(JdbcTemplate jdbc, MonitoringLoader loader) {
        this.jdbc = jdbc;
        this.loader = loader;
        for (MonitoringForm f : MonitoringForm.all()) {
            if (!META_SHEET.equals(f.metaSheet())) {
                throw new IllegalStateException(f.formCode() + ": meta_sheet must be " + META_SHEET + " (files are identified by it before their form is known)");
            }
            forms.put(f.formCode(), f);
        }
    }

    /**
     * What a workbook's _meta sheet says (column A keys, B values), read once per file for every form: the
     * monitoring form it names, if any; otherwise the quarterly reader is handed the same keys.
     *
     * @param meta null when the sheet could not be read this way (the quarterly reader then reads it itself)
     * @param form null unless the file is a monitoring form
     */
    public record Identified(Map<String, String> meta, MonitoringForm form) {
        public static final Identified UNREAD = new Identified(null, null);

        public boolean monitoring() {
            return form != null;
        }
    }

    /** Reads the _meta sheet (streaming, a few rows) and recognises a monitoring form by its marker. */
    public Identified identify(Path file) {
        Map<String, String> meta = MonitoringSheetReader.meta(file, META_SHEET);
        if (meta == null || !MonitoringForm.MARKER.equals(meta.get("marker"))) {
            return new Identified(meta, null);
        }
        return new Identified(meta, forms.get(meta.get("form")));
    }

    /** Checks without writing anything (ingest --dry-run). */
    public Checked check(Path file, Identified identified, String expectedUnit) {
        return run(file, identified, expectedUnit, null);
    }

    /** Checks and, without errors, lands the readings under the submission (invisible until it is accepted). */
    public Checked land(Path file, Identified identified, String expectedUnit, long submissionId) {
        MonitoringForm form = identified.form();
        for (MonitoringForm.Column p : form.parameters()) {
            jdbc.update(sql("parameterUpsert"), form.formCode(), p.key(), p.col(), p.header(), p.unit());
        }
        return run(file, identified, expectedUnit, submissionId);
    }

    /** Removes whatever readings a submission has (a rejected one has none; kept for restarts). */
    public void discard(long submissionId) {
        loader.delete(submissionId);
    }

    private Checked run(Path file, Identified identified, String expectedUnit, Long submissionId) {
        MonitoringForm form = identified.form();
        SheetProblems problems = new SheetProblems(form.sheet());
        Map<String, String> meta = identified.meta();
        String version = meta.get("template_version");
        String unit = meta.get("unit_code");
        String period = meta.get("period");
        try {
            if (Files.size(file) > MAX_FILE_BYTES) {
                problems.fileError("文件大小超过" + MAX_FILE_BYTES / 1024 / 1024 + "MB。", "请按月分文件报送。");
            }
            FileFormat refused = ZipGuard.check(file);
            if (refused != null) {
                problems.fileError(refused.problemZh(), refused.fixZh());
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        if (!form.templateVersion().equals(version)) {
            problems.fileError("模板版本“" + version + "”已停用（当前为" + form.templateVersion() + "）。", "请下载当前的" + form.title() + "模板重新填写。");
        }
        List<String> unitName = unit == null ? List.of() : jdbc.queryForList(sql("unitName"), String.class, unit);
        if (unitName.isEmpty()) {
            problems.fileError("文件中的填报单位代码“" + unit + "”不是已登记的报送单位。", "请从系统下载本单位的模板。");
            unit = null;
        } else if (expectedUnit != null && !expectedUnit.equals(unit)) {
            problems.fileError("此文件是" + unitName.get(0) + "的报表，不是本单位的报表。", "请下载本单位的模板填报后上传。");
        }
        YearMonth month = month(period);
        if (month == null) {
            problems.fileError("报告期“" + period + "”无效，应为某年某月（如2025M07）。", "请从系统下载该月的模板。");
            period = null;
        }
        if (problems.errors() > 0) {
            return new Checked(form, version, unit, period, problems.list(), problems.errors(), 0);
        }
        Map<String, MonitoringRows.Point> points = points(unit, form.pointKind());
        Function<Boolean, MonitoringRows> rows = date1904 -> new MonitoringRows(form, points, month, problems, date1904);
        long readings;
        try {
            readings = submissionId == null ? MonitoringLoader.check(file, form, rows, problems)
                    : loader.land(file, form, rows, problems, submissionId, rules(form.pointKind()));
        } catch (SQLException e) {
            throw new IllegalStateException("Landing the readings of " + file + " failed", e);
        }
        return new Checked(form, version, unit, period, problems.list(), problems.errors(), problems.errors() > 0 ? 0 : readings);
    }

    private YearMonth month(String period) {
        if (period == null || !period.matches("\\d{4}M\\d{2}") || jdbc.queryForList(sql("monthPeriod"), Integer.class, period).isEmpty()) {
            return null;
        }
        return YearMonth.of(Integer.parseInt(period.substring(0, 4)), Integer.parseInt(period.substring(5)));
    }

    private List<RuleTotals.Rule> rules(String pointKind) {
        return jdbc.query(sql("rulesOfKind"), (rs, i) -> new RuleTotals.Rule(rs.getString("rule_code"), rs.getString("parameter"),
                "share".equals(rs.getString("measure")), rs.getBigDecimal("class_min"), rs.getBigDecimal("class_max")), pointKind);
    }

    private Map<String, MonitoringRows.Point> points(String unit, String kind) {
        Map<String, MonitoringRows.Point> points = new HashMap<>();
        jdbc.query(sql("pointsOfUnit"), rs -> {
            if (kind.equals(rs.getString("point_kind"))) {
                points.put(rs.getString("point_code"), new MonitoringRows.Point(points.size(), rs.getString("name_zh")));
            }
        }, unit);
        return points;
    }

    /** The points of a unit and kind, code → name, in code order (templates are pre-filled with them). */
    public Map<String, String> pointNames(String unit, String kind) {
        Map<String, String> names = new java.util.LinkedHashMap<>();
        jdbc.query(sql("pointsOfUnit"), rs -> {
            if (kind.equals(rs.getString("point_kind"))) {
                names.put(rs.getString("point_code"), rs.getString("name_zh"));
            }
        }, unit);
        return names;
    }

    public MonitoringForm form(String code) {
        MonitoringForm f = forms.get(code);
        if (f == null) {
            throw new IllegalArgumentException("没有监测报表“" + code + "”（可选：" + String.join("、", MonitoringForm.CODES) + "）。");
        }
        return f;
    }
}
