package cn.zhenxing.ingest;

import cn.zhenxing.mart.MartRefresher;
import org.springframework.batch.core.StepContribution;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.repeat.RepeatStatus;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Brings the marts up to date after an accepted submission, in the step's transaction. A run killed
 * before this step restarts here, so an accepted file never stays out of the marts.
 */
@Component
@StepScope
class MartsTasklet implements Tasklet {

    private final SubmissionStore store;
    private final MartRefresher marts;
    private final long submissionId;

    MartsTasklet(SubmissionStore store, MartRefresher marts,
                 @Value("#{jobExecutionContext['" + IngestJobConfiguration.SUBMISSION_ID + "']}") long submissionId) {
        this.store = store;
        this.marts = marts;
        this.submissionId = submissionId;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        Submission submission = store.submission(submissionId);
        if (submission.status().wasAccepted()) {
            marts.refreshAfterAccepted(quarterOf(submission.periodCode()), "受理报送 #" + submissionId);
        }
        return RepeatStatus.FINISHED;
    }

    /** A monitoring form's month (2025M07) belongs to its quarter's marts; a quarter is itself. */
    static String quarterOf(String periodCode) {
        if (periodCode != null && periodCode.matches("\\d{4}M\\d{2}")) {
            int month = Integer.parseInt(periodCode.substring(5));
            return periodCode.substring(0, 4) + "Q" + ((month - 1) / 3 + 1);
        }
        return periodCode;
    }
}
