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

/**
 * Reads and validates the file, then stages its rows (with cell lineage) and problems; a monitoring form's
 * readings are landed in fact_monitoring_reading under the submission instead (with their Excel rows).
 */
@Component
@StepScope
class LandTasklet implements Tasklet {

    private final SubmissionStore store;
    private final FormChecker checker;
    private final cn.zhenxing.bulk.MonitoringIngest monitoring;
    private final long submissionId;
    private final Path file;
    private final String expectedUnit;
    private final LocalDateTime receivedAt;

    LandTasklet(SubmissionStore store, FormChecker checker, cn.zhenxing.bulk.MonitoringIngest monitoring,
                @Value("#{jobExecutionContext['" + IngestJobConfiguration.SUBMISSION_ID + "']}") long submissionId,
                @Value("#{jobParameters['" + IngestJobConfiguration.PATH + "']}") String path,
                @Value("#{jobParameters['" + IngestJobConfiguration.EXPECTED_UNIT + "']}") String expectedUnit,
                @Value("#{jobParameters['" + IngestJobConfiguration.RECEIVED_AT + "']}") String receivedAt) {
        this.store = store;
        this.checker = checker;
        this.monitoring = monitoring;
        this.submissionId = submissionId;
        this.file = Path.of(path);
        this.expectedUnit = expectedUnit;
        this.receivedAt = LocalDateTime.parse(receivedAt);
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        var identified = checker.identify(file);
        if (identified.monitoring()) {
            // Streamed straight into the fact table under the submission, invisible until it is accepted.
            store.stageMonitoring(submissionId, monitoring.land(file, identified, expectedUnit, submissionId));
        } else {
            store.stage(submissionId, checker.check(file, identified, expectedUnit, receivedAt));
        }
        return RepeatStatus.FINISHED;
    }
}
