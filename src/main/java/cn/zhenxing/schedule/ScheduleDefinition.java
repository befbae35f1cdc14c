package cn.zhenxing.schedule;

import java.util.List;

/** One file of {@code schedules/}: when to run what, and for whom. */
public record ScheduleDefinition(String name, String description, String cron, String timeZone, Kind kind, boolean fireOnceAfterMisfire,
                                 List<String> recipients, List<String> reports, String file, int keep, int olderThanDays) {

    /** How many backups a {@code backup} schedule keeps when its file says nothing. */
    public static final int DEFAULT_KEEP = 7;
    /** After how many days waiting a submission is reminded to its reviewer, when a {@code review-reminder} file says nothing. */
    public static final int DEFAULT_OLDER_THAN_DAYS = 3;

    public ScheduleDefinition(String name, String description, String cron, String timeZone, Kind kind, boolean fireOnceAfterMisfire,
                              List<String> recipients, List<String> reports, String file) {
        this(name, description, cron, timeZone, kind, fireOnceAfterMisfire, recipients, reports, file, DEFAULT_KEEP, DEFAULT_OLDER_THAN_DAYS);
    }

    /** What a schedule runs. */
    public enum Kind {
        INBOX_POLL("inbox-poll", false, "收件箱接收报表"),
        QUARTERLY_REPORTS("quarterly-reports", true, "生成并发送季度报告"),
        REMINDERS("reminders", true, "报送提醒"),
        OVERDUE_NOTICE("overdue-notice", true, "逾期通知"),
        MARTS_REFRESH("marts-refresh", true, "重算汇总数据"),
        DELIVER_PENDING("deliver-pending", false, "重发未发出的邮件"),
        BACKUP("backup", true, "备份数据仓库"),
        REVIEW_REMINDER("review-reminder", true, "提醒审核员处理待审报表"),
        FILES_PRUNE("files-prune", true, "清理超过保留期限的报表文件"),
        MAIL_POLL("mail-poll", false, "接收邮箱中的报表并回执");

        final String code;
        /** Default misfire policy: run once after downtime, or wait for the next fire time. */
        final boolean fireOnceByDefault;
        final String labelZh;

        Kind(String code, boolean fireOnceByDefault, String labelZh) {
            this.code = code;
            this.fireOnceByDefault = fireOnceByDefault;
            this.labelZh = labelZh;
        }

        public String code() {
            return code;
        }

        /** What the schedule does, as the administrator's board names it. */
        public String labelZh() {
            return labelZh;
        }

        static Kind of(String code) {
            for (Kind k : values()) {
                if (k.code.equals(code)) {
                    return k;
                }
            }
            return null;
        }
    }
}
