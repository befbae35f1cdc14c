package cn.zhenxing.cli;

import cn.zhenxing.schedule.ScheduleFiles;
import cn.zhenxing.schedule.Schedules;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.quartz.Scheduler;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code serve}: run the scheduler until stopped (Ctrl-C or SIGTERM). */
@Component
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Reconcile schedules/ into Quartz and run them until stopped (inbox polling, quarterly reports, reminders, deliveries).")
class ServeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    private final ObjectProvider<Schedules> schedules;

    ServeCommand(ObjectProvider<Schedules> schedules) {
        this.schedules = schedules;
    }

    @Override
    public Integer call() throws Exception {
        Schedules s = schedules.getObject();
        ScheduleFiles.Loaded loaded = s.load();
        if (!loaded.problems().isEmpty()) {
            loaded.problems().forEach(p -> spec.commandLine().getErr().println("ERROR " + p));
            spec.commandLine().getErr().println("Schedules not started: fix the files above (see schedules/README.md), then run serve again.");
            return ExitCodes.REJECTED;
        }
        Schedules.Reconciled r = s.reconcile(loaded.schedules());
        Scheduler scheduler = s.scheduler();
        scheduler.start();
        spec.commandLine().getOut().printf("Serving %d schedule(s) from %s (added %s, changed %s, removed %s). Ctrl-C to stop.%n",
                loaded.schedules().size(), loaded.source(), r.added(), r.changed(), r.removed());
        spec.commandLine().getOut().flush();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            s.shutdown();
            stopped.countDown();
        }, "zhenxing-serve-shutdown"));
        stopped.await();
        return ExitCodes.OK;
    }
}
