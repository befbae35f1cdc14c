package cn.zhenxing.delivery;

import cn.zhenxing.warehouse.Checksums;
import cn.zhenxing.warehouse.SqlFile;
import jakarta.activation.DataHandler;
import jakarta.activation.FileDataSource;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.internet.ContentDisposition;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import jakarta.mail.internet.ParameterList;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Service;

/**
 * The mail queue. A message is first a row of {@code ops_delivery_log} (enqueued once, by its unique
 * key), then claimed by one instance, sent, and marked sent. A failed send is retried with
 * exponential back-off; a claim left by a killed instance is taken over after the claim timeout.
 */
@Service
public class DeliveryService {

    static final SqlFile SQL = SqlFile.of(DeliveryService.class, "delivery.sql");
    private static final Logger log = LoggerFactory.getLogger(DeliveryService.class);

    /** A message to queue. */
    public record Message(String kind, String schedule, String period, String dedupeKey, String email, String name,
                          String subject, String body, List<Path> attachments) {
    }

    /** What one pass over the queue did. */
    public record Sent(int sent, int failed) {
    }

    private final NamedParameterJdbcTemplate jdbc;
    private final ObjectProvider<JavaMailSender> mail;
    private final DeliveryProperties properties;
    private final String instance = ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID();

    public DeliveryService(NamedParameterJdbcTemplate jdbc, ObjectProvider<JavaMailSender> mail, DeliveryProperties properties) {
        this.jdbc = jdbc;
        this.mail = mail;
        this.properties = properties;
    }

    /** @return true when queued now, false when the same message was queued before */
    public boolean enqueue(Message m) throws IOException {
        List<String> checksums = new ArrayList<>();
        for (Path attachment : m.attachments()) {
            checksums.add(Checksums.sha256(attachment));
        }
        return jdbc.update(SQL.get("enqueue"), new MapSqlParameterSource()
                .addValue("kind", m.kind()).addValue("schedule", m.schedule()).addValue("period", m.period())
                .addValue("dedupe", m.dedupeKey()).addValue("email", m.email()).addValue("name", m.name())
                .addValue("subject", m.subject()).addValue("body", m.body())
                .addValue("attachments", m.attachments().isEmpty() ? null
                        : String.join("\n", m.attachments().stream().map(p -> p.toAbsolutePath().toString()).toList()))
                .addValue("checksums", checksums.isEmpty() ? null : String.join("\n", checksums))
                .addValue("now", Timestamp.valueOf(LocalDateTime.now()))) == 1;
    }

    /** Sends every due message once; failures are rescheduled with back-off. */
    public Sent sendPending() {
        int sent = 0;
        int failed = 0;
        LocalDateTime now = LocalDateTime.now();
        MapSqlParameterSource due = new MapSqlParameterSource().addValue("now", Timestamp.valueOf(now))
                .addValue("staleBefore", Timestamp.valueOf(now.minus(properties.claimTimeout())));
        for (Long id : jdbc.queryForList(SQL.get("due"), due, Long.class)) {
            MapSqlParameterSource claim = new MapSqlParameterSource(due.getValues()).addValue("id", id).addValue("instance", instance);
            if (jdbc.update(SQL.get("claim"), claim) != 1) {
                continue; // another instance took it
            }
            Map<String, Object> row = jdbc.queryForMap(SQL.get("message"), Map.of("id", id));
            try {
                send(row);
                jdbc.update(SQL.get("markSent"), new MapSqlParameterSource().addValue("id", id).addValue("instance", instance)
                        .addValue("now", Timestamp.valueOf(LocalDateTime.now())));
                sent++;
            } catch (Exception e) {
                int attempts = ((Number) row.get("attempts")).intValue();
                Duration delay = properties.retryBase().multipliedBy(1L << Math.min(attempts - 1, 20));
                if (delay.compareTo(properties.retryMax()) > 0) {
                    delay = properties.retryMax();
                }
                String error = e.getClass().getSimpleName() + ": " + e.getMessage();
                jdbc.update(SQL.get("markFailed"), new MapSqlParameterSource().addValue("id", id).addValue("instance", instance)
                        .addValue("next", Timestamp.valueOf(LocalDateTime.now().plus(delay)))
                        .addValue("error", error.length() > 1000 ? error.substring(0, 1000) : error));
                log.warn("Mail {} to {} failed (attempt {}), next try in {}: {}", id, row.get("recipient_email"), attempts, delay, error);
                failed++;
            }
        }
        if (sent + failed > 0) {
            log.info("Deliveries: {} sent, {} failed", sent, failed);
        }
        return new Sent(sent, failed);
    }

    private void send(Map<String, Object> row) throws Exception {
        JavaMailSender sender = mail.getIfAvailable();
        if (sender == null) {
            throw new IllegalStateException("SMTP is not configured (spring.mail.host)");
        }
        MimeMessage message = sender.createMimeMessage();
        String attachments = (String) row.get("attachments");
        MimeMessageHelper helper = new MimeMessageHelper(message, attachments != null, "UTF-8");
        helper.setFrom(properties.from());
        String name = (String) row.get("recipient_name");
        if (name != null) {
            helper.setTo(new jakarta.mail.internet.InternetAddress((String) row.get("recipient_email"), name, "UTF-8"));
        } else {
            helper.setTo((String) row.get("recipient_email"));
        }
        helper.setSubject((String) row.get("subject"));
        helper.setText((String) row.get("body"), false);
        if (attachments != null) {
            for (String path : attachments.split("\n")) {
                helper.getRootMimeMultipart().addBodyPart(attachment(Path.of(path)));
            }
        }
        sender.send(message);
    }

    /**
     * An attachment whose (Chinese) name every client reads: RFC 2231 {@code filename*=UTF-8''...} in
     * Content-Disposition, and RFC 2047 in Content-Type's {@code name} for older clients (Outlook). Set
     * explicitly in UTF-8: Jakarta Mail's default would follow the JVM's file.encoding.
     */
    static MimeBodyPart attachment(Path file) throws MessagingException, IOException {
        String name = file.getFileName().toString();
        MimeBodyPart part = new MimeBodyPart();
        part.setDataHandler(new DataHandler(new FileDataSource(file.toFile())));
        String type = name.endsWith(".pdf") ? "application/pdf"
                : name.endsWith(".xlsx") ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" : "application/octet-stream";
        ParameterList typeParams = new ParameterList();
        typeParams.set("name", MimeUtility.encodeText(name, "UTF-8", "B"));
        part.setHeader("Content-Type", new ContentType(type.substring(0, type.indexOf('/')), type.substring(type.indexOf('/') + 1), typeParams).toString());
        ContentDisposition disposition = new ContentDisposition(Part.ATTACHMENT);
        ParameterList dispositionParams = new ParameterList();
        dispositionParams.set("filename", name, "UTF-8");
        disposition.setParameterList(dispositionParams);
        part.setHeader("Content-Disposition", disposition.toString());
        part.setHeader("Content-Transfer-Encoding", "base64");
        return part;
    }

    /** Unit contacts kept in the warehouse: name, email, unit_code. */
    public List<Map<String, Object>> unitContacts() {
        return jdbc.queryForList(SQL.get("unitContacts"), Map.of());
    }

    public List<Map<String, Object>> contactList() {
        return jdbc.queryForList(SQL.get("contactList"), Map.of());
    }

    public void addContact(String unit, String name, String email, String by) {
        if (email == null || !email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            throw new IllegalArgumentException("邮箱地址格式不正确：" + email);
        }
        jdbc.update(SQL.get("contactInsert"), new MapSqlParameterSource().addValue("unit", unit).addValue("name", name)
                .addValue("email", email.strip()).addValue("by", by));
    }

    public void removeContact(long id) {
        jdbc.update(SQL.get("contactDelete"), Map.of("id", id));
    }

    public List<Map<String, Object>> recent(int limit) {
        return jdbc.queryForList(SQL.get("recent"), Map.of("limit", limit));
    }
}
