package cn.zhenxing.web;

import cn.zhenxing.warehouse.Quarter;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * How the portal's templates show values: quarters as 2026年第三季度, times in the province's zone,
 * and no server paths. Templates call it as {@code ${@display.period(code)}}.
 */
@Component("display")
public class Display {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    // A path of two or more segments (/srv/zhenxing/data/inbox, data\inbox\x.xlsx, C:/...): shown by its last segment.
    private static final Pattern PATH = Pattern.compile("(?:[A-Za-z]:)?(?:[\\w.~-]*[/\\\\])+([^\\s/\\\\:：，。；,;()（）]+)");

    private final ZoneId zone;

    public Display(WebProperties properties) {
        this.zone = properties.timeZone();
    }

    public ZoneId zone() {
        return zone;
    }

    /** 2026Q3 as 2026年第三季度; anything that is not a quarter code as it is. */
    public String period(Object code) {
        String s = code == null ? "" : code.toString();
        return Quarter.isCode(s) ? Quarter.parse(s).labelZh() : s;
    }

    /**
     * A time in the province's zone. Stored times ({@link LocalDateTime}, {@link Timestamp}) are the
     * server's wall clock, as {@code LocalDateTime.now()} wrote them; zoned times and instants are converted.
     */
    public String time(Object t) {
        ZonedDateTime at;
        if (t instanceof ZonedDateTime z) {
            at = z;
        } else if (t instanceof Instant i) {
            at = i.atZone(zone);
        } else if (t instanceof Timestamp ts) {
            at = ts.toLocalDateTime().atZone(ZoneId.systemDefault());
        } else if (t instanceof LocalDateTime l) {
            at = l.atZone(ZoneId.systemDefault());
        } else {
            return t == null ? "" : t.toString();
        }
        return TIME.format(at.withZoneSameInstant(zone));
    }

    /** Text meant for a user with any server path reduced to its last segment (a file name). */
    public String withoutPaths(String text) {
        return text == null ? "" : PATH.matcher(text).replaceAll("$1");
    }

    /** For templates that need the zone's name (e.g. 北京时间 notes). */
    public String zoneName() {
        return zone.getId().equals("Asia/Shanghai") ? "北京时间" : zone.getId();
    }
}
