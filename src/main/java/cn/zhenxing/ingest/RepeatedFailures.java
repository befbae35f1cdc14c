package cn.zhenxing.ingest;

import cn.zhenxing.warehouse.AbandonedExecutions;
import cn.zhenxing.workbook.FileFormat;
import java.io.IOException;
import java.time.LocalDateTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.JobExecution;
import org.springframework.batch.core.explore.JobExplorer;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.stereotype.Component;

/**
 * An ingest run that fails the same way on every try is decided, not resumed forever: after
 * {@link #MAX_ATTEMPTS} failed executions of one job instance, a file not yet decided is rejected with
 * a word to its sender, a decided one keeps its decision; either way the sender gets the problem list
 * and the execution is abandoned so that it is not restarted.
 */
@Component
class RepeatedFailures {

    static final int MAX_ATTEMPTS = 3;
    private static final Logger log = LoggerFactory.getLogger(RepeatedFailures.class);

    private final JobExplorer jobExplorer;
    private final JobRepository jobRepository;
    private final SubmissionStore store;
    private final FeedbackWriter feedback;
    private final SubmissionProperties properties;

    RepeatedFailures(JobExplorer jobExplorer, JobRepository jobRepository, SubmissionStore store, FeedbackWriter feedback,
                     SubmissionProperties properties) {
        this.jobExplorer = jobExplorer;
        this.jobRepository = jobRepository;
        this.store = store;
        this.feedback = feedback;
        this.properties = properties;
    }

    /** Whether a failed execution's job instance has failed {@link #MAX_ATTEMPTS} times. */
    boolean exhausted(JobExecution failed) {
        return jobExplorer.getJobExecutions(failed.getJobInstance()).stream().filter(e -> e.getStatus() == BatchStatus.FAILED).count()
                >= MAX_ATTEMPTS;
    }

    /** Decides the submission of an exhausted run and abandons the run. */
    void decide(JobExecution failed, long submissionId) throws IOException {
        log.warn("Ingest execution {} failed {} times; deciding submission {} without a further attempt", failed.getId(), MAX_ATTEMPTS,
                submissionId);
        Submission submission = store.submission(submissionId);
        if (submission.status().undecided()) {
            FileFormat format = submission.fileFormat() == null ? FileFormat.UNKNOWN : FileFormat.valueOf(submission.fileFormat().toUpperCase());
            store.stage(submissionId, CheckedForm.refused(format, "系统连续" + MAX_ATTEMPTS + "次处理此文件均未成功，文件可能内容过多或结构异常。",
                    "请在系统下载的本期模板中重新填写，保存后报送；如仍不成功，请将文件发给省发展改革委核查。"));
            store.reject(submissionId, LocalDateTime.now(), 1, 0);
            submission = store.submission(submissionId);
        }
        if (submission.feedbackPath() == null) {
            store.setFeedback(submissionId, feedback.writeList(submission, store.problems(submissionId), properties.feedback())
                    .toAbsolutePath().toString());
        }
        AbandonedExecutions.markAbandoned(jobRepository, failed, "decided after " + MAX_ATTEMPTS + " failed attempts");
    }
}
