package cn.zhenxing.mailin;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import java.util.Properties;

/** Connects to the configured IMAP store (Angus Mail). */
final class Mailbox {

    private Mailbox() {
    }

    static Store connect(MailIntakeProperties p) throws MessagingException {
        String protocol = p.protocol();
        String timeout = String.valueOf(p.timeout().toMillis());
        Properties props = new Properties();
        props.put("mail.store.protocol", protocol);
        props.put("mail." + protocol + ".connectiontimeout", timeout);
        props.put("mail." + protocol + ".timeout", timeout);
        props.put("mail." + protocol + ".writetimeout", timeout);
        // Attachments are fetched in 64 KB pieces and streamed to disk, never held whole in memory.
        props.put("mail." + protocol + ".partialfetch", "true");
        props.put("mail." + protocol + ".fetchsize", String.valueOf(64 * 1024));
        if (p.security().equalsIgnoreCase("starttls")) {
            props.put("mail.imap.starttls.enable", "true");
            props.put("mail.imap.starttls.required", "true");
        }
        Store store = Session.getInstance(props).getStore(protocol);
        store.connect(p.host(), p.effectivePort(), p.username(), p.password());
        return store;
    }
}
