package cn.zhenxing.cli;

import cn.zhenxing.schedule.ScheduleDefinition;
import cn.zhenxing.schedule.ScheduleFiles;
import cn.zhenxing.schedule.ScheduleRunner;
import cn.zhenxing.schedule.Schedules;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Scope;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code schedules list|check|run NAME}. */
@Component
@Scope("prototype")
@Command(name = "schedules", mixinStandardHelpOptions = true,
        subcommands = {SchedulesCommand.ListSchedules.class, SchedulesCommand.Check.class, SchedulesCommand.Run.class},
        description = "Schedules from the schedules/ folder: list next fire times, check the files, run one now.")
class SchedulesCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    @Component

    @Scope("prototype")
    @Command(name = "list", mixinStandardHelpOptions = true, description = "Each schedule with its cron and next three fire times.")
    static class ListSchedules implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        private final ObjectProvider<Schedules> schedules;

        ListSchedules(ObjectProvider<Schedules> schedules) {
            this.schedules = schedules;
        }

        @Override
        public Integer call() throws Exception {
            ScheduleFiles.Loaded loaded = schedules.getObject().load();
            TextTable t = new TextTable("计划", "执行", "cron（时区）", "接下来三次", "说明");
            for (ScheduleDefinition d : loaded.schedules()) {
                String next = Schedules.nextFireTimes(d, ZonedDateTime.now(), 3).stream().map(TIME::format).collect(Collectors.joining(", "));
                t.row(d.name(), d.kind().code(), d.cron() + "（" + d.timeZone() + "）", next, d.description());
            }
            t.print(spec.commandLine().getOut());
            spec.commandLine().getOut().println("Source: " + loaded.source() + (loaded.problems().isEmpty() ? ""
                    : "  (" + loaded.problems().size() + " problem(s): run `schedules check`)"));
            return ExitCodes.OK;
        }
    }

    @Component

    @Scope("prototype")
    @Command(name = "check", mixinStandardHelpOptions = true, description = "Validate every schedule file and recipients.yml.")
    static class Check implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        private final ObjectProvider<Schedules> schedules;

        Check(ObjectProvider<Schedules> schedules) {
            this.schedules = schedules;
        }

        @Override
        public Integer call() throws Exception {
            ScheduleFiles.Loaded loaded = schedules.getObject().load();
            loaded.problems().forEach(p -> spec.commandLine().getErr().println("ERROR " + p));
            spec.commandLine().getOut().printf("%d schedule(s), %d recipient(s) in %s: %s%n", loaded.schedules().size(),
                    loaded.recipients().size(), loaded.source(), loaded.problems().isEmpty() ? "OK" : loaded.problems().size() + " problem(s)");
            return loaded.problems().isEmpty() ? ExitCodes.OK : ExitCodes.REJECTED;
        }
    }

    @Component

    @Scope("prototype")
    @Command(name = "run", mixinStandardHelpOptions = true, description = "Run one schedule now, in this process.")
    static class Run implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "NAME", description = "Schedule name, e.g. quarterly-reports.")
        String name;

        private final ObjectProvider<ScheduleRunner> runner;

        Run(ObjectProvider<ScheduleRunner> runner) {
            this.runner = runner;
        }

        @Override
        public Integer call() throws Exception {
            try {
                spec.commandLine().getOut().println(name + ": " + runner.getObject().run(name, Instant.now()));
                return ExitCodes.OK;
            } catch (IllegalArgumentException e) {
                spec.commandLine().getErr().println(e.getMessage());
                return ExitCodes.REJECTED;
            }
        }
    }

}
