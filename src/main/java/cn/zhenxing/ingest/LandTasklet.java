package cn.zhenxing.ingest;

import java.nio.file.Path;
import java.time.LocalDateTime;
import org.springframework.batch.core.StepContribution;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.repeat.RepeatStatus;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Reads and validates the file, then stages its rows (with cell lineage) and problems. */
@Component
@StepScope
class LandTasklet implements Tasklet {

    private final SubmissionStore store;
    private final FormChecker checker;
    private final long submissionId;
    private final Path file;
    private final String expectedUnit;
    private final LocalDateTime receivedAt;

    LandTasklet(SubmissionStore store, FormChecker checker,
                @Value("#{jobExecutionContext['" + IngestJobConfiguration.SUBMISSION_ID + "']}") long submissionId,
                @Value("#{jobParameters['" + IngestJobConfiguration.PATH + "']}") String path,
                @Value("#{jobParameters['" + IngestJobConfiguration.EXPECTED_UNIT + "']}") String expectedUnit,
                @Value("#{jobParameters['" + IngestJobConfiguration.RECEIVED_AT + "']}") String receivedAt) {
        this.store = store;
        this.checker = checker;
        this.submissionId = submissionId;
        this.file = Path.of(path);
        this.expectedUnit = expectedUnit;
        this.receivedAt = LocalDateTime.parse(receivedAt);
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        store.stage(submissionId, checker.check(file, expectedUnit, receivedAt));
        return RepeatStatus.FINISHED;
    }
}
