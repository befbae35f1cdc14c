package cn.zhenxing.mailin;

import jakarta.mail.Folder;
import jakarta.mail.Store;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * The {@code mailbox} health: the intake mailbox answers, the credentials work and the folder exists.
 * Only when intake is configured ({@code zhenxing.mail-intake.host}); absent otherwise.
 */
@Component("mailboxHealthIndicator")
@ConditionalOnProperty(prefix = "zhenxing.mail-intake", name = "host")
class MailboxHealth implements HealthIndicator {

    private final MailIntakeProperties properties;

    MailboxHealth(MailIntakeProperties properties) {
        this.properties = properties;
    }

    @Override
    public Health health() {
        Health.Builder health;
        try (Store store = Mailbox.connect(properties)) {
            Folder folder = store.getFolder(properties.folder());
            if (!folder.exists()) {
                health = Health.down().withDetail("error", "folder " + properties.folder() + " does not exist");
            } else {
                health = Health.up().withDetail("messages", folder.getMessageCount());
            }
        } catch (Exception e) {
            health = Health.down().withDetail("error", e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        return health.withDetail("location", properties.location()).build();
    }
}
