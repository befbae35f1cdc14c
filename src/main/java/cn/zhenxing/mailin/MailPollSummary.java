package cn.zhenxing.mailin;

import cn.zhenxing.delivery.DeliveryService;

/** What one poll of the intake mailbox did. */
public record MailPollSummary(boolean configured, int mails, int files, int accepted, int rejected, int duplicates, int refused, int left,
                              DeliveryService.Sent sent) {

    @Override
    public String toString() {
        if (!configured) {
            return "mail intake is not configured (zhenxing.mail-intake.host)";
        }
        return mails + " mail(s) read, " + files + " form(s): " + accepted + " accepted, " + rejected + " rejected, " + duplicates
                + " duplicate; " + refused + " mail(s) refused, " + left + " left for a later poll; " + sent.sent() + " reply(ies) sent, "
                + sent.failed() + " failed (retried later)";
    }

    /** Counts of one poll, filled as it goes. */
    static final class Tally {
        int mails;
        int files;
        int accepted;
        int rejected;
        int duplicates;
        int refused;
        int left;
    }
}
