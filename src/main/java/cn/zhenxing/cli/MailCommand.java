package cn.zhenxing.cli;

import cn.zhenxing.mailin.MailIntake;
import cn.zhenxing.mailin.MailPollSummary;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Scope;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code mail poll}: read the intake mailbox once, as the mail-poll schedule does. */
@Component
@Scope("prototype")
@Command(name = "mail", mixinStandardHelpOptions = true, subcommands = MailCommand.Poll.class,
        description = "Forms received by mail (the intake mailbox, zhenxing.mail-intake.*).")
class MailCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Component
    @Scope("prototype")
    @Command(name = "poll", mixinStandardHelpOptions = true,
            description = "Read the intake mailbox once: ingest every form attached by a unit's contact, queue and send the replies "
                    + "(回执, feedback, refusals), move the mails to the processed folder. Safe beside a running serve: each mail "
                    + "and attachment is processed once.")
    static class Poll implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        private final ObjectProvider<MailIntake> intake;

        Poll(ObjectProvider<MailIntake> intake) {
            this.intake = intake;
        }

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            MailIntake mail = intake.getObject();
            if (!mail.configured()) {
                spec.commandLine().getErr().println("未配置报表邮箱：请设置 zhenxing.mail-intake.host（环境变量 ZHENXING_MAIL_INTAKE_HOST）、"
                        + "用户名和密码，见 README“Mail intake”。");
                return ExitCodes.REJECTED;
            }
            MailPollSummary s = mail.poll();
            out.println(s);
            return s.rejected() > 0 ? ExitCodes.REJECTED : ExitCodes.OK;
        }
    }
}
