package cn.zhenxing.ingest;

import cn.zhenxing.warehouse.Quarter;
import cn.zhenxing.workbook.Problem;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** The warehouse side of ingest: submissions, staging with lineage, problems, and publishing into facts. */
@Repository
public class SubmissionStore {

    static final cn.zhenxing.warehouse.SqlFile SQL = cn.zhenxing.warehouse.SqlFile.of(SubmissionStore.class, "ingest.sql");

    /** ops_submission.form_code of the quarterly form; monitoring forms have their own (etl/forms). */
    public static final String QUARTERLY = "quarterly";

    private final JdbcTemplate jdbc;

    public SubmissionStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** @param senderUnit the unit the channel vouches for (the uploader's), or null */
    public long register(String fileName, String sha256, long size, String channel, String submittedBy, String senderUnit,
                         LocalDateTime receivedAt, Long jobExecutionId) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update(con -> {
            PreparedStatement ps = con.prepareStatement(SQL.get("submissionInsert"), Statement.RETURN_GENERATED_KEYS);
            ps.setString(1, fileName);
            ps.setString(2, sha256);
            ps.setLong(3, size);
            ps.setString(4, channel);
            ps.setString(5, submittedBy);
            ps.setString(6, senderUnit);
            ps.setObject(7, receivedAt);
            ps.setObject(8, jobExecutionId);
            return ps;
        }, key);
        return key.getKey().longValue();
    }

    public Optional<Long> acceptedWithSameBytes(String sha256) {
        return jdbc.queryForList(SQL.get("acceptedWithSameBytes"), Long.class, sha256).stream().findFirst();
    }

    public Optional<Long> undecidedWithSameBytes(String sha256) {
        return jdbc.queryForList(SQL.get("undecidedWithSameBytes"), Long.class, sha256).stream().findFirst();
    }

    public Optional<Long> finishedRejectionWithSameBytes(String sha256) {
        return jdbc.queryForList(SQL.get("finishedRejectionWithSameBytes"), Long.class, sha256).stream().findFirst();
    }

    public Optional<Long> latestWithSameBytes(String sha256) {
        return jdbc.queryForList(SQL.get("latestWithSameBytes"), Long.class, sha256).stream().findFirst();
    }

    public Submission submission(long id) {
        return jdbc.queryForObject(SQL.get("submission"), (rs, n) -> new Submission(rs.getLong("submission_id"),
                Submission.Status.of(rs.getString("status")), (Integer) rs.getObject("version", Integer.class), rs.getLong("error_count"),
                rs.getLong("warning_count"), rs.getString("feedback_path"), rs.getString("file_name"), rs.getBoolean("is_late"),
                rs.getString("file_format"), rs.getString("unit_code"), rs.getString("period_code")), id);
    }

    /** @param periodCode a quarter such as 2025Q3, or null for all */
    public List<Map<String, Object>> list(String periodCode) {
        return jdbc.queryForList(SQL.get("listSubmissions"), periodCode, periodCode);
    }

    public List<Problem> problems(long id) {
        return jdbc.query(SQL.get("problems"), (rs, n) -> new Problem(Problem.Severity.valueOf(rs.getString("severity").toUpperCase()),
                rs.getString("sheet"), rs.getString("cell"), rs.getString("context_zh"), rs.getString("message_zh"), rs.getString("fix_zh"),
                rs.getString("rule_code") == null ? null : new Problem.Rule(rs.getString("rule_code"), null, null, rs.getString("region_code"),
                        rs.getString("item_code"), rs.getString("explanation_zh"))), id);
    }

    /** Replaces whatever an interrupted earlier attempt staged for this submission, in one transaction. */
    @Transactional
    public void stage(long id, CheckedForm form) {
        for (String delete : List.of("stgIndicatorDelete", "stgTaskDelete", "stgProjectDelete", "problemDelete")) {
            jdbc.update(SQL.get(delete), id);
        }
        jdbc.update(SQL.get("submissionFormat"), form.format().name().toLowerCase(), id);
        if (form.content() != null) {
            CheckedForm.Cover c = form.cover();
            jdbc.update(SQL.get("submissionIdentify"), form.content().unit().unitKey(), form.content().period().key(),
                    form.meta().templateVersion(), form.format().name().toLowerCase(), c == null ? null : c.filler(),
                    c == null ? null : c.phone(), c == null ? null : c.unitHead(), c == null ? null : c.reviewer(), c == null ? null : c.fillDate(), form.late(),
                    form.deadline(), id);
        }
        jdbc.batchUpdate(SQL.get("stgIndicatorInsert"), form.indicators().stream().map(v -> new Object[] {id, v.sheet(), v.rowNo(),
                v.regionCode(), v.indicatorCode(), truncate(v.valueRaw()), v.value(), v.valueCell(), truncate(v.priorRaw()), v.prior(), v.priorCell(),
                v.numerator(), v.numeratorCell(), v.denominator(), v.denominatorCell(), truncate(v.note())}).toList());
        jdbc.batchUpdate(SQL.get("stgTaskInsert"), form.tasks().stream().map(t -> new Object[] {id, t.sheet(), t.rowNo(), t.taskCode(),
                t.status(), t.statusCell(), t.percent(), t.percentCell(), t.progress(), t.problems(), t.nextSteps()}).toList());
        jdbc.batchUpdate(SQL.get("stgProjectInsert"), form.projects().stream().map(p -> new Object[] {id, p.sheet(), p.rowNo(),
                p.projectCode(), p.projectName(), p.total(), p.annualPlan(), p.quarter(), p.ytd(), p.milestone(), truncate(p.note()), p.firstCell()}).toList());
        insertProblems(id, form.problems());
    }

    /**
     * Records what a monitoring form's land step found, in one transaction: which form, unit and period
     * (when the file named valid ones) and the problems. Its readings are in fact_monitoring_reading already.
     */
    @Transactional
    public void stageMonitoring(long id, cn.zhenxing.bulk.MonitoringIngest.Checked checked) {
        jdbc.update(SQL.get("problemDelete"), id);
        jdbc.update(SQL.get("monitoringIdentify"), checked.form().formCode(), checked.templateVersion(), checked.unitCode(),
                checked.periodCode(), id);
        insertProblems(id, checked.problems());
    }

    public String formCode(long id) {
        return jdbc.queryForObject(SQL.get("formCode"), String.class, id);
    }

    /**
     * Makes an accepted monitoring submission the current version of its unit, month and form, in one
     * transaction: the previous version is superseded (kept, with its readings), and the readings already
     * landed under this submission become the ones marts read.
     */
    @Transactional
    public int publishMonitoring(long id, LocalDateTime decidedAt, long errors, long warnings) {
        jdbc.queryForList(SQL.get("lockMonitoringSeries"), Long.class, id);
        int version = jdbc.queryForObject(SQL.get("nextMonitoringVersion"), Integer.class, id);
        jdbc.update(SQL.get("supersedeMonitoring"), id);
        jdbc.update(SQL.get("markAccepted"), version, decidedAt, errors, warnings, id);
        return version;
    }

    private void insertProblems(long id, List<Problem> problems) {
        for (int i = 0; i < problems.size(); i++) {
            Problem p = problems.get(i);
            Problem.Rule rule = p.rule();
            jdbc.update(SQL.get("problemInsert"), id, i + 1, p.severity().name().toLowerCase(), p.sheet(), p.cell(),
                    truncate(p.contextZh(), 300), truncate(p.messageZh(), 1000), truncate(p.fixZh(), 1000), rule == null ? null : rule.code(),
                    rule == null ? null : rule.regionCode(), rule == null ? null : rule.itemCode(),
                    rule == null ? null : truncate(rule.explanationZh(), 500));
        }
    }

    /**
     * Makes an accepted submission the current version of its unit and period, in one transaction:
     * the previous version is superseded (kept), the staged rows become facts. Readers never see a
     * half-published version.
     */
    @Transactional
    public int publish(long id, int unitKey, Quarter period, LocalDateTime decidedAt, long errors, long warnings) {
        jdbc.queryForList(SQL.get("lockUnitPeriod"), Long.class, unitKey, period.key());
        int version = jdbc.queryForObject(SQL.get("nextVersion"), Integer.class, unitKey, period.key());
        jdbc.update(SQL.get("supersede"), unitKey, period.key());
        jdbc.update(SQL.get("publishIndicatorValues"), period.key(), period.end(), id);
        Integer regionKey = jdbc.queryForObject(SQL.get("unitRegionKey"), Integer.class, unitKey, period.end());
        jdbc.update(SQL.get("publishTaskProgress"), regionKey, period.key(), id);
        String unitRegion = jdbc.queryForObject(SQL.get("regionCodeOfKey"), String.class, regionKey);
        for (Map<String, Object> added : jdbc.queryForList(SQL.get("newProjects"), id)) {
            int row = ((Number) added.get("row_no")).intValue();
            String code = "SUB-" + id + "-" + row; // a project a unit added; the province may map it to a catalog code later
            jdbc.update(SQL.get("newProjectInsert"), code, added.get("project_name"), unitRegion, code);
            jdbc.update(SQL.get("newProjectRegion"), unitRegion, code);
            jdbc.update(SQL.get("stgProjectCode"), code, id, row);
        }
        jdbc.update(SQL.get("publishProjectProgress"), period.key(), id);
        jdbc.update(SQL.get("markAccepted"), version, decidedAt, errors, warnings, id);
        cn.zhenxing.warehouse.FaultPoint.reach("ingest.publish.before-commit");
        return version;
    }

    public void reject(long id, LocalDateTime decidedAt, long errors, long warnings) {
        jdbc.update(SQL.get("markRejected"), decidedAt, errors, warnings, id);
    }

    /** A unit's latest submissions, newest first (the upload page's history), with its files no form could be read from. */
    public List<Map<String, Object>> history(String unitCode) {
        return jdbc.queryForList(SQL.get("unitHistory"), unitCode, unitCode);
    }

    /** The submission's unit and feedback file, or nothing (the portal checks ownership with it). */
    public List<Map<String, Object>> owner(long id) {
        return jdbc.queryForList(SQL.get("submissionOwner"), id);
    }

    public void setFeedback(long id, String path) {
        jdbc.update(SQL.get("setFeedback"), path, id);
    }

    /** Where the portal kept the received bytes of a submission it registered (set once). */
    public void setStoredPath(long id, String path) {
        jdbc.update(SQL.get("setStoredPath"), path, id);
    }

    private static String truncate(String s) {
        return truncate(s, 255);
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
