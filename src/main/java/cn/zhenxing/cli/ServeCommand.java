package cn.zhenxing.cli;

import cn.zhenxing.account.PortalUser;
import cn.zhenxing.account.PortalUsers;
import cn.zhenxing.schedule.ScheduleFiles;
import cn.zhenxing.schedule.Schedules;
import cn.zhenxing.web.WebProperties;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.quartz.Scheduler;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Scope;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code serve}: run the scheduler until stopped (Ctrl-C or SIGTERM). */
@Component
@Scope("prototype")
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Run the web portal and the schedules until stopped (inbox polling, quarterly reports, reminders, deliveries).")
class ServeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    private final ObjectProvider<Schedules> schedules;
    private final ObjectProvider<PortalUsers> users;
    private final WebProperties web;
    private final Environment environment;

    ServeCommand(ObjectProvider<Schedules> schedules, ObjectProvider<PortalUsers> users, WebProperties web, Environment environment) {
        this.schedules = schedules;
        this.users = users;
        this.web = web;
        this.environment = environment;
    }

    /** The first administrator comes from configuration, once; there is no default password. */
    private void initialAdministrator() {
        PortalUsers accounts = users.getObject();
        if (accounts.hasAdministrator()) {
            return;
        }
        WebProperties.InitialAdmin admin = web.initialAdmin();
        if (admin.username() == null || admin.password() == null) {
            spec.commandLine().getErr().println("尚无网页管理员账号：请设置 ZHENXING_WEB_INITIAL_ADMIN_USERNAME 和 "
                    + "ZHENXING_WEB_INITIAL_ADMIN_PASSWORD（密码至少10位）后重新启动，或执行 users add --role admin。");
            return;
        }
        accounts.create(admin.username(), admin.password(), "系统管理员", PortalUser.Role.ADMIN, null, null);
        spec.commandLine().getOut().println("已按配置创建首个管理员账号“" + admin.username() + "”。");
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
        initialAdministrator();
        Schedules.Reconciled r = s.reconcile(loaded.schedules());
        Scheduler scheduler = s.scheduler();
        scheduler.start();
        spec.commandLine().getOut().printf("Serving %d schedule(s) from %s (added %s, changed %s, removed %s).%n",
                loaded.schedules().size(), loaded.source(), r.added(), r.changed(), r.removed());
        spec.commandLine().getOut().printf("Portal: http://localhost:%s/login  (Ctrl-C to stop)%n", environment.getProperty("local.server.port", "8080"));
        spec.commandLine().getOut().printf("Monitoring: http://%s:%s/actuator/health and /actuator/prometheus%n",
                environment.getProperty("management.server.address", "127.0.0.1"), environment.getProperty("local.management.port", "8081"));
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
