package cn.zhenxing.schedule;

import io.micrometer.core.instrument.MeterRegistry;
import org.quartz.JobExecutionContext;
import org.quartz.Trigger;
import org.quartz.Trigger.CompletedExecutionInstruction;
import org.quartz.TriggerListener;
import org.springframework.stereotype.Component;

/**
 * Counts each schedule's fires and misfires ({@code zhenxing.schedule.fires}, {@code zhenxing.schedule.misfires},
 * tagged with the schedule's name) as this process's scheduler sees them.
 */
@Component
class ScheduleMeters implements TriggerListener {

    static final String FIRES = "zhenxing.schedule.fires";
    static final String MISFIRES = "zhenxing.schedule.misfires";

    private final MeterRegistry registry;

    ScheduleMeters(MeterRegistry registry) {
        this.registry = registry;
    }

    /** A schedule's series exist once it is reconciled, so a rate over them is 0 rather than missing. */
    void known(String schedule) {
        registry.counter(FIRES, "schedule", schedule);
        registry.counter(MISFIRES, "schedule", schedule);
    }

    @Override
    public String getName() {
        return "zhenxing-schedule-meters";
    }

    @Override
    public void triggerFired(Trigger trigger, JobExecutionContext context) {
        registry.counter(FIRES, "schedule", trigger.getJobKey().getName()).increment();
    }

    @Override
    public boolean vetoJobExecution(Trigger trigger, JobExecutionContext context) {
        return false;
    }

    @Override
    public void triggerMisfired(Trigger trigger) {
        registry.counter(MISFIRES, "schedule", trigger.getJobKey().getName()).increment();
    }

    @Override
    public void triggerComplete(Trigger trigger, JobExecutionContext context, CompletedExecutionInstruction instruction) {
        // Outcomes are the runs' own business (ScheduledRun logs them).
    }
}
