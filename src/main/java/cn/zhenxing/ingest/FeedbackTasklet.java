package cn.zhenxing.ingest;

import java.nio.file.Path;
import org.springframework.batch.core.StepContribution;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.repeat.RepeatStatus;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Writes the feedback workbook (rejected) or the receipt (accepted) into the feedback folder. */
@Component
@StepScope
class FeedbackTasklet implements Tasklet {

    private final SubmissionStore store;
    private final FeedbackWriter writer;
    private final SubmissionProperties properties;
    private final long submissionId;
    private final Path source;

    FeedbackTasklet(SubmissionStore store, FeedbackWriter writer, SubmissionProperties properties,
                    @Value("#{jobExecutionContext['" + IngestJobConfiguration.SUBMISSION_ID + "']}") long submissionId,
                    @Value("#{jobParameters['" + IngestJobConfiguration.PATH + "']}") String path) {
        this.store = store;
        this.writer = writer;
        this.properties = properties;
        this.submissionId = submissionId;
        this.source = Path.of(path);
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        Path written = writer.write(store.submission(submissionId), store.problems(submissionId), source, properties.feedback());
        store.setFeedback(submissionId, written.toAbsolutePath().toString());
        return RepeatStatus.FINISHED;
    }
}
