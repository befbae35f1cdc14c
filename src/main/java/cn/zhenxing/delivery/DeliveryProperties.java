package cn.zhenxing.delivery;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param from        sender address of every mail
 * @param retryBase   first retry delay after an SMTP failure; doubled per attempt up to retryMax
 * @param retryMax    longest delay between attempts
 * @param claimTimeout a message claimed longer ago than this by an instance that did not finish is sent again
 */
@ConfigurationProperties("zhenxing.delivery")
public record DeliveryProperties(@DefaultValue("zhenxing@localhost") String from,
                                 @DefaultValue("1m") Duration retryBase,
                                 @DefaultValue("1h") Duration retryMax,
                                 @DefaultValue("10m") Duration claimTimeout) {
}
