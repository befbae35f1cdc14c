package cn.zhenxing.web;

import cn.zhenxing.account.PortalUser;
import cn.zhenxing.account.PortalUsers;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Who may open what. URL rules by role here; ownership (a statistician's own unit) is checked again
 * in the controllers for every resource, so guessing ids or URLs leads nowhere.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class SecurityConfiguration {

    @Bean
    PasswordEncoder passwordEncoder() {
        return PortalUsers.PASSWORDS;
    }

    @Bean
    SecurityFilterChain portal(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(auth -> auth
                        .requestMatchers("/login", "/css/**", "/js/**", "/favicon.ico", "/error").permitAll()
                        .requestMatchers("/upload/**", "/forms/**", "/feedback/**").hasRole("STATISTICIAN")
                        .requestMatchers("/admin/**").hasRole("ADMIN")
                        .requestMatchers("/reports/**").hasAnyRole("LEADER", "ADMIN")
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage("/login").successHandler((request, response, authentication) -> {
                    PortalUser user = (PortalUser) authentication.getPrincipal();
                    response.sendRedirect(request.getContextPath() + Home.of(user));
                }).failureUrl("/login?error").permitAll())
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
                .headers(headers -> headers.frameOptions(frame -> frame.sameOrigin()));
        return http.build();
    }

    /** Each role's start page. */
    static final class Home {
        private Home() {
        }

        static String of(PortalUser user) {
            return switch (user.role()) {
                case STATISTICIAN -> "/upload";
                case ADMIN -> "/admin";
                case LEADER -> "/reports";
            };
        }
    }
}
