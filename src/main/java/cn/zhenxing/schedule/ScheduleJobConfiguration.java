package cn.zhenxing.schedule;

import java.time.Instant;
import org.springframework.batch.core.Job;
import org.springframework.batch.core.Step;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.repeat.RepeatStatus;
import org.springframework.batch.support.transaction.ResourcelessTransactionManager;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/** {@value #JOB_NAME}: one scheduled run, identified by schedule name and fire time. */
@Configuration(proxyBeanMethods = false)
class ScheduleJobConfiguration {

    static final String JOB_NAME = "scheduledRunJob";
    static final String SUMMARY = "summary";

    @Bean
    Job scheduledRunJob(JobRepository jobRepository, Step scheduledRunStep) {
        return new JobBuilder(JOB_NAME, jobRepository).start(scheduledRunStep).build();
    }

    @Bean
    Step scheduledRunStep(JobRepository jobRepository, Schedules schedules, ScheduleActions actions) {
        // No step transaction: mails are queued and marked sent as they go, each in its own statement,
        // so a failure late in the run never takes back a "sent" mark.
        PlatformTransactionManager none = new ResourcelessTransactionManager();
        return new StepBuilder("run", jobRepository).tasklet((contribution, chunk) -> {
            var params = chunk.getStepContext().getStepExecution().getJobParameters();
            ScheduleFiles.Loaded loaded = schedules.load();
            ScheduleDefinition definition = loaded.schedule(params.getString(ScheduleRunner.SCHEDULE));
            if (definition == null) {
                throw new IllegalStateException("Schedule file removed: " + params.getString(ScheduleRunner.SCHEDULE));
            }
            String summary = actions.run(definition, Instant.parse(params.getString(ScheduleRunner.FIRE_TIME)), loaded.recipients());
            chunk.getStepContext().getStepExecution().getJobExecution().getExecutionContext().putString(SUMMARY, summary);
            return RepeatStatus.FINISHED;
        }, none).build();
    }
}
