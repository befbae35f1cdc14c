package cn.zhenxing.cli;

import cn.zhenxing.account.PortalUser;
import cn.zhenxing.account.PortalUsers;
import java.util.concurrent.Callable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Scope;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code users add|list|reset-password}: portal accounts. */
@Component
@Scope("prototype")
@Command(name = "users", mixinStandardHelpOptions = true, subcommands = {UsersCommand.Add.class, UsersCommand.ListUsers.class, UsersCommand.ResetPassword.class},
        description = "Web portal accounts: statisticians (one unit), administrators, leaders (optionally one city).")
class UsersCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Component
    @Scope("prototype")
    @Command(name = "add", mixinStandardHelpOptions = true, description = "Create an account; without --password one is generated and printed once.")
    static class Add implements Callable<Integer>, NeedsCatalog {
        @Spec
        CommandSpec spec;

        @Option(names = "--role", required = true, description = "statistician | admin | leader | reviewer")
        String role;

        @Option(names = "--unit", description = "The statistician's reporting unit, e.g. 140400; a reviewer's unit it reviews for (140300: its counties, 140000: the cities).")
        String unit;

        @Option(names = "--region", description = "A leader limited to one city, e.g. 140400.")
        String region;

        @Option(names = "--username", required = true, description = "Login name.")
        String username;

        @Option(names = "--name", required = true, description = "Display name, e.g. 长治市统计员.")
        String name;

        @Option(names = "--email", description = "Where receipts of this user's uploads are mailed.")
        String email;

        @Option(names = "--password", description = "Initial password (zhenxing.security.password: at least 10 characters, 2 character classes).")
        String password;

        @Option(names = "--no-password-change", description = "A generated password need not be changed at the first sign-in (demo accounts).")
        boolean noPasswordChange;

        @Option(names = "--if-absent", description = "Do nothing when the user exists (for scripts such as demo).")
        boolean ifAbsent;

        private final ObjectProvider<PortalUsers> users;

        Add(ObjectProvider<PortalUsers> users) {
            this.users = users;
        }

        @Override
        public boolean needsCatalog() {
            return "statistician".equalsIgnoreCase(role) || "reviewer".equalsIgnoreCase(role); // bound to a reporting unit of the catalog
        }

        @Override
        public Integer call() {
            String chosen = password != null ? password : users.getObject().generatePassword();
            if (ifAbsent && users.getObject().exists(username)) {
                spec.commandLine().getOut().println("账号“" + username + "”已存在，未作改动。");
                return ExitCodes.OK;
            }
            try {
                // A generated password is printed here, so its owner replaces it at the first sign-in.
                users.getObject().create(username, chosen, name, email, PortalUser.Role.valueOf(role.toUpperCase()), unit, region,
                        password == null && !noPasswordChange);
            } catch (IllegalArgumentException e) {
                spec.commandLine().getErr().println(e.getMessage().startsWith("No enum") ? "角色须为 statistician、admin、leader 或 reviewer。" : e.getMessage());
                return ExitCodes.REJECTED;
            }
            spec.commandLine().getOut().println("已创建" + roleZh(role) + "账号“" + username + "”" + (password == null ? "，密码（只显示这一次）：" + chosen
                    + (noPasswordChange ? "" : "；首次登录时须修改密码") : "。"));
            return ExitCodes.OK;
        }

    }

    private static String roleZh(String role) {
        return switch (role.toLowerCase()) {
            case "statistician" -> "统计员";
            case "leader" -> "领导";
            case "admin" -> "管理员";
            case "reviewer" -> "审核员";
            default -> role;
        };
    }

    @Component
    @Scope("prototype")
    @Command(name = "reset-password", mixinStandardHelpOptions = true,
            description = "Give an account a new password: the one of --password, or a generated one printed once. The old one stops working.")
    static class ResetPassword implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--username", required = true, description = "Login name.")
        String username;

        @Option(names = "--password", description = "The new password (zhenxing.security.password); without it one is generated. Either way it is changed at the next sign-in.")
        String password;

        private final ObjectProvider<PortalUsers> users;

        ResetPassword(ObjectProvider<PortalUsers> users) {
            this.users = users;
        }

        @Override
        public Integer call() {
            String chosen;
            try {
                chosen = users.getObject().resetPassword(username, password);
            } catch (IllegalArgumentException e) {
                spec.commandLine().getErr().println(e.getMessage());
                return ExitCodes.REJECTED;
            }
            spec.commandLine().getOut().println(password == null
                    ? "已为“" + username + "”生成新密码（只显示这一次）：" + chosen + "；下次登录时须修改密码"
                    : "已为“" + username + "”设置新密码；下次登录时须修改密码。");
            return ExitCodes.OK;
        }
    }

    @Component
    @Scope("prototype")
    @Command(name = "list", mixinStandardHelpOptions = true, description = "List accounts.")
    static class ListUsers implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        private final ObjectProvider<PortalUsers> users;

        ListUsers(ObjectProvider<PortalUsers> users) {
            this.users = users;
        }

        @Override
        public Integer call() {
            TextTable t = new TextTable("用户名", "姓名", "角色", "单位", "限定地区");
            users.getObject().list().forEach(u -> t.row(u.get("username"), u.get("display_name"), u.get("role"), u.get("unit_name"), u.get("region_code")));
            t.print(spec.commandLine().getOut());
            return ExitCodes.OK;
        }
    }
}
