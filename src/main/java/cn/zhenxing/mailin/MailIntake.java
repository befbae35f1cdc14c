package cn.zhenxing.mailin;

import cn.zhenxing.ZhenxingProperties;
import cn.zhenxing.delivery.DeliveryProperties;
import cn.zhenxing.delivery.DeliveryService;
import cn.zhenxing.delivery.MailTexts;
import cn.zhenxing.ingest.IngestService;
import cn.zhenxing.ingest.Submission;
import cn.zhenxing.ingest.SubmissionStore;
import cn.zhenxing.warehouse.FaultPoint;
import cn.zhenxing.workbook.Problem;
import jakarta.mail.FetchProfile;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Store;
import jakarta.mail.UIDFolder;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Forms sent by mail: the intake mailbox is read in pages, each form attachment goes through the same
 * ingest as every channel (channel {@code mail}, the sender as submitter), every mail is answered through
 * the mail queue and then moved to the processed folder. Exactly once by the claim table: a mail x attachment
 * is claimed before it is ingested and marked done after its answer is queued, so a second poller skips it
 * and a poller that died is taken over after the claim timeout, reusing the decision it had already made.
 */
@Service
public class MailIntake {

    private static final Logger log = LoggerFactory.getLogger(MailIntake.class);
    /** The schedule name replies are queued under (ops_delivery_log.schedule_name). */
    static final String QUEUE = "mail-intake";

    private final MailIntakeProperties properties;
    private final MailClaims claims;
    private final IngestService ingest;
    private final SubmissionStore store;
    private final DeliveryService delivery;
    private final DeliveryProperties deliveryProperties;
    private final MailTexts texts;
    private final Path attachmentsDir;

    public MailIntake(MailIntakeProperties properties, MailClaims claims, IngestService ingest, SubmissionStore store, DeliveryService delivery,
                      DeliveryProperties deliveryProperties, MailTexts texts, ZhenxingProperties zhenxing) {
        this.properties = properties;
        this.claims = claims;
        this.ingest = ingest;
        this.store = store;
        this.delivery = delivery;
        this.deliveryProperties = deliveryProperties;
        this.texts = texts;
        this.attachmentsDir = zhenxing.dataDir().resolve("mail").resolve("attachments");
    }

    public boolean configured() {
        return properties.configured();
    }

    /** Reads the mailbox once: at most {@code max-messages} mails, {@code page-size} at a time. */
    public MailPollSummary poll() throws Exception {
        if (!properties.configured()) {
            return new MailPollSummary(false, 0, 0, 0, 0, 0, 0, 0, new DeliveryService.Sent(0, 0));
        }
        // Each poll is its own claimant: two polls at once (two instances, or a schedule and `mail poll`) never share a claim.
        String instance = ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID();
        MailPollSummary.Tally tally = new MailPollSummary.Tally();
        Files.createDirectories(attachmentsDir);
        try (Store store = Mailbox.connect(properties)) {
            Folder inbox = store.getFolder(properties.folder());
            Folder processed = store.getFolder(properties.processedFolder());
            if (!processed.exists() && !processed.create(Folder.HOLDS_MESSAGES)) {
                throw new IllegalStateException("cannot create the IMAP folder " + properties.processedFolder());
            }
            int kept = 0; // mails left at the head of the folder: undecided, or being handled by another poller
            int read = 0;
            while (read < properties.maxMessages()) {
                // The folder is opened afresh for each page: its message numbers are then those after the last page's moves.
                inbox.open(Folder.READ_WRITE);
                try {
                    int count = inbox.getMessageCount();
                    if (count <= kept) {
                        break;
                    }
                    int end = Math.min(count, kept + Math.min(properties.pageSize(), properties.maxMessages() - read));
                    Message[] page = inbox.getMessages(kept + 1, end);
                    FetchProfile profile = new FetchProfile();
                    profile.add(FetchProfile.Item.ENVELOPE);
                    profile.add(FetchProfile.Item.CONTENT_INFO);
                    profile.add(UIDFolder.FetchProfileItem.UID);
                    profile.add("Message-ID");
                    profile.add("Auto-Submitted");
                    profile.add("Precedence");
                    inbox.fetch(page, profile);
                    List<Message> done = new ArrayList<>();
                    int live = 0;
                    for (Message m : page) {
                        if (m.isExpunged()) {
                            continue; // another poller moved it meanwhile
                        }
                        live++;
                        read++;
                        tally.mails++;
                        if (handle(m, instance, tally)) {
                            done.add(m);
                        } else {
                            kept++;
                            tally.left++;
                        }
                    }
                    if (live == 0) {
                        break; // the rest went to another poller; the next poll sees what is left
                    }
                    try {
                        MailHeaders.move(store, inbox, processed, done);
                    } catch (MessagingException e) {
                        // Answered and marked done already: the next poll finds them claimed and only moves them.
                        log.warn("Could not move {} answered mail(s) to {}; the next poll moves them: {}", done.size(),
                                properties.processedFolder(), e.toString());
                        break;
                    }
                } finally {
                    if (inbox.isOpen()) {
                        try {
                            inbox.close(false);
                        } catch (MessagingException e) {
                            log.debug("Closing {} failed: {}", properties.folder(), e.toString());
                        }
                    }
                }
            }
        }
        DeliveryService.Sent sent = delivery.sendPending();
        MailPollSummary summary = new MailPollSummary(true, tally.mails, tally.files, tally.accepted, tally.rejected, tally.duplicates, tally.refused, tally.left, sent);
        if (tally.mails > 0) {
            log.info("Mail intake from {}: {}", properties.location(), summary);
        }
        return summary;
    }

    /** One mail: answered and ready to move (true), or left in the folder for a later poll (false). */
    private boolean handle(Message m, String instance, MailPollSummary.Tally tally) {
        String messageId = null;
        try {
            messageId = MailHeaders.messageId(m);
            String key = MailHeaders.sha256(messageId);
            String sender = MailHeaders.sender(m);
            String subject = Optional.ofNullable(m.getSubject()).orElse("（无主题）");
            if (sender == null || MailHeaders.automatic(m, sender, deliveryProperties.from())) {
                // Bounces and auto-replies are never answered (no mail loops); recorded and moved.
                MailClaims.Result r = claims.claim(key, MailClaims.WHOLE_MAIL, messageId, sender == null ? "" : sender, subject, null, null,
                        instance, properties.claimTimeout());
                if (r.state() == MailClaims.State.OWNED) {
                    claims.done(r.claim(), "ignored", null);
                }
                return r.state() != MailClaims.State.BUSY;
            }
            Map<String, String> units = unitsOf(sender);
            if (units.isEmpty()) {
                tally.refused++;
                log.info("Mail {} from {}: not a contact of any reporting unit, refused", messageId, sender);
                // One refusal per address and day: a flood of mails (or a forged sender) is not answered a hundred times.
                return answerWhole(key, messageId, sender, subject, instance, texts.mailUnknownSender(sender, subject),
                        "unknown-sender-" + java.time.LocalDate.now());
            }
            String name = units.values().iterator().next();
            List<String> refusals = new ArrayList<>();
            boolean finished = true;
            boolean anyForm = false;
            for (MailParts.Attachment a : MailParts.attachments(m)) {
                switch (a.kind()) {
                    case ARCHIVE -> refusals.add("附件“" + a.name() + "”是压缩文件，系统不接收压缩包。请把Excel报表直接作为附件发送，不要压缩。");
                    case MACRO_WORKBOOK -> refusals.add("附件“" + a.name() + "”是启用宏的工作簿，系统不接收带宏的文件。"
                            + "请在本期模板中填写后“另存为”Excel工作簿（.xlsx）再发送。");
                    case OTHER -> refusals.add("附件“" + a.name() + "”不是Excel报表（.xlsx或.xls），未处理。");
                    case FORM -> {
                        anyForm = true;
                        if (a.decodedSizeEstimate() > properties.maxAttachmentSize().toBytes()) {
                            refusals.add(oversized(a.name(), a.decodedSizeEstimate()));
                        } else {
                            finished &= form(m, a, key, messageId, sender, subject, units, name, instance, tally, refusals);
                        }
                    }
                }
            }
            if (!anyForm && refusals.isEmpty()) {
                refusals.add("邮件中没有附件。请把填好的报表作为附件发送（不要只在正文中粘贴数据）。");
            }
            if (!refusals.isEmpty()) {
                if (!anyForm) {
                    tally.refused++;
                }
                finished &= answerWhole(key, messageId, sender, subject, instance, texts.mailRefused(name, subject, refusals, anyForm), null);
            }
            return finished;
        } catch (Exception e) {
            // The claim (if any) stays: another poll takes it over after the claim timeout, as after a crash.
            log.error("Mail {} could not be processed; it stays in the mailbox for a later poll", messageId, e);
            return false;
        }
    }

    /** One form attachment, downloaded, claimed, ingested and answered; false when it must wait for a later poll. */
    private boolean form(Message m, MailParts.Attachment a, String key, String messageId, String sender, String subject, Map<String, String> units,
                         String name, String instance, MailPollSummary.Tally tally, List<String> refusals) throws Exception {
        Path dir = Files.createDirectories(attachmentsDir.resolve(key.substring(0, 2)));
        Path kept = dir.resolve(key.substring(0, 16) + "_" + a.index() + "_" + a.name().replaceAll("[^\\p{L}\\p{N}._-]", "_"));
        Path download = Files.createTempFile(dir, "download-", ".part");
        try {
            String sha = MailParts.download(a, download, properties.maxAttachmentSize().toBytes());
            if (sha == null) {
                refusals.add(oversized(a.name(), Files.size(download)));
                return true;
            }
            MailClaims.Result r = claims.claim(key, sha, messageId, sender, subject, a.name(), store.latestWithSameBytes(sha).orElse(null),
                    instance, properties.claimTimeout());
            if (r.state() != MailClaims.State.OWNED) {
                return r.state() == MailClaims.State.DONE;
            }
            Files.move(download, kept, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            MailClaims.Claim claim = r.claim();
            tally.files++;
            Decision d = decidedBefore(claim, sha).orElse(null);
            if (d == null) {
                LocalDateTime receivedAt = m.getReceivedDate() != null ? LocalDateTime.ofInstant(m.getReceivedDate().toInstant(), ZoneId.systemDefault())
                        : LocalDateTime.now();
                IngestService.Outcome o = ingest.ingestAs(kept, a.name(), "mail", sender, expectedUnit(units, kept), receivedAt);
                if (o.status() == IngestService.Status.FAILED) {
                    claims.release(claim); // nothing decided: the next poll tries again
                    return false;
                }
                d = new Decision(o.status().name(), o.submissionId(), o.unitCode(), o.periodCode(), o.version(), o.errors(), o.feedback(), o.problems());
                if (o.submissionId() != null && o.status() != IngestService.Status.DUPLICATE) {
                    store.setStoredPath(o.submissionId(), kept.toAbsolutePath().toString());
                }
            }
            if (d.status().equals("DUPLICATE")) {
                Files.deleteIfExists(kept); // the accepted copy is kept already
            }
            // A crash here (after the ingest, before the answer and the move) is what the claim recovers from.
            FaultPoint.reach("mail-intake.after-ingest");
            switch (d.status()) {
                case "ACCEPTED" -> tally.accepted++;
                case "REJECTED" -> tally.rejected++;
                default -> tally.duplicates++;
            }
            String unitName = d.unitCode() != null && units.containsKey(d.unitCode()) ? units.get(d.unitCode()) : name;
            List<String> findings = d.problems().stream().filter(Problem::isError).map(Problem::describeZh).toList();
            MailTexts.Text t = texts.mailFileDecided(unitName, d.periodCode(), a.name(), d.status(), d.errors(), d.version(), findings);
            List<Path> files = d.feedback() != null && Files.isRegularFile(Path.of(d.feedback())) ? List.of(Path.of(d.feedback())) : List.of();
            delivery.enqueue(new DeliveryService.Message("receipt", QUEUE, d.periodCode() != null ? d.periodCode() : "-", "mail-" + claim.id(),
                    sender, unitName, t.subject(), t.body(), files));
            claims.done(claim, d.status().toLowerCase(Locale.ROOT), d.submissionId());
            return true;
        } finally {
            Files.deleteIfExists(download);
        }
    }

    /** A decision, from this poll's ingest or from the submission a poller that died had already made. */
    private record Decision(String status, Long submissionId, String unitCode, String periodCode, Integer version, long errors, String feedback,
                            List<Problem> problems) {
    }

    /**
     * A taken-over claim whose attachment was decided after it was first claimed (a later submission of the same
     * bytes than the one recorded then): that decision is this attachment's, never a second ingest.
     */
    private Optional<Decision> decidedBefore(MailClaims.Claim claim, String sha) {
        if (!claim.takenOver()) {
            return Optional.empty();
        }
        Optional<Long> latest = store.latestWithSameBytes(sha);
        if (latest.isEmpty() || (claim.priorSubmission() != null && latest.get() <= claim.priorSubmission())) {
            return Optional.empty();
        }
        Submission s = store.submission(latest.get());
        String status = s.status() == Submission.Status.REJECTED ? "REJECTED" : "ACCEPTED";
        return Optional.of(new Decision(status, s.id(), s.unitCode(), s.periodCode(), s.version(), s.errorCount(), s.feedbackPath(),
                store.problems(s.id())));
    }

    /** The sender's unit; for a contact of several units, the one whose form it is (read without loading anything). */
    private String expectedUnit(Map<String, String> units, Path file) throws Exception {
        if (units.size() == 1) {
            return units.keySet().iterator().next();
        }
        String formUnit = ingest.dryRun(file).unitCode();
        return formUnit != null && units.containsKey(formUnit) ? formUnit : units.keySet().iterator().next();
    }

    /**
     * The answer to a mail as a whole (unknown sender, nothing or nothing usable attached), queued once.
     *
     * @param dedupe what makes the answer unique in the mail queue; null = this mail
     */
    private boolean answerWhole(String key, String messageId, String sender, String subject, String instance, MailTexts.Text t, String dedupe)
            throws IOException {
        MailClaims.Result r = claims.claim(key, MailClaims.WHOLE_MAIL, messageId, sender, subject, null, null, instance, properties.claimTimeout());
        if (r.state() != MailClaims.State.OWNED) {
            return r.state() == MailClaims.State.DONE;
        }
        delivery.enqueue(new DeliveryService.Message("mail-refusal", QUEUE, "-", dedupe != null ? dedupe : "mail-" + r.claim().id(), sender, null, t.subject(), t.body(),
                List.of()));
        claims.done(r.claim(), "refused", null);
        return true;
    }

    private String oversized(String name, long bytes) {
        return "附件“" + name + "”大小约" + Math.max(1, bytes / 1024 / 1024) + "MB，超过上限" + properties.maxAttachmentSize().toMegabytes()
                + "MB，未处理。请检查是否误传了其他文件；报表文件通常只有几百KB。";
    }

    /** Units whose contact (cfg_unit_contact) the address is, with the contact's name, in unit order. */
    private Map<String, String> unitsOf(String sender) {
        Map<String, String> units = new LinkedHashMap<>();
        for (Map<String, Object> c : delivery.unitContacts()) {
            if (sender.equalsIgnoreCase(((String) c.get("email")).strip())) {
                units.putIfAbsent((String) c.get("unit_code"), (String) c.get("name"));
            }
        }
        return units;
    }
}
