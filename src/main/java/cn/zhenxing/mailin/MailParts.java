package cn.zhenxing.mailin;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeUtility;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The attachments of a received mail, without reading their content (IMAP gives the structure alone). */
final class MailParts {

    /** What kind of file an attachment is, by its name: only forms go to ingest. */
    enum Kind { FORM, MACRO_WORKBOOK, ARCHIVE, OTHER }

    /** @param size as the server states it, in bytes of the (base64) transfer encoding; -1 when unknown */
    record Attachment(int index, String name, Kind kind, long size, Part part) {

        /** About the decoded size: base64 takes 4 bytes for 3. */
        long decodedSizeEstimate() throws MessagingException {
            return size < 0 ? -1 : "base64".equalsIgnoreCase(((jakarta.mail.internet.MimePart) part).getEncoding()) ? size / 4 * 3 : size;
        }
    }

    private MailParts() {
    }

    static List<Attachment> attachments(Part message) throws MessagingException, IOException {
        List<Attachment> found = new ArrayList<>();
        walk(message, found, 0);
        return found;
    }

    private static void walk(Part part, List<Attachment> found, int depth) throws MessagingException, IOException {
        if (part.isMimeType("multipart/*") && depth < 10) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                walk(child, found, depth + 1);
            }
            return;
        }
        String name = fileName(part);
        // A named part is a file whether the client marked it attachment or inline; text bodies have no name.
        if (name == null || (Part.INLINE.equalsIgnoreCase(part.getDisposition()) && part.isMimeType("image/*"))) {
            return;
        }
        found.add(new Attachment(found.size() + 1, name, kind(name), part.getSize(), part));
    }

    /**
     * The attachment's name as the sender's client wrote it: RFC 2231 ({@code filename*=}, decoded by Jakarta
     * Mail), RFC 2047 encoded words in {@code filename} or {@code name} (decoded here, as Outlook and Foxmail send
     * them), or plain; the last path segment only.
     */
    static String fileName(Part part) throws MessagingException {
        String name = part.getFileName();
        if (name == null || name.isBlank()) {
            return null;
        }
        try {
            name = MimeUtility.decodeText(name);
        } catch (java.io.UnsupportedEncodingException e) {
            // left as sent
        }
        name = name.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1).replaceAll("\\p{Cntrl}", "").strip();
        return name.isEmpty() ? null : name.length() > 200 ? name.substring(name.length() - 200) : name;
    }

    static Kind kind(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".xlsx") || lower.endsWith(".xls")) {
            return Kind.FORM;
        }
        if (lower.endsWith(".xlsm") || lower.endsWith(".xltm")) {
            return Kind.MACRO_WORKBOOK;
        }
        for (String ext : List.of(".zip", ".rar", ".7z", ".gz", ".tar", ".tgz", ".bz2", ".xz", ".zipx")) {
            if (lower.endsWith(ext)) {
                return Kind.ARCHIVE;
            }
        }
        return Kind.OTHER;
    }

    /** Streams the attachment to {@code to} while hashing it; null when it grows past the size limit. */
    static String download(Attachment a, Path to, long max) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        long total = 0;
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = a.part().getInputStream(); OutputStream out = Files.newOutputStream(to)) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                total += n;
                if (total > max) {
                    return null;
                }
                digest.update(buffer, 0, n);
                out.write(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
