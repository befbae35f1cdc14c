package cn.zhenxing.mailin;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The mailbox units send their forms to ({@code zhenxing.mail-intake.*}). Intake is off while
 * {@code host} is unset.
 *
 * @param security        {@code ssl} (IMAPS, port 993), {@code starttls} (port 143, upgraded) or {@code none} (loopback only)
 * @param port            0 = the default port of the security mode
 * @param folder          where new mail is read
 * @param processedFolder where every mail goes once answered (created when missing)
 * @param pageSize        messages opened per round trip: a mail bomb is read in pages of this size
 * @param maxMessages     at most this many messages per poll (the rest wait for the next)
 * @param maxAttachmentSize larger attachments are refused without being downloaded
 * @param claimTimeout    a claim left by an instance that died is taken over after this
 * @param timeout         connect and read timeout of the IMAP connection
 */
@ConfigurationProperties("zhenxing.mail-intake")
public record MailIntakeProperties(String host,
                                   @DefaultValue("0") int port,
                                   @DefaultValue("ssl") String security,
                                   String username,
                                   String password,
                                   @DefaultValue("INBOX") String folder,
                                   @DefaultValue("Processed") String processedFolder,
                                   @DefaultValue("50") int pageSize,
                                   @DefaultValue("500") int maxMessages,
                                   @DefaultValue("20MB") DataSize maxAttachmentSize,
                                   @DefaultValue("10m") Duration claimTimeout,
                                   @DefaultValue("30s") Duration timeout) {

    public boolean configured() {
        return host != null && !host.isBlank();
    }

    public String protocol() {
        return security.equalsIgnoreCase("ssl") ? "imaps" : "imap";
    }

    public int effectivePort() {
        return port > 0 ? port : security.equalsIgnoreCase("ssl") ? 993 : 143;
    }

    /** host:port as health and logs show it (never the password). */
    public String location() {
        return username + "@" + host + ":" + effectivePort() + "/" + folder;
    }
}
