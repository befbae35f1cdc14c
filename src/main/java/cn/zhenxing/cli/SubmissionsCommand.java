package cn.zhenxing.cli;

import cn.zhenxing.ingest.SubmissionStore;
import java.util.concurrent.Callable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Scope;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code submissions}: what has been received, for whom, and what became of it. */
@Component
@Scope("prototype")
@Command(name = "submissions", mixinStandardHelpOptions = true,
        description = "List received files: unit, period, version, status (accepted/rejected/superseded), late, errors, warnings.")
class SubmissionsCommand implements Callable<Integer>, NeedsCatalog {

    @Spec
    CommandSpec spec;

    @Option(names = "--period", description = "Only this quarter, e.g. 2025Q3.")
    String period;

    private final ObjectProvider<SubmissionStore> store;
    private final Arguments arguments;

    SubmissionsCommand(ObjectProvider<SubmissionStore> store, Arguments arguments) {
        this.store = store;
        this.arguments = arguments;
    }

    @Override
    public Integer call() {
        if (period != null) {
            period = arguments.period(spec, period).code();
        }
        TextTable t = new TextTable("编号", "单位", "报告期", "版本", "状态", "当前", "迟报", "错误", "提示", "指标值", "文件");
        store.getObject().list(period).forEach(r -> t.row(r.get("submission_id"), r.get("unit_name"), r.get("period_code"),
                r.get("version"), r.get("status"), Boolean.TRUE.equals(r.get("is_current")) ? "是" : "",
                Boolean.TRUE.equals(r.get("is_late")) ? "是" : "", r.get("error_count"), r.get("warning_count"),
                r.get("indicator_values"), r.get("file_name")));
        t.print(spec.commandLine().getOut());
        return ExitCodes.OK;
    }
}
