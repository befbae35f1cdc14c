package cn.zhenxing.ingest;

import cn.zhenxing.warehouse.AbandonedExecutions;
import cn.zhenxing.warehouse.Checksums;
import cn.zhenxing.workbook.Problem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.Job;
import org.springframework.batch.core.JobExecution;
import org.springframework.batch.core.JobParametersBuilder;
import org.springframework.batch.core.explore.JobExplorer;
import org.springframework.batch.core.launch.JobLauncher;
import org.springframework.batch.core.repository.JobInstanceAlreadyCompleteException;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Service;

/**
 * Ingests received files, one ingest job per file, one ingest at a time across all Zhenxing
 * processes (a database lock). Decides DUPLICATE before launching: the same bytes accepted once
 * are never loaded again.
 */
@Service
public class IngestService {

    public enum Status { ACCEPTED, REJECTED, DUPLICATE, FAILED }

    /** @param submissionId the submission decided (or the earlier one a duplicate repeats); null when nothing was recorded */
    public record Outcome(Status status, Long submissionId, Path file, String unitCode, String periodCode, Integer version, long errors,
                          long warnings, String feedback, List<Problem> problems, String failure) {

        Outcome movedTo(Path to) {
            return new Outcome(status, submissionId, to, unitCode, periodCode, version, errors, warnings, feedback, problems, failure);
        }
    }

    private static final Logger log = LoggerFactory.getLogger(IngestService.class);
    private static final String LOCK = "zhenxing.ingest";

    private final JobLauncher jobLauncher;
    private final Job ingestJob;
    private final JobExplorer jobExplorer;
    private final JobRepository jobRepository;
    private final SubmissionStore store;
    private final FormChecker checker;
    private final SubmissionProperties properties;
    private final RepeatedFailures repeatedFailures;
    private final DataSource dataSource;
    private final IngestDecisions decisions;

    public IngestService(JobLauncher jobLauncher, @Qualifier("ingestJob") Job ingestJob, JobExplorer jobExplorer,
                         JobRepository jobRepository, SubmissionStore store, FormChecker checker,
                         SubmissionProperties properties, RepeatedFailures repeatedFailures, DataSource dataSource,
                         IngestDecisions decisions) {
        this.jobLauncher = jobLauncher;
        this.ingestJob = ingestJob;
        this.jobExplorer = jobExplorer;
        this.jobRepository = jobRepository;
        this.store = store;
        this.checker = checker;
        this.properties = properties;
        this.repeatedFailures = repeatedFailures;
        this.dataSource = dataSource;
        this.decisions = decisions;
    }

    /** Files and directories (their regular files, sorted), each reported to {@code progress} as it is decided. */
    public List<Outcome> ingest(List<Path> paths, String channel, String submittedBy, String expectedUnit, Consumer<Outcome> progress)
            throws Exception {
        return ingest(paths, channel, submittedBy, expectedUnit, null, progress);
    }

    /**
     * @param receivedAt when the files were received; null = now. Set when loading archived submissions,
     *                   so lateness is judged against their real arrival.
     */
    public List<Outcome> ingest(List<Path> paths, String channel, String submittedBy, String expectedUnit, LocalDateTime receivedAt,
                                Consumer<Outcome> progress) throws Exception {
        List<Outcome> outcomes = new ArrayList<>();
        try (Connection lock = dataSource.getConnection()) {
            acquire(lock);
            try {
                failAbandonedExecutions();
                for (Path file : ReceivedFiles.expand(paths)) {
                    String name = file.getFileName().toString();
                    Outcome outcome = decisions.decide(name, channel, () -> ingestOne(file, name, channel, submittedBy, expectedUnit,
                            receivedAt != null ? receivedAt : LocalDateTime.now()));
                    outcomes.add(outcome);
                    progress.accept(outcome);
                }
            } finally {
                release(lock);
            }
        }
        return outcomes;
    }

    /**
     * One file kept under another name than the submitter's (a portal upload): registered, fed back and
     * mailed under {@code name}, the name the submitter gave it.
     */
    public Outcome ingestAs(Path file, String name, String channel, String submittedBy, String expectedUnit, LocalDateTime receivedAt)
            throws Exception {
        try (Connection lock = dataSource.getConnection()) {
            acquire(lock);
            try {
                failAbandonedExecutions();
                return decisions.decide(name, channel, () -> ingestOne(file, name, channel, submittedBy, expectedUnit, receivedAt));
            } finally {
                release(lock);
            }
        }
    }

    /** Everything in the inbox's incoming folder; files move to processed/ or rejected/ once decided. */
    public List<Outcome> ingestInbox(Consumer<Outcome> progress) throws Exception {
        for (Path dir : List.of(properties.incoming(), properties.processed(), properties.rejected(), properties.feedback())) {
            Files.createDirectories(dir);
        }
        List<Outcome> outcomes = ingest(List.of(properties.incoming()), "inbox", null, null, outcome -> { });
        List<Outcome> moved = new ArrayList<>();
        for (Outcome o : outcomes) {
            Path target = switch (o.status()) {
                case ACCEPTED, DUPLICATE -> properties.processed();
                case REJECTED -> properties.rejected();
                case FAILED -> null; // stays in incoming for the next run
            };
            Outcome done = o;
            if (target != null) {
                Path to = ReceivedFiles.unique(target.resolve(o.file().getFileName()));
                Files.move(o.file(), to, StandardCopyOption.ATOMIC_MOVE);
                done = o.movedTo(to);
                if (o.submissionId() != null && o.status() != Status.DUPLICATE) {
                    // The kept copy of the received bytes (a DUPLICATE's id is the earlier submission's).
                    store.setStoredPath(o.submissionId(), to.toAbsolutePath().toString());
                }
            }
            moved.add(done);
            progress.accept(done);
        }
        return moved;
    }

    /**
     * Decides files and directories as {@link #ingest} would, writing nothing: the same duplicate rule, the
     * same checks with the submitter's unit and the arrival date (null = now). Accepted files come back
     * ACCEPTED without a version, since nothing was published.
     */
    public List<Outcome> dryRun(List<Path> paths, String expectedUnit, LocalDateTime receivedAt, Consumer<Outcome> progress)
            throws Exception {
        List<Outcome> outcomes = new ArrayList<>();
        for (Path file : ReceivedFiles.expand(paths)) {
            Outcome outcome = dryRunOne(file, expectedUnit, receivedAt != null ? receivedAt : LocalDateTime.now());
            outcomes.add(outcome);
            progress.accept(outcome);
        }
        return outcomes;
    }

    /** One file, as a channel that knows neither unit nor arrival date would check it now. */
    public Outcome dryRun(Path file) throws Exception {
        return dryRunOne(file, null, LocalDateTime.now());
    }

    private Outcome dryRunOne(Path file, String expectedUnit, LocalDateTime receivedAt) throws Exception {
        Optional<Outcome> same = sameBytesAccepted(file, Checksums.sha256(file), expectedUnit);
        if (same.isPresent()) {
            return same.get();
        }
        CheckedForm form = checker.check(file, expectedUnit, receivedAt);
        return new Outcome(form.accepted() ? Status.ACCEPTED : Status.REJECTED, null, file, form.meta().unitCode(), form.meta().periodCode(),
                null, form.errorCount(), form.warningCount(), null, form.problems(), null);
    }

    Outcome ingestOne(Path file, String name, String channel, String submittedBy, String expectedUnit, LocalDateTime receivedAt)
            throws Exception {
        String sha = Checksums.sha256(file);
        Optional<Outcome> same = sameBytesAccepted(file, sha, expectedUnit);
        if (same.isPresent()) {
            return same.get();
        }
        JobParametersBuilder params = new JobParametersBuilder()
                .addString(IngestJobConfiguration.SHA256, sha)
                .addString(IngestJobConfiguration.PATH, file.toAbsolutePath().toString(), false)
                .addString(IngestJobConfiguration.NAME, name, false)
                .addString(IngestJobConfiguration.CHANNEL, channel, false)
                .addString(IngestJobConfiguration.RECEIVED_AT, receivedAt.toString(), false);
        if (submittedBy != null) {
            params.addString(IngestJobConfiguration.SUBMITTED_BY, submittedBy, false);
        }
        if (expectedUnit != null) {
            params.addString(IngestJobConfiguration.EXPECTED_UNIT, expectedUnit, false);
        }
        // The same bytes rejected before are checked afresh (the period may have been reopened since): a new job
        // instance per finished rejection. An unfinished run (killed) has the same parameters and is restarted.
        store.finishedRejectionWithSameBytes(sha).ifPresent(previous -> params.addLong(IngestJobConfiguration.RETRY_OF, previous));
        JobExecution execution;
        try {
            execution = jobLauncher.run(ingestJob, params.toJobParameters());
        } catch (JobInstanceAlreadyCompleteException e) {
            return outcome(Status.DUPLICATE, file, store.latestWithSameBytes(sha).orElseThrow());
        }
        if (execution.getStatus() != BatchStatus.COMPLETED) {
            Throwable cause = execution.getAllFailureExceptions().stream().findFirst().orElse(null);
            String failure = cause != null ? cause.toString() : execution.getStatus().name();
            log.error("Ingest of {} failed: {}", file, failure, cause);
            if (execution.getExecutionContext().containsKey(IngestJobConfiguration.SUBMISSION_ID) && repeatedFailures.exhausted(execution)) {
                long id = execution.getExecutionContext().getLong(IngestJobConfiguration.SUBMISSION_ID);
                repeatedFailures.decide(execution, id);
                return outcome(null, file, id);
            }
            return new Outcome(Status.FAILED, null, file, null, null, null, 0, 0, null, List.of(), failure);
        }
        long id = execution.getExecutionContext().getLong(IngestJobConfiguration.SUBMISSION_ID);
        return outcome(null, file, id);
    }

    /** The same bytes accepted before: a DUPLICATE, or refused when they are another unit's file. */
    private Optional<Outcome> sameBytesAccepted(Path file, String sha, String expectedUnit) {
        Optional<Long> accepted = store.acceptedWithSameBytes(sha);
        if (accepted.isEmpty()) {
            return Optional.empty();
        }
        Outcome duplicate = outcome(Status.DUPLICATE, file, accepted.get());
        if (expectedUnit != null && !expectedUnit.equals(duplicate.unitCode())) {
            // Another unit's accepted file: refused like any form of another unit, without its details.
            return Optional.of(new Outcome(Status.REJECTED, null, file, null, null, null, 1, 0, null, List.of(Problem.error(null, null, null,
                    "此文件不是本单位的报表。", "请下载本单位的模板填报后上传。")), null));
        }
        return Optional.of(duplicate);
    }

    /** @param status the outcome, or null to take it from the submission's decision */
    private Outcome outcome(Status status, Path file, long submissionId) {
        Submission row = store.submission(submissionId);
        Status decided = status != null ? status : row.status() == Submission.Status.REJECTED ? Status.REJECTED : Status.ACCEPTED;
        return new Outcome(decided, submissionId, file, row.unitCode(), row.periodCode(), row.version(), row.errorCount(),
                row.warningCount(), row.feedbackPath(), store.problems(submissionId), null);
    }

    /** Executions left STARTED by a killed process would block their restart: mark them failed. */
    private void failAbandonedExecutions() {
        for (JobExecution running : jobExplorer.findRunningJobExecutions(IngestJobConfiguration.JOB_NAME)) {
            log.warn("Marking abandoned ingest execution {} as FAILED so it can restart", running.getId());
            AbandonedExecutions.markFailed(jobRepository, running, "process ended during the run");
        }
    }

    private static void acquire(Connection connection) throws Exception {
        try (PreparedStatement ps = connection.prepareStatement(SubmissionStore.SQL.get("acquireIngestLock"))) {
            ps.setString(1, LOCK);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next() || rs.getInt(1) != 1) {
                    throw new IllegalStateException("Another ingest has held the lock for 10 minutes; try again later");
                }
            }
        }
    }

    private static void release(Connection connection) throws Exception {
        try (PreparedStatement ps = connection.prepareStatement(SubmissionStore.SQL.get("releaseIngestLock"))) {
            ps.setString(1, LOCK);
            ps.executeQuery().close();
        }
    }
}
