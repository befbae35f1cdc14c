package cn.zhenxing.mailin;

import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;
import jakarta.mail.Address;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Store;
import jakarta.mail.internet.InternetAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/** What a received mail says about itself (sender, Message-ID, whether a machine sent it), and its move once answered. */
final class MailHeaders {

    private MailHeaders() {
    }

    /** Auto-replies, bounces, lists and our own mails: never answered. */
    static boolean automatic(Message m, String sender, String ourAddress) throws MessagingException {
        String[] auto = m.getHeader("Auto-Submitted");
        String[] precedence = m.getHeader("Precedence");
        return (auto != null && !auto[0].strip().equalsIgnoreCase("no"))
                || (precedence != null && precedence[0].strip().toLowerCase(Locale.ROOT).matches("bulk|junk|list"))
                || sender.equalsIgnoreCase(ourAddress) || sender.startsWith("mailer-daemon@") || sender.startsWith("postmaster@");
    }

    static String sender(Message m) throws MessagingException {
        Address[] from = m.getFrom();
        if (from == null || from.length == 0 || !(from[0] instanceof InternetAddress address) || address.getAddress() == null) {
            return null;
        }
        return address.getAddress().strip().toLowerCase(Locale.ROOT);
    }

    /** The Message-ID; a mail without one is keyed by its sender, date and subject. */
    static String messageId(Message m) throws MessagingException {
        String[] ids = m.getHeader("Message-ID");
        if (ids != null && !ids[0].isBlank()) {
            return ids[0].strip();
        }
        return "<no-id-" + sha256(sender(m) + "|" + m.getSentDate() + "|" + m.getSubject()).substring(0, 32) + "@zhenxing>";
    }

    static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** To the processed folder: IMAP MOVE where the server has it, else copy, flag deleted and expunge. */
    static void move(Store store, Folder from, Folder to, List<Message> messages) throws MessagingException {
        Message[] batch = messages.stream().filter(m -> !m.isExpunged()).toArray(Message[]::new);
        if (batch.length == 0) {
            return;
        }
        if (from instanceof IMAPFolder imap && store instanceof IMAPStore s && s.hasCapability("MOVE")) {
            imap.moveMessages(batch, to);
        } else {
            from.copyMessages(batch, to);
            from.setFlags(batch, new Flags(Flags.Flag.DELETED), true);
            from.expunge();
        }
    }
}
