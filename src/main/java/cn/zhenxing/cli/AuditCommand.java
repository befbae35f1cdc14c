package cn.zhenxing.cli;

import cn.zhenxing.audit.Auditor;
import cn.zhenxing.audit.Finding;
import cn.zhenxing.audit.Rule;
import cn.zhenxing.audit.WarehouseAudit;
import cn.zhenxing.warehouse.Quarter;
import java.io.PrintWriter;
import java.time.LocalDateTime;
import java.util.List;
import java.util.concurrent.Callable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Scope;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code audit run | rules}: the validation rules of etl/rules over accepted data, and the rules themselves. */
@Component
@Scope("prototype")
@Command(name = "audit", mixinStandardHelpOptions = true, subcommands = {AuditCommand.Run.class, AuditCommand.Rules.class},
        description = "数据审核: run the validation rules of etl/rules over a quarter's accepted data, or list the rules.")
class AuditCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Component
    @Scope("prototype")
    @Command(name = "run", mixinStandardHelpOptions = true,
            description = "Run every rule over the quarter's accepted (current) data, list the findings and keep them in "
                    + "mart_audit_finding (the quarter's previous run is replaced). Exit 0 with no mandatory (强制) finding, 2 otherwise.")
    static class Run implements Callable<Integer>, NeedsCatalog {

        @Spec
        CommandSpec spec;

        @Option(names = "--period", required = true, description = "The quarter, e.g. 2025Q4.")
        String period;

        private final ObjectProvider<WarehouseAudit> audit;
        private final Arguments arguments;

        Run(ObjectProvider<WarehouseAudit> audit, Arguments arguments) {
            this.audit = audit;
            this.arguments = arguments;
        }

        @Override
        public Integer call() {
            Quarter quarter = arguments.period(spec, period);
            List<Finding> findings = audit.getObject().run(quarter, LocalDateTime.now());
            PrintWriter out = spec.commandLine().getOut();
            if (findings.isEmpty()) {
                out.println(quarter.labelZh() + "已接收的数据经审核规则检查，未发现问题。");
                return ExitCodes.OK;
            }
            TextTable t = new TextTable("规则", "性质", "地区", "指标或项目", "问题", "说明");
            findings.forEach(f -> t.row(f.rule().code() + " " + f.rule().nameZh(), f.rule().severity().zh,
                    f.regionName() == null ? "" : f.regionName(), f.itemName(), f.messageZh(), f.note() == null ? "" : f.note()));
            t.print(out);
            long mandatory = findings.stream().filter(f -> f.rule().severity() == Rule.Severity.MANDATORY).count();
            long explained = findings.stream().filter(f -> !f.blocks()).count();
            out.println(quarter.labelZh() + "共发现" + findings.size() + "处问题：强制性" + mandatory + "处，核实性" + (findings.size() - mandatory)
                    + "处（其中" + explained + "处已有说明）。已记入数据质量表（mart_audit_finding）。");
            return mandatory > 0 ? ExitCodes.REJECTED : ExitCodes.OK;
        }
    }

    @Component
    @Scope("prototype")
    @Command(name = "rules", mixinStandardHelpOptions = true, description = "List the validation rules of etl/rules (code, group, severity, name).")
    static class Rules implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        private final Auditor auditor;

        Rules(Auditor auditor) {
            this.auditor = auditor;
        }

        @Override
        public Integer call() {
            TextTable t = new TextTable("规则", "类别", "性质", "名称", "判断");
            for (Rule r : auditor.book().rules()) {
                t.row(r.code(), r.group(), r.severity().zh, r.nameZh(), (r.when() == null ? "" : "当 " + r.when() + " 时，")
                        + r.left() + " " + r.operator().symbol + " " + r.right());
            }
            t.print(spec.commandLine().getOut());
            return ExitCodes.OK;
        }
    }
}
