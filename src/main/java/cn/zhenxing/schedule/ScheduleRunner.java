package cn.zhenxing.schedule;

import cn.zhenxing.warehouse.AbandonedExecutions;
import java.time.Instant;
import java.time.LocalDateTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.Job;
import org.springframework.batch.core.JobExecution;
import org.springframework.batch.core.JobParameters;
import org.springframework.batch.core.JobParametersBuilder;
import org.springframework.batch.core.explore.JobExplorer;
import org.springframework.batch.core.launch.JobLauncher;
import org.springframework.batch.core.repository.JobInstanceAlreadyCompleteException;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * Runs a schedule once for a fire time. Quarterly reports, reminders, overdue notices and marts
 * refreshes are Spring Batch job instances identified by (schedule, fire time): the same fire time
 * never runs twice, and a run left unfinished by a killed process is restarted, not repeated (its
 * mails are queued with unique keys). Inbox polls and delivery passes run directly: they are
 * frequent, and each ingest is already a job of its own.
 */
@Component
public class ScheduleRunner {

    static final String SCHEDULE = "schedule";
    static final String FIRE_TIME = "fireTime";
    private static final Logger log = LoggerFactory.getLogger(ScheduleRunner.class);

    private final Schedules schedules;
    private final ScheduleActions actions;
    private final JobLauncher launcher;
    private final Job job;
    private final JobExplorer explorer;
    private final JobRepository repository;

    public ScheduleRunner(Schedules schedules, ScheduleActions actions, JobLauncher launcher, @Qualifier("scheduledRunJob") Job job,
                          JobExplorer explorer, JobRepository repository) {
        this.schedules = schedules;
        this.actions = actions;
        this.launcher = launcher;
        this.job = job;
        this.explorer = explorer;
        this.repository = repository;
    }

    /** @return what the run did, in one line */
    public String run(String name, Instant fireTime) throws Exception {
        ScheduleFiles.Loaded loaded = schedules.load();
        ScheduleDefinition definition = loaded.schedule(name);
        if (definition == null) {
            throw new IllegalArgumentException("No schedule '" + name + "' in " + loaded.source());
        }
        if (definition.kind() == ScheduleDefinition.Kind.INBOX_POLL || definition.kind() == ScheduleDefinition.Kind.DELIVER_PENDING
                || definition.kind() == ScheduleDefinition.Kind.MAIL_POLL) {
            return actions.run(definition, fireTime, loaded.recipients());
        }
        JobParameters parameters = new JobParametersBuilder()
                .addString(SCHEDULE, name)
                .addString(FIRE_TIME, fireTime.toString())
                .toJobParameters();
        failAbandoned(parameters);
        try {
            JobExecution execution = launcher.run(job, parameters);
            if (execution.getStatus() != BatchStatus.COMPLETED) {
                throw new IllegalStateException("Schedule " + name + " at " + fireTime + " ended " + execution.getStatus() + ": "
                        + execution.getAllFailureExceptions());
            }
            return (String) execution.getExecutionContext().get(ScheduleJobConfiguration.SUMMARY);
        } catch (JobInstanceAlreadyCompleteException e) {
            log.info("Schedule {} for {} already ran; not again", name, fireTime);
            return "already done";
        }
    }

    /** An execution of the same run still marked STARTED is one a killed process left: fail it so it can restart. */
    private void failAbandoned(JobParameters parameters) {
        for (JobExecution running : explorer.findRunningJobExecutions(ScheduleJobConfiguration.JOB_NAME)) {
            if (!running.getJobParameters().equals(parameters)) {
                continue;
            }
            LocalDateTime updated = running.getLastUpdated() != null ? running.getLastUpdated() : running.getStartTime();
            if (updated != null && updated.isAfter(LocalDateTime.now().minusMinutes(30))) {
                continue; // probably alive in another instance
            }
            log.warn("Marking abandoned scheduled run {} as FAILED so it can restart", running.getId());
            AbandonedExecutions.markFailed(repository, running, "process ended during the run");
        }
    }

}
