package cn.zhenxing.web;

import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param initialAdmin created on the first start of {@code serve} when no administrator exists;
 *                     there is no default password: without these settings no administrator is created
 * @param timeZone     the province's time zone: every time the portal shows is in it, whatever the server's zone
 */
@ConfigurationProperties("zhenxing.web")
public record WebProperties(@DefaultValue InitialAdmin initialAdmin, @DefaultValue("Asia/Shanghai") ZoneId timeZone) {

    public record InitialAdmin(String username, String password) {
    }
}
