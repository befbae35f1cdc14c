package cn.zhenxing.schedule;

import java.util.List;

/** One file of {@code schedules/}: when to run what, and for whom. */
public record ScheduleDefinition(String name, String description, String cron, String timeZone, Kind kind, boolean fireOnceAfterMisfire,
                                 List<String> recipients, List<String> reports, String file) {

    /** What a schedule runs. */
    public enum Kind {
        INBOX_POLL("inbox-poll", false),
        QUARTERLY_REPORTS("quarterly-reports", true),
        REMINDERS("reminders", true),
        OVERDUE_NOTICE("overdue-notice", true),
        MARTS_REFRESH("marts-refresh", true),
        DELIVER_PENDING("deliver-pending", false);

        final String code;
        /** Default misfire policy: run once after downtime, or wait for the next fire time. */
        final boolean fireOnceByDefault;

        Kind(String code, boolean fireOnceByDefault) {
            this.code = code;
            this.fireOnceByDefault = fireOnceByDefault;
        }

        public String code() {
            return code;
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
