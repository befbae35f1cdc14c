package cn.zhenxing.review;

import cn.zhenxing.delivery.DeliveryService;
import cn.zhenxing.delivery.MailTexts;
import cn.zhenxing.ingest.SubmissionStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * A return (退回) tells the unit's contacts why, with the version's feedback workbook attached, through
 * the mail queue (queued in the action's transaction: no return without its mail, no mail without it).
 */
@Component
class ReturnMail {

    private final DeliveryService delivery;
    private final MailTexts texts;
    private final SubmissionStore submissions;

    ReturnMail(DeliveryService delivery, MailTexts texts, SubmissionStore submissions) {
        this.delivery = delivery;
        this.texts = texts;
        this.submissions = submissions;
    }

    /** @return the addresses queued */
    List<String> queue(ReviewChain chain, String periodCode, ReviewEvent event, String reviewerUnitName) {
        List<Map<String, Object>> owner = submissions.owner(event.submissionId());
        String feedback = owner.isEmpty() ? null : (String) owner.get(0).get("feedback_path");
        List<Path> attachments = feedback != null && Files.isRegularFile(Path.of(feedback)) ? List.of(Path.of(feedback)) : List.of();
        MailTexts.Text text = texts.returnedInReview(chain.unitName(), periodCode, event.version(), reviewerUnitName, event.actorName(),
                event.reasonZh());
        List<Map<String, Object>> contacts = delivery.unitContacts().stream().filter(c -> chain.unitCode().equals(c.get("unit_code"))).toList();
        try {
            for (Map<String, Object> c : contacts) {
                delivery.enqueue(new DeliveryService.Message("review-return", "review", periodCode, "event-" + event.eventId(),
                        (String) c.get("email"), (String) c.get("name"), text.subject(), text.body(), attachments));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return contacts.stream().map(c -> (String) c.get("email")).toList();
    }
}
