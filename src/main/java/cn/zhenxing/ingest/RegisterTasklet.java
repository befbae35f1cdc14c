package cn.zhenxing.ingest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import org.springframework.batch.core.StepContribution;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.item.ExecutionContext;
import org.springframework.batch.repeat.RepeatStatus;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Records the received file as a submission (status received); its id goes into the job's execution context. */
@Component
@StepScope
class RegisterTasklet implements Tasklet {

    private final SubmissionStore store;
    private final Path file;
    private final String name;
    private final String sha256;
    private final String channel;
    private final String submittedBy;
    private final String senderUnit;
    private final LocalDateTime receivedAt;

    RegisterTasklet(SubmissionStore store,
                    @Value("#{jobParameters['" + IngestJobConfiguration.PATH + "']}") String path,
                    @Value("#{jobParameters['" + IngestJobConfiguration.NAME + "']}") String name,
                    @Value("#{jobParameters['" + IngestJobConfiguration.SHA256 + "']}") String sha256,
                    @Value("#{jobParameters['" + IngestJobConfiguration.CHANNEL + "']}") String channel,
                    @Value("#{jobParameters['" + IngestJobConfiguration.SUBMITTED_BY + "']}") String submittedBy,
                    @Value("#{jobParameters['" + IngestJobConfiguration.EXPECTED_UNIT + "']}") String senderUnit,
                    @Value("#{jobParameters['" + IngestJobConfiguration.RECEIVED_AT + "']}") String receivedAt) {
        this.store = store;
        this.file = Path.of(path);
        this.name = name;
        this.sha256 = sha256;
        this.channel = channel;
        this.submittedBy = submittedBy;
        this.senderUnit = senderUnit;
        this.receivedAt = LocalDateTime.parse(receivedAt);
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        var jobExecution = chunkContext.getStepContext().getStepExecution().getJobExecution();
        ExecutionContext ctx = jobExecution.getExecutionContext();
        if (ctx.containsKey(IngestJobConfiguration.SUBMISSION_ID)) {
            return RepeatStatus.FINISHED;
        }
        // A run killed after this step committed but before Batch saved its context left the row behind: reuse it.
        var undecided = store.undecidedWithSameBytes(sha256);
        if (undecided.isPresent()) {
            ctx.putLong(IngestJobConfiguration.SUBMISSION_ID, undecided.get());
            return RepeatStatus.FINISHED;
        }
        long id = store.register(name, sha256, Files.size(file), channel, submittedBy, senderUnit, receivedAt, jobExecution.getId());
        ctx.putLong(IngestJobConfiguration.SUBMISSION_ID, id);
        return RepeatStatus.FINISHED;
    }
}
