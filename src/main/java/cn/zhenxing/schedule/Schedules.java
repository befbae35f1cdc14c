package cn.zhenxing.schedule;

import java.io.IOException;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TimeZone;
import javax.sql.DataSource;
import org.quartz.CronScheduleBuilder;
import org.quartz.CronTrigger;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.quartz.impl.matchers.GroupMatcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationContext;
import org.springframework.scheduling.quartz.SchedulerFactoryBean;
import org.springframework.scheduling.quartz.SpringBeanJobFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Quartz on the warehouse's database (JDBC job store, clustered: two instances never fire the same
 * trigger twice), created only when a command needs it so other commands open nothing. Schedule
 * files are reconciled into the group {@value #GROUP}; nothing outside it is touched.
 */
@Component
public class Schedules {

    public static final String GROUP = "zhenxing-schedules";
    static final String SCHEDULER_NAME = "zhenxing";
    private static final Logger log = LoggerFactory.getLogger(Schedules.class);

    private final DataSource dataSource;
    private final PlatformTransactionManager transactions;
    private final ApplicationContext context;
    private final ScheduleProperties properties;
    private final ScheduleMeters meters;
    private final List<SchedulerFactoryBean> factories = new ArrayList<>();
    private Scheduler scheduler;

    public Schedules(DataSource dataSource, PlatformTransactionManager transactions, ApplicationContext context, ScheduleProperties properties,
                     ScheduleMeters meters) {
        this.dataSource = dataSource;
        this.transactions = transactions;
        this.context = context;
        this.properties = properties;
        this.meters = meters;
    }

    public ScheduleFiles.Loaded load() throws IOException {
        return ScheduleFiles.load(properties.dir());
    }

    /** This process's scheduler (not started). */
    public synchronized Scheduler scheduler() throws Exception {
        if (scheduler == null) {
            scheduler = newScheduler("AUTO");
        }
        return scheduler;
    }

    /** This process's scheduler if a command created it, else null (health asks without creating one). */
    public synchronized Scheduler existing() {
        return scheduler;
    }

    /** A scheduler instance of the cluster; tests start a second one with another instance id. */
    public synchronized Scheduler newScheduler(String instanceId) throws Exception {
        Properties quartz = new Properties();
        quartz.setProperty("org.quartz.scheduler.instanceId", instanceId);
        quartz.setProperty("org.quartz.jobStore.isClustered", "true");
        quartz.setProperty("org.quartz.jobStore.clusterCheckinInterval", "5000");
        quartz.setProperty("org.quartz.jobStore.driverDelegateClass", "org.quartz.impl.jdbcjobstore.StdJDBCDelegate");
        quartz.setProperty("org.quartz.jobStore.misfireThreshold", "60000");
        quartz.setProperty("org.quartz.jobStore.acquireTriggersWithinLock", "true");
        quartz.setProperty("org.quartz.threadPool.threadCount", "3");
        SpringBeanJobFactory jobs = new SpringBeanJobFactory();
        jobs.setApplicationContext(context);
        SchedulerFactoryBean factory = new SchedulerFactoryBean();
        factory.setSchedulerName(SCHEDULER_NAME);
        factory.setDataSource(dataSource);
        factory.setTransactionManager(transactions);
        factory.setQuartzProperties(quartz);
        factory.setJobFactory(jobs);
        factory.setApplicationContext(context);
        factory.setAutoStartup(false);
        factory.setWaitForJobsToCompleteOnShutdown(true);
        factory.afterPropertiesSet();
        factories.add(factory);
        Scheduler created = factory.getObject();
        created.getListenerManager().addTriggerListener(meters);
        return created;
    }

    /** What a reconciliation changed. */
    public record Reconciled(List<String> added, List<String> changed, List<String> removed, List<String> unchanged) {
    }

    public Reconciled reconcile(List<ScheduleDefinition> definitions) throws Exception {
        Scheduler s = scheduler();
        Reconciled result = new Reconciled(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        Set<String> wanted = new HashSet<>();
        for (ScheduleDefinition d : definitions) {
            wanted.add(d.name());
            meters.known(d.name());
            JobKey job = JobKey.jobKey(d.name(), GROUP);
            CronTrigger trigger = trigger(d);
            Trigger existing = s.getTrigger(trigger.getKey());
            if (!s.checkExists(job)) {
                JobDetail detail = JobBuilder.newJob(ScheduledRun.class).withIdentity(job).withDescription(d.description())
                        .storeDurably().requestRecovery(true).build();
                s.scheduleJob(detail, Set.of(trigger), true);
                result.added().add(d.name());
            } else if (existing == null) {
                s.scheduleJob(trigger);
                result.changed().add(d.name());
            } else if (!same(existing, trigger)) {
                s.rescheduleJob(trigger.getKey(), trigger);
                result.changed().add(d.name());
            } else {
                result.unchanged().add(d.name());
            }
        }
        for (JobKey job : s.getJobKeys(GroupMatcher.jobGroupEquals(GROUP))) {
            if (!wanted.contains(job.getName())) {
                s.deleteJob(job);
                result.removed().add(job.getName());
            }
        }
        log.info("Schedules reconciled: added {}, changed {}, removed {}, unchanged {}", result.added(), result.changed(),
                result.removed(), result.unchanged().size());
        return result;
    }

    static CronTrigger trigger(ScheduleDefinition d) {
        CronScheduleBuilder cron = CronScheduleBuilder.cronSchedule(d.cron()).inTimeZone(TimeZone.getTimeZone(ZoneId.of(d.timeZone())));
        cron = d.fireOnceAfterMisfire() ? cron.withMisfireHandlingInstructionFireAndProceed() : cron.withMisfireHandlingInstructionDoNothing();
        return TriggerBuilder.newTrigger().withIdentity(TriggerKey.triggerKey(d.name(), GROUP)).forJob(JobKey.jobKey(d.name(), GROUP))
                .withDescription(d.description()).withSchedule(cron).build();
    }

    private static boolean same(Trigger existing, CronTrigger wanted) {
        return existing instanceof CronTrigger cron && cron.getCronExpression().equals(wanted.getCronExpression())
                && cron.getTimeZone().getID().equals(wanted.getTimeZone().getID())
                && cron.getMisfireInstruction() == wanted.getMisfireInstruction();
    }

    /** Next fire times of the files' schedules, computed from their crons (no scheduler needed). */
    public static List<ZonedDateTime> nextFireTimes(ScheduleDefinition d, ZonedDateTime from, int count) {
        CronTrigger t = TriggerBuilder.newTrigger().withSchedule(CronScheduleBuilder.cronSchedule(d.cron())
                .inTimeZone(TimeZone.getTimeZone(ZoneId.of(d.timeZone())))).startAt(Date.from(from.toInstant())).build();
        List<ZonedDateTime> times = new ArrayList<>();
        Date next = Date.from(from.toInstant());
        for (int i = 0; i < count; i++) {
            next = t.getFireTimeAfter(next);
            if (next == null) {
                break;
            }
            times.add(next.toInstant().atZone(ZoneId.of(d.timeZone())));
        }
        return times;
    }

    public synchronized void shutdown() {
        for (SchedulerFactoryBean factory : factories) {
            try {
                factory.destroy();
            } catch (SchedulerException e) {
                log.warn("Scheduler shutdown failed: {}", e.getMessage());
            }
        }
        factories.clear();
        scheduler = null;
    }

    @jakarta.annotation.PreDestroy
    void close() {
        shutdown();
    }
}
