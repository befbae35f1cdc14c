package cn.zhenxing.cli;

import cn.zhenxing.mart.MartRefresher;
import java.util.List;
import java.util.concurrent.Callable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Scope;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code marts refresh}: rebuild the marts from the facts. */
@Component
@Scope("prototype")
@Command(name = "marts", mixinStandardHelpOptions = true, subcommands = MartsCommand.Refresh.class,
        description = "Warehouse marts (progress against targets, tasks, projects, completeness, data quality).")
class MartsCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Component

    @Scope("prototype")
    @Command(name = "refresh", mixinStandardHelpOptions = true,
            description = "Rebuild the marts of every quarter with data (or of one quarter), each quarter in one transaction.")
    static class Refresh implements Callable<Integer>, NeedsCatalog {

        @Spec
        CommandSpec spec;

        @Option(names = "--period", description = "Only this quarter, e.g. 2025Q3.")
        String period;

        private final ObjectProvider<MartRefresher> refresher;
        private final Arguments arguments;

        Refresh(ObjectProvider<MartRefresher> refresher, Arguments arguments) {
            this.refresher = refresher;
            this.arguments = arguments;
        }

        @Override
        public Integer call() {
            if (period != null) {
                period = arguments.period(spec, period).code();
            }
            List<MartRefresher.Refreshed> done = period == null
                    ? refresher.getObject().refreshAll("marts refresh")
                    : List.of(refresher.getObject().refresh(period, "full", "marts refresh --period " + period));
            TextTable t = new TextTable("报告期", "指标行", "任务行", "项目行", "报送单位", "数据质量提示", "审核发现");
            done.forEach(r -> t.row(r.periodCode(), r.indicatorRows(), r.taskRows(), r.projectRows(), r.unitRows(), r.qualityWarnings(),
                    r.auditFindings()));
            t.print(spec.commandLine().getOut());
            return ExitCodes.OK;
        }
    }
}
