package cn.zhenxing.ingest;

import cn.zhenxing.mart.MartRefresher;
import java.util.Map;
import org.springframework.batch.core.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.repeat.RepeatStatus;

/**
 * Brings the marts up to date after an accepted submission, in the step's transaction. A run killed
 * before this step restarts here, so an accepted file never stays out of the marts.
 */
class MartsTasklet implements Tasklet {

    private final SubmissionStore store;
    private final MartRefresher marts;

    MartsTasklet(SubmissionStore store, MartRefresher marts) {
        this.store = store;
        this.marts = marts;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        var jobExecution = chunkContext.getStepContext().getStepExecution().getJobExecution();
        long id = jobExecution.getExecutionContext().getLong(IngestJobConfiguration.SUBMISSION_ID);
        Map<String, Object> submission = store.submission(id);
        if ("accepted".equals(submission.get("status")) || "superseded".equals(submission.get("status"))) {
            marts.refreshAfterAccepted((String) submission.get("period_code"), "受理报送 #" + id);
        }
        return RepeatStatus.FINISHED;
    }
}
