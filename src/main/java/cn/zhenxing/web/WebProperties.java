package cn.zhenxing.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param initialAdmin created on the first start of {@code serve} when no administrator exists;
 *                     there is no default password: without these settings no administrator is created
 */
@ConfigurationProperties("zhenxing.web")
public record WebProperties(@DefaultValue InitialAdmin initialAdmin) {

    public record InitialAdmin(String username, String password) {
    }
}
