package cn.zhenxing.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Schedule files are validated with clear messages naming the file; defaults are applied. */
class ScheduleFilesTest {

    static final String RECIPIENTS = """
            recipients:
              - {name: 省领导, email: leaders@example.gov.cn, group: province-leaders}
              - {name: 盂县, email: yu@example.gov.cn, group: unit-contacts, unit: "140322"}
            """;

    @Test
    void validFilesGetDefaults() {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("recipients.yml", RECIPIENTS);
        files.put("quarterly-reports.yml", "name: quarterly-reports\ncron: \"0 30 8 20 1,4,7,10 ?\"\nrun: quarterly-reports\nrecipients: [province-leaders]\n");
        files.put("inbox-poll.yml", "name: inbox-poll\ncron: \"0 */5 * * * ?\"\nrun: inbox-poll\n");
        ScheduleFiles.Loaded loaded = ScheduleFiles.parse(files, "test");
        assertThat(loaded.problems()).isEmpty();
        ScheduleDefinition quarterly = loaded.schedule("quarterly-reports");
        assertThat(quarterly.timeZone()).isEqualTo("Asia/Shanghai");
        assertThat(quarterly.fireOnceAfterMisfire()).isTrue();
        assertThat(quarterly.reports()).containsExactlyInAnyOrder("revitalization", "yellow-river", "fyp-indicators", "completeness");
        assertThat(loaded.schedule("inbox-poll").fireOnceAfterMisfire()).isFalse();
        assertThat(loaded.recipients()).extracting(ScheduleFiles.Recipient::unit).containsExactly(null, "140322");
    }

    @Test
    void everyProblemIsReportedWithItsFile() {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("recipients.yml", RECIPIENTS + "  - {name: 无邮箱, group: staff}\n");
        files.put("bad-cron.yml", "name: bad-cron\ncron: \"every monday\"\nrun: reminders\n");
        files.put("wrong-name.yml", "name: other\ncron: \"0 0 9 * * ?\"\nrun: marts-refresh\n");
        files.put("unknown.yml", "name: unknown\ncron: \"0 0 9 * * ?\"\nrun: send-fax\nrecipients: [mayors]\nmisfire: twice\ncolour: red\n");
        files.put("zone.yml", "name: zone\ncron: \"0 0 9 * * ?\"\nrun: reminders\ntime-zone: Mars/Olympus\n");
        ScheduleFiles.Loaded loaded = ScheduleFiles.parse(files, "test");
        assertThat(loaded.schedules()).isEmpty();
        assertThat(loaded.problems()).anyMatch(p -> p.startsWith("bad-cron.yml: cron 'every monday' is not valid"))
                .anyMatch(p -> p.equals("wrong-name.yml: name 'other' must equal the file name 'wrong-name'"))
                .anyMatch(p -> p.startsWith("unknown.yml: run 'send-fax' is not one of"))
                .anyMatch(p -> p.equals("unknown.yml: recipient group 'mayors' has nobody in recipients.yml"))
                .anyMatch(p -> p.equals("unknown.yml: misfire 'twice' must be fire-once or skip"))
                .anyMatch(p -> p.startsWith("unknown.yml: unknown key 'colour'"))
                .anyMatch(p -> p.equals("zone.yml: time-zone 'Mars/Olympus' is not known (e.g. Asia/Shanghai)"))
                .anyMatch(p -> p.equals("recipients.yml: entry 3 has no valid email"));
    }

    @Test
    void backupKeepsAWholeNumberOfBackupsAndOnlyBackupsKeepAny() {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("recipients.yml", RECIPIENTS);
        files.put("backup.yml", "name: backup\ncron: \"0 30 1 * * ?\"\nrun: backup\n");
        files.put("zero.yml", "name: zero\ncron: \"0 30 1 * * ?\"\nrun: backup\nkeep: 0\n");
        files.put("marts.yml", "name: marts\ncron: \"0 30 2 * * ?\"\nrun: marts-refresh\nkeep: 3\n");
        ScheduleFiles.Loaded loaded = ScheduleFiles.parse(files, "test");
        assertThat(loaded.schedule("backup").keep()).isEqualTo(ScheduleDefinition.DEFAULT_KEEP);
        assertThat(loaded.schedule("backup").fireOnceAfterMisfire()).isTrue();
        assertThat(loaded.problems()).containsExactlyInAnyOrder("zero.yml: keep '0' must be a whole number of backups, at least 1",
                "marts.yml: 'keep' (how many backups to keep) belongs to run: backup only");
    }

    @Test
    void olderThanDaysBelongsToTheReviewReminderAndIsADayCount() {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("recipients.yml", RECIPIENTS);
        files.put("review.yml", "name: review\ncron: \"0 0 9 ? * MON-FRI\"\nrun: review-reminder\n");
        files.put("r.yml", "name: r\ncron: \"0 0 9 ? * MON-FRI\"\nrun: review-reminder\nolder-than-days: soon\n");
        files.put("m.yml", "name: m\ncron: \"0 0 9 * * ?\"\nrun: marts-refresh\nolder-than-days: 3\n");
        ScheduleFiles.Loaded loaded = ScheduleFiles.parse(files, "test");
        assertThat(loaded.schedule("review").olderThanDays()).isEqualTo(ScheduleDefinition.DEFAULT_OLDER_THAN_DAYS);
        assertThat(loaded.problems()).containsExactlyInAnyOrder("r.yml: older-than-days 'soon' must be a whole number of days (0 or more)",
                "m.yml: 'older-than-days' (how long a submission waits before its reviewer is reminded) belongs to run: review-reminder only");
    }

    @Test
    void shippedSchedulesAreValid() throws Exception {
        ScheduleFiles.Loaded loaded = ScheduleFiles.load(Path.of("schedules"));
        assertThat(loaded.problems()).isEmpty();
        assertThat(loaded.schedules()).extracting(ScheduleDefinition::name).contains("inbox-poll", "quarterly-reports",
                "reminder-5-days", "reminder-1-day", "overdue-notice", "marts-nightly", "deliver-pending", "backup-nightly");
        ScheduleDefinition backup = loaded.schedule("backup-nightly");
        assertThat(backup.kind()).isEqualTo(ScheduleDefinition.Kind.BACKUP);
        assertThat(backup.keep()).isEqualTo(14);
        assertThat(backup.recipients()).containsExactly("operators");
        ScheduleDefinition review = loaded.schedule("review-reminder");
        assertThat(review.kind()).isEqualTo(ScheduleDefinition.Kind.REVIEW_REMINDER);
        assertThat(review.olderThanDays()).isEqualTo(3);
        assertThat(loaded.schedule("files-prune").kind()).isEqualTo(ScheduleDefinition.Kind.FILES_PRUNE);
        assertThat(loaded.recipients()).anyMatch(r -> r.group().equals("operators"));
        // Quarterly run on the 20th day after quarter end at 08:30 Beijing time: 2026-01-20 for 2025Q4.
        var next = Schedules.nextFireTimes(loaded.schedule("quarterly-reports"),
                java.time.ZonedDateTime.parse("2025-12-31T12:00:00+08:00[Asia/Shanghai]"), 1).get(0);
        assertThat(next.toString()).startsWith("2026-01-20T08:30+08:00");
        assertThat(ScheduleActions.reportedQuarter(next.toInstant(), "Asia/Shanghai")).isEqualTo("2025Q4");
    }
}
