package cn.zhenxing.schedule;

import org.quartz.Scheduler;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The {@code scheduler} health: up while this process's Quartz scheduler runs (started, not in standby,
 * not shut down). It never creates the scheduler: only {@code serve} does.
 */
@Component("schedulerHealthIndicator")
class SchedulerHealth implements HealthIndicator {

    private final Schedules schedules;

    SchedulerHealth(Schedules schedules) {
        this.schedules = schedules;
    }

    @Override
    public Health health() {
        Scheduler scheduler = schedules.existing();
        if (scheduler == null) {
            return Health.down().withDetail("state", "not created").build();
        }
        try {
            String state = scheduler.isShutdown() ? "shut down" : scheduler.isInStandbyMode() ? "standby" : "started";
            Health.Builder health = state.equals("started") ? Health.up() : Health.down();
            return health.withDetail("state", state).withDetail("instanceId", scheduler.getSchedulerInstanceId())
                    .withDetail("clustered", scheduler.getMetaData().isJobStoreClustered()).build();
        } catch (Exception e) {
            return Health.down(e).build();
        }
    }
}
