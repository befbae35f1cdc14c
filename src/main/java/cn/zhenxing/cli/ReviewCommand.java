package cn.zhenxing.cli;

import cn.zhenxing.account.PortalUser;
import cn.zhenxing.account.PortalUsers;
import cn.zhenxing.review.ReviewAction;
import cn.zhenxing.review.ReviewEvent;
import cn.zhenxing.review.ReviewRefusedException;
import cn.zhenxing.review.ReviewService;
import cn.zhenxing.review.ReviewState;
import cn.zhenxing.review.Reviewer;
import cn.zhenxing.review.UnitReview;
import cn.zhenxing.warehouse.Quarter;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.Callable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Scope;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code review list|approve|return|unapprove}: the review round (逐级审核) of a quarter. An action is
 * taken as a portal account ({@code --as}), with that account's authority; without it, as the operator
 * at the command line with the province administrator's authority (who may act at province level).
 */
@Component
@Scope("prototype")
@Command(name = "review", mixinStandardHelpOptions = true,
        subcommands = {ReviewCommand.ListReviews.class, ReviewCommand.Approve.class, ReviewCommand.Return.class, ReviewCommand.Unapprove.class},
        description = "Level-by-level review (逐级审核): list a quarter's review states; approve, return (with a reason) or withdraw an approval.")
class ReviewCommand implements Runnable {

    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Component
    @Scope("prototype")
    @Command(name = "list", mixinStandardHelpOptions = true, description = "Every unit's review state of the quarter: unit, state, version, last 审核意见, since.")
    static class ListReviews implements Callable<Integer>, NeedsCatalog {
        @Spec
        CommandSpec spec;

        @Option(names = "--period", required = true, description = "The quarter, e.g. 2025Q4.")
        String period;

        @Option(names = "--state", description = "Only units in this state: 未报送, 已报送, 市级已审核, 省级已审核, 已退回 (or submitted, city_approved, ...).")
        String state;

        private final ObjectProvider<ReviewService> review;
        private final Arguments arguments;

        ListReviews(ObjectProvider<ReviewService> review, Arguments arguments) {
            this.review = review;
            this.arguments = arguments;
        }

        @Override
        public Integer call() {
            Quarter quarter = arguments.period(spec, period);
            ReviewState only;
            try {
                only = state == null ? null : ReviewState.parse(state);
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), e.getMessage());
            }
            List<UnitReview> units = review.getObject().quarter(quarter).stream().filter(u -> only == null || u.state() == only).toList();
            spec.commandLine().getOut().println(quarter.labelZh() + " 审核情况");
            TextTable t = new TextTable("单位代码", "单位", "审核状态", "版本", "最近审核意见", "状态起始");
            units.forEach(u -> t.row(u.unitCode(), u.unitName(), u.state().labelZh(), u.version() == null ? "" : u.version(),
                    u.lastReasonZh() == null ? "" : u.lastReasonZh(), u.since() == null ? "" : TIME.format(u.since())));
            t.print(spec.commandLine().getOut());
            spec.commandLine().getOut().println("共 " + units.size() + " 个单位");
            return ExitCodes.OK;
        }
    }

    /** The options and the run every action shares. */
    abstract static class Act implements Callable<Integer>, NeedsCatalog {
        @Spec
        CommandSpec spec;

        @Option(names = "--unit", required = true, description = "The reporting unit acted on, e.g. 140322.")
        String unit;

        @Option(names = "--period", required = true, description = "The quarter, e.g. 2025Q4.")
        String period;

        @Option(names = "--reason", description = "审核意见 (required for return).")
        String reason;

        @Option(names = "--as", description = "Act as this portal account (its role and unit decide what it may do).")
        String as;

        private final ObjectProvider<ReviewService> review;
        private final ObjectProvider<PortalUsers> users;
        private final Arguments arguments;

        Act(ObjectProvider<ReviewService> review, ObjectProvider<PortalUsers> users, Arguments arguments) {
            this.review = review;
            this.users = users;
            this.arguments = arguments;
        }

        abstract ReviewAction action();

        @Override
        public Integer call() {
            Quarter quarter = arguments.period(spec, period);
            if (action() == ReviewAction.RETURN && (reason == null || reason.isBlank())) {
                throw new ParameterException(spec.commandLine(), "退回须写明审核意见，例如：review return --unit " + unit + " --period " + quarter.code()
                        + " --reason \"地区生产总值增速异常，请核实\"");
            }
            Reviewer who = actor();
            try {
                ReviewEvent event = review.getObject().act(unit.strip(), quarter, action(), who, reason);
                spec.commandLine().getOut().println(action().labelZh() + "：" + review.getObject().chain(unit.strip()).unitName() + " "
                        + quarter.labelZh() + " 第" + event.version() + "版 " + event.from().labelZh() + " → " + event.to().labelZh()
                        + "（" + who.name() + "）");
                return ExitCodes.OK;
            } catch (ReviewRefusedException | IllegalArgumentException e) {
                spec.commandLine().getErr().println(e.getMessage());
                return ExitCodes.REJECTED;
            }
        }

        private Reviewer actor() {
            if (as == null) {
                String os = System.getProperty("user.name", "operator");
                return new Reviewer("cli:" + os, "命令行操作员（" + os + "）", PortalUser.Role.ADMIN, null);
            }
            try {
                PortalUser user = users.getObject().loadUserByUsername(as.strip());
                if (!user.enabled()) {
                    throw new ParameterException(spec.commandLine(), "账号“" + as + "”已停用。");
                }
                return Reviewer.of(user);
            } catch (UsernameNotFoundException e) {
                throw new ParameterException(spec.commandLine(), "没有用户名为“" + as + "”的账号（users list 可查看现有账号）。");
            }
        }
    }

    @Component
    @Scope("prototype")
    @Command(name = "approve", mixinStandardHelpOptions = true, description = "Approve the unit's current version at the acting level (审核通过).")
    static class Approve extends Act {
        Approve(ObjectProvider<ReviewService> review, ObjectProvider<PortalUsers> users, Arguments arguments) {
            super(review, users, arguments);
        }

        @Override
        ReviewAction action() {
            return ReviewAction.APPROVE;
        }
    }

    @Component
    @Scope("prototype")
    @Command(name = "return", mixinStandardHelpOptions = true, description = "Return the unit's current version with a reason (退回); the unit resubmits.")
    static class Return extends Act {
        Return(ObjectProvider<ReviewService> review, ObjectProvider<PortalUsers> users, Arguments arguments) {
            super(review, users, arguments);
        }

        @Override
        ReviewAction action() {
            return ReviewAction.RETURN;
        }
    }

    @Component
    @Scope("prototype")
    @Command(name = "unapprove", mixinStandardHelpOptions = true,
            description = "Withdraw the acting level's approval (撤销审核), allowed while the level above has not approved.")
    static class Unapprove extends Act {
        Unapprove(ObjectProvider<ReviewService> review, ObjectProvider<PortalUsers> users, Arguments arguments) {
            super(review, users, arguments);
        }

        @Override
        ReviewAction action() {
            return ReviewAction.UNAPPROVE;
        }
    }
}
