package cn.zhenxing.warehouse;

import java.time.LocalDateTime;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.JobExecution;
import org.springframework.batch.core.StepExecution;
import org.springframework.batch.core.repository.JobRepository;

/** A Batch execution a killed process left STARTED blocks its own restart: mark it (and its running steps) failed; or abandon one for good. */
public final class AbandonedExecutions {

    private AbandonedExecutions() {
    }

    /** An execution that must not be restarted (its work was decided another way). */
    public static void markAbandoned(JobRepository repository, JobExecution execution, String description) {
        execution.setStatus(BatchStatus.ABANDONED);
        execution.setExitStatus(ExitStatus.FAILED.addExitDescription(description));
        repository.update(execution);
    }

    public static void markFailed(JobRepository repository, JobExecution execution, String description) {
        for (StepExecution step : execution.getStepExecutions()) {
            if (step.getStatus().isRunning()) {
                step.setStatus(BatchStatus.FAILED);
                step.setExitStatus(ExitStatus.FAILED);
                step.setEndTime(LocalDateTime.now());
                repository.update(step);
            }
        }
        execution.setStatus(BatchStatus.FAILED);
        execution.setExitStatus(ExitStatus.FAILED.addExitDescription(description));
        execution.setEndTime(LocalDateTime.now());
        repository.update(execution);
    }
}
