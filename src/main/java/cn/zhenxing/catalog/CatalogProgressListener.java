package cn.zhenxing.catalog;

import java.time.Duration;
import java.time.LocalDateTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.StepExecution;
import org.springframework.batch.core.StepExecutionListener;
import org.springframework.batch.item.ExecutionContext;

/** Prints one progress line per finished catalog step (the CLI's progress display) and logs it. */
class CatalogProgressListener implements StepExecutionListener {

    private static final Logger log = LoggerFactory.getLogger(CatalogProgressListener.class);

    @Override
    public void beforeStep(StepExecution stepExecution) {
        // counts are reported after the step
    }

    @Override
    public ExitStatus afterStep(StepExecution step) {
        ExecutionContext ctx = step.getExecutionContext();
        long millis = step.getStartTime() == null ? 0
                : Duration.between(step.getStartTime(), step.getEndTime() != null ? step.getEndTime() : LocalDateTime.now()).toMillis();
        String line = String.format("  %-16s %-9s read %4d  new %4d  changed %4d  unchanged %4d  (%d ms)",
                step.getStepName(), step.getStatus(), step.getReadCount(),
                ctx.getInt(Change.INSERTED.counterKey(), 0), ctx.getInt(Change.UPDATED.counterKey(), 0),
                ctx.getInt(Change.UNCHANGED.counterKey(), 0), millis);
        System.out.println(line);
        log.info("catalog step {}", line.strip());
        return step.getExitStatus();
    }
}
