package cn.zhenxing.web;

import cn.zhenxing.account.PortalUser;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.boot.actuate.autoconfigure.security.servlet.EndpointRequest;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

/**
 * The actuator on its own management port (README: Monitoring): open to requests from the trusted
 * addresses (this machine), else only to a portal administrator by HTTP Basic; nothing for anyone else.
 * It has no session (the portal's session lives on the other port) and no CSRF (read-only endpoints).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(MonitoringSecurity.MonitoringProperties.class)
class MonitoringSecurity {

    /** @param trustedAddresses client addresses that may read the actuator without signing in */
    @ConfigurationProperties("zhenxing.monitoring")
    record MonitoringProperties(@DefaultValue({"127.0.0.1", "::1"}) List<String> trustedAddresses) {
    }

    @Bean
    @Order(1)
    SecurityFilterChain actuator(HttpSecurity http, MonitoringProperties properties) throws Exception {
        List<InetAddress> trusted = addresses(properties.trustedAddresses());
        AuthorizationManager<RequestAuthorizationContext> localOrAdmin = (Supplier<Authentication> auth, RequestAuthorizationContext request) ->
                new AuthorizationDecision(trusted.contains(address(request.getRequest().getRemoteAddr()))
                        || auth.get().getPrincipal() instanceof PortalUser user && user.role() == PortalUser.Role.ADMIN);
        http.securityMatcher(EndpointRequest.toAnyEndpoint())
                .authorizeHttpRequests(a -> a.anyRequest().access(localOrAdmin))
                .httpBasic(Customizer.withDefaults())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(c -> c.disable());
        return http.build();
    }

    private static List<InetAddress> addresses(List<String> literals) {
        return literals.stream().map(MonitoringSecurity::address).toList();
    }

    /** A request's address is numeric, so requests never wait for a name lookup. */
    private static InetAddress address(String literal) {
        try {
            return InetAddress.getByName(literal.strip());
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("Not an IP address: " + literal, e);
        }
    }
}
