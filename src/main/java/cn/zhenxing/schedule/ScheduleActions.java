package cn.zhenxing.schedule;

import cn.zhenxing.ZhenxingProperties;
import cn.zhenxing.backup.BackupService;
import cn.zhenxing.account.PortalUser;
import cn.zhenxing.account.PortalUsers;
import cn.zhenxing.calendar.ReportingCalendar;
import cn.zhenxing.delivery.DeliveryService;
import cn.zhenxing.delivery.MailTexts;
import cn.zhenxing.ingest.IngestService;
import cn.zhenxing.mailin.MailIntake;
import cn.zhenxing.mart.MartRefresher;
import cn.zhenxing.report.ReportFile;
import cn.zhenxing.report.ReportName;
import cn.zhenxing.report.ReportProperties;
import cn.zhenxing.report.ReportService;
import cn.zhenxing.retention.FileRetention;
import cn.zhenxing.security.SecurityLog;
import cn.zhenxing.review.ReviewService;
import cn.zhenxing.review.Reviewer;
import cn.zhenxing.review.UnitReview;
import cn.zhenxing.schedule.ScheduleFiles.Recipient;
import cn.zhenxing.warehouse.Quarter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** What each kind of schedule does. Every mail goes through the delivery queue. */
@Component
public class ScheduleActions {

    private final IngestService ingest;
    private final MartRefresher marts;
    private final ReportService reports;
    private final DeliveryService delivery;
    private final MailTexts texts;
    private final ReportingCalendar calendar;
    private final Path reportsDir;
    private final BackupService backups;
    private final ReviewService review;
    private final PortalUsers users;
    private final FileRetention retention;
    private final MailIntake mailIntake;
    private final SecurityLog securityLog;

    public ScheduleActions(IngestService ingest, MartRefresher marts, ReportService reports, DeliveryService delivery, MailTexts texts, ReportingCalendar calendar,
                           ReportProperties reportFolders, ZhenxingProperties zhenxing, BackupService backups, ReviewService review, PortalUsers users,
                           FileRetention retention, MailIntake mailIntake, SecurityLog securityLog) {
        this.retention = retention;
        this.mailIntake = mailIntake;
        this.securityLog = securityLog;
        this.review = review;
        this.users = users;
        this.backups = backups;
        this.ingest = ingest;
        this.marts = marts;
        this.reports = reports;
        this.delivery = delivery;
        this.texts = texts;
        this.calendar = calendar;
        this.reportsDir = reportFolders.reportsRoot(zhenxing.dataDir());
    }

    /** The quarter a run is about: the one before the quarter of its fire date (in the schedule's zone). */
    static String reportedQuarter(Instant fireTime, String zone) {
        return Quarter.of(fireTime.atZone(ZoneId.of(zone)).toLocalDate()).previous().code();
    }

    public String run(ScheduleDefinition d, Instant fireTime, List<Recipient> fileRecipients) throws Exception {
        List<Recipient> recipients = withWarehouseContacts(fileRecipients);
        String period = reportedQuarter(fireTime, d.timeZone());
        LocalDate today = fireTime.atZone(ZoneId.of(d.timeZone())).toLocalDate();
        return switch (d.kind()) {
            case INBOX_POLL -> inboxPoll(d, recipients);
            case MARTS_REFRESH -> "marts refreshed: " + marts.refreshAll("schedule " + d.name()).size() + " quarters";
            case QUARTERLY_REPORTS -> quarterlyReports(d, period, recipients, today);
            case REMINDERS -> missingUnits(d, period, recipients, today, false);
            case OVERDUE_NOTICE -> missingUnits(d, period, recipients, today, true);
            case DELIVER_PENDING -> sent(delivery.sendPending());
            case BACKUP -> backup(d, fireTime, period, recipients);
            case REVIEW_REMINDER -> reviewReminders(d, today);
            case FILES_PRUNE -> filesPruned(d, fireTime);
            case MAIL_POLL -> mailIntake.poll().toString();
        };
    }

    /**
     * The retention policy applied: rejected files and duplicate copies past their days deleted (and recorded), and
     * security audit entries past zhenxing.security.audit-retention-days.
     */
    private String filesPruned(ScheduleDefinition d, Instant fireTime) throws Exception {
        LocalDateTime at = LocalDateTime.ofInstant(fireTime, ZoneId.of(d.timeZone()));
        FileRetention.Plan plan = retention.plan(at);
        List<FileRetention.Candidate> deleted = retention.prune(plan, "schedule " + d.name());
        int events = securityLog.prune(LocalDateTime.ofInstant(fireTime, ZoneId.systemDefault()));
        return "files pruned: " + deleted.size() + " (" + deleted.stream().mapToLong(FileRetention.Candidate::bytes).sum() + " bytes), "
                + plan.kept().values().stream().mapToInt(FileRetention.Tally::files).sum() + " kept; security events pruned: " + events;
    }

    /** A backup into zhenxing.backup.dir, then the oldest beyond {@code keep} removed; a failure is mailed to the operators. */
    private String backup(ScheduleDefinition d, Instant fireTime, String period, List<Recipient> recipients) throws Exception {
        Path root = backups.defaultRoot();
        try {
            BackupService.Backup b = backups.backup(root);
            List<Path> removed = backups.prune(root, d.keep());
            return "backup " + b.dir() + " (" + b.manifest().rows() + " rows, " + b.manifest().dumpBytes() + " bytes, "
                    + b.manifest().durationMillis() + " ms), " + removed.size() + " old backup(s) removed, keeping " + d.keep();
        } catch (Exception e) {
            String when = fireTime.atZone(ZoneId.of(d.timeZone())).toLocalDateTime().truncatedTo(ChronoUnit.MINUTES).toString().replace('T', ' ');
            MailTexts.Text t = texts.backupFailed(d.name(), when, root.toAbsolutePath().toString(), String.valueOf(e.getMessage()));
            for (Recipient r : group(recipients, d.recipients(), "operators")) {
                enqueue("backup-failed", d, period, fireTime.toString(), r, t, List.of());
            }
            delivery.sendPending();
            throw e;
        }
    }

    private String inboxPoll(ScheduleDefinition d, List<Recipient> recipients) throws Exception {
        int queued = 0;
        List<IngestService.Outcome> outcomes = ingest.ingestInbox(o -> { });
        for (IngestService.Outcome o : outcomes) {
            boolean accepted = o.status() == IngestService.Status.ACCEPTED;
            if ((!accepted && o.status() != IngestService.Status.REJECTED) || o.unitCode() == null || o.feedback() == null) {
                continue;
            }
            for (Recipient r : group(recipients, d.recipients(), "unit-contacts")) {
                if (o.unitCode().equals(r.unit())) {
                    MailTexts.Text t = texts.receipt(r.name(), o.periodCode(), o.file().getFileName().toString(), accepted, o.errors(), o.version());
                    queued += enqueue("receipt", d, o.periodCode(), o.feedback(), r, t, List.of(Path.of(o.feedback()))) ? 1 : 0;
                }
            }
        }
        return outcomes.size() + " file(s) from the inbox, " + queued + " receipt(s) queued; " + sent(delivery.sendPending());
    }

    /** The reports speak of the fire date: a run recovered after downtime counts days overdue to the day it was due. */
    private String quarterlyReports(ScheduleDefinition d, String period, List<Recipient> recipients, LocalDate fireDate) throws Exception {
        marts.refresh(period, "full", "schedule " + d.name());
        Path dir = reportsDir.resolve(period);
        List<Path> pdfs = new ArrayList<>();
        List<Path> xlsx = new ArrayList<>();
        List<String> titles = new ArrayList<>();
        List<ReportName> names = d.reports().stream().map(ReportName::of).toList();
        names.forEach(n -> titles.add(n.titleZh()));
        // Province editions and every city's edition, whether or not the city has a leader on the list yet.
        Map<String, Path> cityEditions = new HashMap<>();
        for (Path file : reports.renderQuarter(names, period, fireDate, dir)) {
            ReportFile parsed = ReportFile.parse(file.getFileName().toString()).orElseThrow();
            if (parsed.region() != null) {
                if (parsed.format().equals("pdf")) {
                    cityEditions.put(parsed.region(), file);
                }
            } else {
                (parsed.format().equals("pdf") ? pdfs : xlsx).add(file);
            }
        }
        List<String> missing = calendar.missing(Quarter.parse(period), fireDate).stream().map(ReportingCalendar.UnitDeadline::unitName).toList();
        int queued = 0;
        for (Recipient r : group(recipients, d.recipients(), "province-leaders")) {
            queued += enqueue("report", d, period, "province", r, texts.reports(period, "全省版", titles, missing), pdfs) ? 1 : 0;
        }
        for (Recipient r : group(recipients, d.recipients(), "staff")) {
            List<Path> all = new ArrayList<>(pdfs);
            all.addAll(xlsx);
            queued += enqueue("report", d, period, "province+xlsx", r, texts.reports(period, "全省版，含Excel数据表", titles, missing), all) ? 1 : 0;
        }
        for (Recipient r : group(recipients, d.recipients(), "city-leaders")) {
            String city = texts.regionName(r.region());
            Path file = cityEditions.get(r.region());
            List<Path> edition = file != null ? List.of(file) : reports.render(ReportName.REVITALIZATION, period, r.region(), List.of("pdf"), fireDate, dir);
            queued += enqueue("report", d, period, "city-" + r.region(), r,
                    texts.reports(period, city + "版", List.of(ReportName.REVITALIZATION.titleZh()), missing), edition) ? 1 : 0;
        }
        return "reports for " + period + " in " + dir + ", " + queued + " mail(s) queued; " + sent(delivery.sendPending());
    }

    /** Reminders before the deadline, or overdue notices after it, to the contacts of units with nothing accepted. */
    private String missingUnits(ScheduleDefinition d, String period, List<Recipient> recipients, LocalDate today, boolean overdue) throws Exception {
        marts.refresh(period, "full", "schedule " + d.name());
        int queued = 0;
        Quarter quarter = Quarter.parse(period);
        List<ReportingCalendar.UnitDeadline> missing = overdue ? calendar.overdue(quarter, today) : calendar.withoutAcceptedFile(quarter);
        for (ReportingCalendar.UnitDeadline unit : missing) {
            for (Recipient r : group(recipients, d.recipients(), "unit-contacts")) {
                if (unit.unitCode().equals(r.unit())) {
                    MailTexts.Text t = overdue ? texts.overdue(period, unit.unitName(), unit.deadline(), today)
                            : texts.reminder(period, unit.unitName(), unit.deadline(), today);
                    queued += enqueue(overdue ? "overdue" : "reminder", d, period, unit.unitCode(), r, t, List.of()) ? 1 : 0;
                }
            }
        }
        if (overdue && !missing.isEmpty()) {
            String names = String.join("、", missing.stream().map(ReportingCalendar.UnitDeadline::unitName).toList());
            for (Recipient r : group(recipients, d.recipients(), "staff")) {
                MailTexts.Text t = new MailTexts.Text("【振兴监测】" + texts.periodLabel(period) + "逾期未报送单位" + missing.size() + "个",
                        "逾期未报送：" + names + "。已分别通知各单位。");
                queued += enqueue("overdue", d, period, "summary", r, t, List.of()) ? 1 : 0;
            }
        }
        return missing.size() + " unit(s) without an accepted file for " + period + ", " + queued + " mail(s) queued; " + sent(delivery.sendPending());
    }

    /**
     * Each reviewer (an enabled account with an email) whose queue holds a submission waiting at least
     * {@code older-than-days} days gets one mail a day listing them; the administrator only for the
     * province's own unit, which no reviewer reviews.
     */
    private String reviewReminders(ScheduleDefinition d, LocalDate today) throws Exception {
        int queued = 0;
        for (Map<String, Object> u : users.list()) {
            String role = (String) u.get("role");
            if (u.get("email") == null || !Boolean.TRUE.equals(u.get("enabled")) || !(role.equals("REVIEWER") || role.equals("ADMIN"))) {
                continue;
            }
            Reviewer who = new Reviewer((String) u.get("username"), (String) u.get("display_name"), PortalUser.Role.valueOf(role),
                    (String) u.get("unit_code"));
            List<UnitReview> waiting = review.waitingSince(who, today.minusDays(d.olderThanDays())).stream()
                    .filter(r -> who.role() == PortalUser.Role.REVIEWER || r.chain().isProvinceUnit()).toList();
            if (waiting.isEmpty()) {
                continue;
            }
            List<String> lines = waiting.stream().map(r -> texts.periodLabel(r.periodCode()) + " " + r.unitName() + "（第" + r.version() + "版，"
                    + r.state().labelZh() + "，已等待" + ChronoUnit.DAYS.between(r.since().toLocalDate(), today) + "天）").toList();
            MailTexts.Text t = texts.reviewReminder(who.name(), lines);
            Recipient r = new Recipient(who.name(), (String) u.get("email"), "reviewers", null, who.unitCode());
            queued += enqueue("review-reminder", d, "-", who.username() + "@" + today, r, t, List.of()) ? 1 : 0;
        }
        return queued + " reviewer reminder(s) queued; " + sent(delivery.sendPending());
    }

    /** What a 催报 did: the unit's contacts it went to and whether it was sent at once. */
    public record Urged(String unitName, List<String> recipients, int queued, DeliveryService.Sent sent) {
    }

    /**
     * The administrator's 催报: the reminder (or, after the unit's deadline, the overdue notice) that the
     * schedules send, to the unit's contacts now, through the mail queue like every mail. Asking twice
     * within the same minute queues it once.
     */
    public Urged urge(Quarter period, String unitCode, List<Recipient> fileRecipients, LocalDateTime now) throws Exception {
        ReportingCalendar.UnitDeadline unit = calendar.units(period).stream().filter(u -> u.unitCode().equals(unitCode)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("未知的填报单位代码：" + unitCode));
        LocalDate today = now.toLocalDate();
        boolean overdue = unit.overdueOn(today);
        MailTexts.Text t = overdue ? texts.overdue(period.code(), unit.unitName(), unit.deadline(), today)
                : texts.reminder(period.code(), unit.unitName(), unit.deadline(), today);
        List<Recipient> contacts = withWarehouseContacts(fileRecipients).stream()
                .filter(r -> r.group().equals("unit-contacts") && unitCode.equals(r.unit())).toList();
        String minute = now.truncatedTo(ChronoUnit.MINUTES).toString();
        int queued = 0;
        for (Recipient r : contacts) {
            queued += delivery.enqueue(new DeliveryService.Message("urge", "admin-urge", period.code(), unitCode + "@" + minute, r.email(),
                    r.name(), t.subject(), t.body(), List.of())) ? 1 : 0;
        }
        DeliveryService.Sent sent = queued > 0 ? delivery.sendPending() : new DeliveryService.Sent(0, 0);
        return new Urged(unit.unitName(), contacts.stream().map(Recipient::email).toList(), queued, sent);
    }

    private boolean enqueue(String kind, ScheduleDefinition d, String period, String dedupe, Recipient r, MailTexts.Text t, List<Path> files)
            throws Exception {
        return delivery.enqueue(new DeliveryService.Message(kind, d.name(), period, dedupe, r.email(), r.name(), t.subject(), t.body(), files));
    }

    /** The files' recipients plus the unit contacts administrators added in the portal. */
    private List<Recipient> withWarehouseContacts(List<Recipient> fromFiles) {
        return ConfiguredUnitContacts.merged(fromFiles, delivery);
    }

    /** Recipients of a group, if the schedule sends to that group. */
    static List<Recipient> group(List<Recipient> recipients, List<String> groups, String group) {
        return groups.contains(group) ? recipients.stream().filter(r -> r.group().equals(group)).toList() : List.of();
    }

    private static String sent(DeliveryService.Sent s) {
        return s.sent() + " mail(s) sent, " + s.failed() + " failed (retried later)";
    }
}
