package cn.zhenxing.ingest;

import cn.zhenxing.form.FormContent;
import cn.zhenxing.form.FormContentService;
import cn.zhenxing.workbook.Problem;
import java.time.LocalDateTime;
import java.util.List;
import org.springframework.batch.core.StepContribution;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.repeat.RepeatStatus;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Accepts (publishes a new version) or rejects the staged submission; does nothing if already decided. */
@Component
@StepScope
class DecideTasklet implements Tasklet {

    private final SubmissionStore store;
    private final FormContentService contents;
    private final cn.zhenxing.bulk.MonitoringIngest monitoring;
    private final long submissionId;

    DecideTasklet(SubmissionStore store, FormContentService contents, cn.zhenxing.bulk.MonitoringIngest monitoring,
                  @Value("#{jobExecutionContext['" + IngestJobConfiguration.SUBMISSION_ID + "']}") long submissionId) {
        this.store = store;
        this.contents = contents;
        this.monitoring = monitoring;
        this.submissionId = submissionId;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        long id = submissionId;
        Submission submission = store.submission(id);
        if (!submission.status().undecided()) {
            return RepeatStatus.FINISHED; // decided before a restart
        }
        List<Problem> problems = store.problems(id);
        long errors = problems.stream().filter(Problem::isError).count();
        long warnings = problems.size() - errors;
        LocalDateTime now = LocalDateTime.now();
        boolean monitoringForm = !SubmissionStore.QUARTERLY.equals(store.formCode(id));
        if (errors > 0) {
            store.reject(id, now, errors, warnings);
            if (monitoringForm) {
                monitoring.discard(id);
            }
        } else if (monitoringForm) {
            store.publishMonitoring(id, now, errors, warnings);
        } else {
            FormContent.Unit unit = contents.unit(submission.unitCode());
            store.publish(id, unit.unitKey(), contents.period(submission.periodCode()), now, errors, warnings);
        }
        return RepeatStatus.FINISHED;
    }
}
