package cn.zhenxing.ingest;

import org.springframework.batch.core.Job;
import org.springframework.batch.core.Step;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The ingest job: one received file → one submission. Identified by the file's SHA-256, so the same
 * bytes are never loaded twice. Each step is idempotent against the warehouse, and a killed run
 * restarts at its failed step: registered once, staged (replacing any partial staging), decided in
 * one transaction (accepted and published, or rejected), the marts of the period rebuilt (accepted
 * files only), then feedback written: a written receipt marks a finished ingest.
 */
@Configuration(proxyBeanMethods = false)
class IngestJobConfiguration {

    static final String JOB_NAME = "ingestJob";
    static final String SHA256 = "file.sha256";
    static final String RETRY_OF = "retryOf";
    static final String PATH = "file.path";
    static final String NAME = "file.name";
    static final String CHANNEL = "channel";
    static final String SUBMITTED_BY = "submittedBy";
    static final String EXPECTED_UNIT = "expectedUnit";
    static final String RECEIVED_AT = "receivedAt";
    static final String SUBMISSION_ID = "submissionId";

    /** Crash tests stop the process after a step has committed ("ingest.after-land", ...) or fail a step as it starts ("ingest.feedback"). */
    private static final org.springframework.batch.core.StepExecutionListener AFTER_STEP_FAULT =
            new org.springframework.batch.core.StepExecutionListener() {
                @Override
                public void beforeStep(org.springframework.batch.core.StepExecution step) {
                    cn.zhenxing.warehouse.FaultPoint.reach("ingest." + step.getStepName());
                }

                @Override
                public org.springframework.batch.core.ExitStatus afterStep(org.springframework.batch.core.StepExecution step) {
                    cn.zhenxing.warehouse.FaultPoint.reach("ingest.after-" + step.getStepName());
                    return step.getExitStatus();
                }
            };

    @Bean
    Job ingestJob(JobRepository jobRepository, Step ingestRegister, Step ingestLand, Step ingestDecide, Step ingestFeedback,
                  Step ingestMarts) {
        return new JobBuilder(JOB_NAME, jobRepository)
                .start(ingestRegister).next(ingestLand).next(ingestDecide).next(ingestMarts).next(ingestFeedback)
                .build();
    }

    @Bean
    Step ingestRegister(JobRepository jobRepository, PlatformTransactionManager tx, RegisterTasklet register) {
        return step("register", jobRepository, tx, register);
    }

    @Bean
    Step ingestLand(JobRepository jobRepository, PlatformTransactionManager tx, LandTasklet land) {
        return step("land", jobRepository, tx, land);
    }

    @Bean
    Step ingestDecide(JobRepository jobRepository, PlatformTransactionManager tx, DecideTasklet decide) {
        return step("decide", jobRepository, tx, decide);
    }

    @Bean
    Step ingestFeedback(JobRepository jobRepository, PlatformTransactionManager tx, FeedbackTasklet feedback) {
        return step("feedback", jobRepository, tx, feedback);
    }

    @Bean
    Step ingestMarts(JobRepository jobRepository, PlatformTransactionManager tx, MartsTasklet marts) {
        return step("marts", jobRepository, tx, marts);
    }

    /** The tasklets are step-scoped beans: job parameters and the submission id are bound when each step starts. */
    private static Step step(String name, JobRepository jobRepository, PlatformTransactionManager tx, Tasklet tasklet) {
        return new StepBuilder(name, jobRepository).listener(AFTER_STEP_FAULT).tasklet(tasklet, tx).build();
    }
}
