package cn.zhenxing.review;

import cn.zhenxing.account.PortalUser;
import cn.zhenxing.account.PortalUsers;
import cn.zhenxing.delivery.DeliveryService;
import cn.zhenxing.delivery.MailTexts;
import cn.zhenxing.delivery.UnitContacts;
import cn.zhenxing.ingest.SubmissionStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/**
 * A return (退回) tells the unit why, with the version's feedback workbook attached, through the mail
 * queue (queued in the action's transaction: no return without its mail, no mail without it). It goes
 * to the unit's contacts as configured ({@link UnitContacts}: recipients.yml and the administrator's
 * list, as reminders and 催报 do) and to the portal account that uploaded the version, if it has an
 * address; each address once.
 */
@Component
class ReturnMail {

    private final DeliveryService delivery;
    private final MailTexts texts;
    private final SubmissionStore submissions;
    private final UnitContacts contacts;
    private final PortalUsers users;

    ReturnMail(DeliveryService delivery, MailTexts texts, SubmissionStore submissions, UnitContacts contacts, PortalUsers users) {
        this.delivery = delivery;
        this.texts = texts;
        this.submissions = submissions;
        this.contacts = contacts;
        this.users = users;
    }

    /** @return the addresses queued */
    List<String> queue(ReviewChain chain, String periodCode, ReviewEvent event, String reviewerUnitName) {
        List<Map<String, Object>> owner = submissions.owner(event.submissionId());
        String feedback = owner.isEmpty() ? null : (String) owner.get(0).get("feedback_path");
        List<Path> attachments = feedback != null && Files.isRegularFile(Path.of(feedback)) ? List.of(Path.of(feedback)) : List.of();
        MailTexts.Text text = texts.returnedInReview(chain.unitName(), periodCode, event.version(), reviewerUnitName, event.actorName(),
                event.reasonZh());
        List<UnitContacts.Contact> to = new ArrayList<>(contacts.of(chain.unitCode()));
        UnitContacts.Contact uploader = owner.isEmpty() ? null : uploader(owner.get(0));
        if (uploader != null && to.stream().noneMatch(c -> c.email().equalsIgnoreCase(uploader.email()))) {
            to.add(uploader);
        }
        try {
            for (UnitContacts.Contact c : to) {
                delivery.enqueue(new DeliveryService.Message("review-return", "review", periodCode, "event-" + event.eventId(),
                        c.email(), c.name(), text.subject(), text.body(), attachments));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return to.stream().map(UnitContacts.Contact::email).toList();
    }

    /** The portal account that uploaded the version, when it has a mail address. */
    private UnitContacts.Contact uploader(Map<String, Object> submission) {
        if (!"web".equals(submission.get("channel")) || submission.get("submitted_by") == null) {
            return null;
        }
        try {
            PortalUser user = users.loadUserByUsername((String) submission.get("submitted_by"));
            return user.email() == null ? null : new UnitContacts.Contact(user.displayName(), user.email());
        } catch (UsernameNotFoundException e) {
            return null;
        }
    }
}
