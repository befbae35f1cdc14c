package cn.zhenxing.security;

/** What a security event records; {@code code} is stored, {@code labelZh} shown on the administrator's audit page. */
public enum SecurityAction {
    LOGIN("login", "登录"),
    LOGOUT("logout", "退出"),
    LOCKOUT("lockout", "账号锁定"),
    PASSWORD_CHANGE("password-change", "修改密码"),
    PASSWORD_RESET("password-reset", "重置密码"),
    ACCOUNT_CREATE("account-create", "创建账号"),
    ACCOUNT_ENABLE("account-enable", "启用账号"),
    ACCOUNT_DISABLE("account-disable", "停用账号"),
    ACCOUNT_UNLOCK("account-unlock", "解锁账号"),
    PERIOD_LOCK("period-lock", "关闭报送期"),
    PERIOD_UNLOCK("period-unlock", "开放报送期"),
    DEADLINE_EXCEPTION("deadline-exception", "批准延期报送"),
    CONTACT_ADD("contact-add", "添加联系人"),
    CONTACT_REMOVE("contact-remove", "删除联系人"),
    REPORT_REGENERATE("report-regenerate", "重新生成报告"),
    REVIEW("review", "审核操作"),
    UPLOAD("upload", "上传报表"),
    AUDIT_PRUNE("audit-prune", "清理过期审计记录");

    private final String code;
    private final String labelZh;

    SecurityAction(String code, String labelZh) {
        this.code = code;
        this.labelZh = labelZh;
    }

    public String code() {
        return code;
    }

    public String labelZh() {
        return labelZh;
    }

    public static SecurityAction ofCode(String code) {
        for (SecurityAction a : values()) {
            if (a.code.equals(code)) {
                return a;
            }
        }
        throw new IllegalArgumentException("Unknown security action: " + code);
    }
}
