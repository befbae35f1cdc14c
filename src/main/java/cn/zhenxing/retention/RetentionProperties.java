package cn.zhenxing.retention;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code zhenxing.retention.*}: how long received files that no published figure rests on are kept.
 * Files of accepted versions (current or superseded), undecided ones, and any file the warehouse does
 * not know are never deleted.
 *
 * @param rejectedDays a rejected file and its feedback workbook are kept this many days after the decision
 * @param duplicateDays an unregistered copy of bytes already accepted (and kept elsewhere) is kept this many days
 */
@ConfigurationProperties("zhenxing.retention")
public record RetentionProperties(@DefaultValue("730") int rejectedDays, @DefaultValue("90") int duplicateDays) {

    public RetentionProperties {
        if (rejectedDays < 1 || duplicateDays < 1) {
            throw new IllegalArgumentException("zhenxing.retention.rejected-days and duplicate-days must be at least 1");
        }
    }
}
