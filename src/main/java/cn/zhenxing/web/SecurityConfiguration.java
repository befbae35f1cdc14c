package cn.zhenxing.web;

import cn.zhenxing.account.PortalUser;
import cn.zhenxing.account.PortalUsers;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.web.filter.OncePerRequestFilter;

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
    SecurityFilterChain portal(HttpSecurity http, PortalUsers users) throws Exception {
        http.authorizeHttpRequests(auth -> auth
                        .requestMatchers("/login", "/css/**", "/js/**", "/favicon.ico", "/error").permitAll()
                        .requestMatchers("/upload/**", "/forms/**", "/feedback/**").hasRole("STATISTICIAN")
                        .requestMatchers("/admin/**").hasRole("ADMIN")
                        .requestMatchers("/review/**", "/review").hasAnyRole("REVIEWER", "ADMIN")
                        .requestMatchers("/reports/**").hasAnyRole("LEADER", "ADMIN")
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage("/login").successHandler((request, response, authentication) -> {
                    PortalUser user = (PortalUser) authentication.getPrincipal();
                    response.sendRedirect(request.getContextPath() + Home.of(user));
                }).failureUrl("/login?error").permitAll())
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
                .addFilterAfter(new DisabledAccounts(users), AnonymousAuthenticationFilter.class)
                .headers(headers -> headers.frameOptions(frame -> frame.sameOrigin()));
        return http.build();
    }

    /** An account the administrator disabled loses its session at its next request (signing in again is refused). */
    static final class DisabledAccounts extends OncePerRequestFilter {

        private final PortalUsers users;

        DisabledAccounts(PortalUsers users) {
            this.users = users;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            Authentication auth = SecurityContextHolder.getContext().getAuthentication();
            if (auth != null && auth.getPrincipal() instanceof PortalUser user && !users.isEnabled(user.username())) {
                SecurityContextHolder.clearContext();
                HttpSession session = request.getSession(false);
                if (session != null) {
                    session.invalidate();
                }
                response.sendRedirect(request.getContextPath() + "/login?disabled");
                return;
            }
            chain.doFilter(request, response);
        }
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
                case REVIEWER -> "/review";
            };
        }
    }
}
