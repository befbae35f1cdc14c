package cn.zhenxing.ingest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import org.springframework.batch.core.JobParameters;
import org.springframework.batch.core.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.item.ExecutionContext;
import org.springframework.batch.repeat.RepeatStatus;

/** Records the received file as a submission (status received). */
class RegisterTasklet implements Tasklet {

    private final SubmissionStore store;

    RegisterTasklet(SubmissionStore store) {
        this.store = store;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        var jobExecution = chunkContext.getStepContext().getStepExecution().getJobExecution();
        ExecutionContext ctx = jobExecution.getExecutionContext();
        if (ctx.containsKey(IngestJobConfiguration.SUBMISSION_ID)) {
            return RepeatStatus.FINISHED;
        }
        JobParameters p = jobExecution.getJobParameters();
        Path file = Path.of(p.getString(IngestJobConfiguration.PATH));
        // A run killed after this step committed but before Batch saved its context left the row behind: reuse it.
        var undecided = store.undecidedWithSameBytes(p.getString(IngestJobConfiguration.SHA256));
        if (undecided.isPresent()) {
            ctx.putLong(IngestJobConfiguration.SUBMISSION_ID, undecided.get());
            return RepeatStatus.FINISHED;
        }
        long id = store.register(p.getString(IngestJobConfiguration.NAME), p.getString(IngestJobConfiguration.SHA256), Files.size(file),
                p.getString(IngestJobConfiguration.CHANNEL), p.getString(IngestJobConfiguration.SUBMITTED_BY),
                LocalDateTime.parse(p.getString(IngestJobConfiguration.RECEIVED_AT)), jobExecution.getId());
        ctx.putLong(IngestJobConfiguration.SUBMISSION_ID, id);
        return RepeatStatus.FINISHED;
    }
}
