package cn.zhenxing.ingest;

import java.nio.file.Path;
import java.util.Map;
import org.springframework.batch.core.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.repeat.RepeatStatus;

/** Writes the feedback workbook (rejected) or the receipt (accepted) into the feedback folder. */
class FeedbackTasklet implements Tasklet {

    private final SubmissionStore store;
    private final FeedbackWriter writer;
    private final SubmissionProperties properties;

    FeedbackTasklet(SubmissionStore store, FeedbackWriter writer, SubmissionProperties properties) {
        this.store = store;
        this.writer = writer;
        this.properties = properties;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        var jobExecution = chunkContext.getStepContext().getStepExecution().getJobExecution();
        long id = jobExecution.getExecutionContext().getLong(IngestJobConfiguration.SUBMISSION_ID);
        Map<String, Object> submission = store.submission(id);
        Path source = Path.of(jobExecution.getJobParameters().getString(IngestJobConfiguration.PATH));
        Path written = writer.write(submission, store.problems(id), source, properties.feedback());
        store.setFeedback(id, written.toAbsolutePath().toString());
        return RepeatStatus.FINISHED;
    }
}
