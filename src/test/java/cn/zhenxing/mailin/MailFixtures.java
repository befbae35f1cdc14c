package cn.zhenxing.mailin;

import jakarta.activation.DataHandler;
import jakarta.activation.FileDataSource;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimeUtility;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Properties;

/**
 * Mails as statisticians' clients send them, put into an IMAP mailbox with APPEND (as a mail server's
 * delivery would), and read back as a client reads them.
 */
final class MailFixtures {

    private MailFixtures() {
    }

    /** How a client names an attachment: RFC 2231 (Thunderbird, Apple Mail) or RFC 2047 encoded words (Outlook, Foxmail). */
    enum Naming { RFC2231, RFC2047 }

    static MimeMessage mail(String from, String to, String subject, Naming naming, Path... attachments) throws Exception {
        return mail(from, to, subject, naming, List.of(attachments), List.of());
    }

    /** @param names the attachments' names as sent; empty = the files' own names */
    static MimeMessage mail(String from, String to, String subject, Naming naming, List<Path> attachments, List<String> names) throws Exception {
        MimeMessage m = new MimeMessage(Session.getInstance(new Properties()));
        m.setFrom(new InternetAddress(from, "统计员", "UTF-8"));
        m.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
        m.setSubject(subject, "UTF-8");
        m.setSentDate(new Date());
        MimeMultipart multipart = new MimeMultipart();
        MimeBodyPart text = new MimeBodyPart();
        text.setText("您好，附件是本单位的报表，请查收。", "UTF-8");
        multipart.addBodyPart(text);
        for (int i = 0; i < attachments.size(); i++) {
            String name = names.isEmpty() ? attachments.get(i).getFileName().toString() : names.get(i);
            MimeBodyPart part = new MimeBodyPart();
            part.setDataHandler(new DataHandler(new FileDataSource(attachments.get(i).toFile())));
            part.setDisposition(Part.ATTACHMENT);
            if (naming == Naming.RFC2047) {
                part.setFileName(MimeUtility.encodeText(name, "UTF-8", "B"));
            } else {
                part.setFileName(name); // mail.mime.encodeparameters (default true): filename*=UTF-8''...
            }
            multipart.addBodyPart(part);
        }
        m.setContent(multipart);
        m.saveChanges(); // gives it a Message-ID
        return m;
    }

    static Store connect(String host, int port, String user, String password) throws Exception {
        Store store = Session.getInstance(new Properties()).getStore("imap");
        store.connect(host, port, user, password);
        return store;
    }

    /** IMAP APPEND into the folder (created when missing). */
    static void append(Store store, String folder, MimeMessage... messages) throws Exception {
        Folder f = store.getFolder(folder);
        if (!f.exists()) {
            f.create(Folder.HOLDS_MESSAGES);
        }
        f.appendMessages(messages);
    }

    static int count(Store store, String folder) throws Exception {
        Folder f = store.getFolder(folder);
        if (!f.exists()) {
            return 0;
        }
        f.open(Folder.READ_ONLY);
        try {
            int n = 0;
            for (Message m : f.getMessages()) {
                n += m.isSet(Flags.Flag.DELETED) ? 0 : 1;
            }
            return n;
        } finally {
            f.close(false);
        }
    }

    /** The plain text of a part, however deeply nested. */
    static String text(Part part) throws Exception {
        Object content = part.getContent();
        if (content instanceof String s) {
            return part.isMimeType("text/*") ? s : "";
        }
        if (!(content instanceof Multipart multipart)) {
            return "";
        }
        StringBuilder all = new StringBuilder();
        for (int i = 0; i < multipart.getCount(); i++) {
            all.append(text(multipart.getBodyPart(i)));
        }
        return all.toString();
    }

    /** The attachments of a received mail: name as a client decodes it, and the part. */
    static List<Part> attachments(Part part) throws Exception {
        List<Part> found = new ArrayList<>();
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                found.addAll(attachments(multipart.getBodyPart(i)));
            }
        } else if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
            found.add(part);
        }
        return found;
    }
}
