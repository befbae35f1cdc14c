package cn.zhenxing.schedule;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;

/** The Quartz job of every schedule: runs the schedule's action for the trigger's scheduled fire time. */
@DisallowConcurrentExecution
public class ScheduledRun implements Job {

    private final ScheduleRunner runner;

    public ScheduledRun(ScheduleRunner runner) {
        this.runner = runner;
    }

    @Override
    public void execute(JobExecutionContext context) throws JobExecutionException {
        try {
            // The scheduled (not actual) fire time: a recovered or re-fired trigger is the same run.
            runner.run(context.getJobDetail().getKey().getName(), context.getScheduledFireTime().toInstant());
        } catch (Exception e) {
            throw new JobExecutionException(e, false);
        }
    }
}
