package cn.zhenxing.web;

import cn.zhenxing.account.PortalUser;
import cn.zhenxing.account.PortalUsers;
import cn.zhenxing.security.LoginThrottle;
import cn.zhenxing.security.SecurityAction;
import cn.zhenxing.security.SecurityEvent.Outcome;
import cn.zhenxing.security.SecurityLog;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Optional;
import java.util.Set;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Who may open what. URL rules by role here; ownership (a statistician's own unit) is checked again
 * in the controllers for every resource, so guessing ids or URLs leads nowhere. Sign-in failures are
 * throttled ({@link LoginThrottle}), counted towards a lockout and logged with every sign-in and sign-out
 * ({@link SecurityLog}); a password someone else set is changed before anything else.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class SecurityConfiguration {

    /** No inline script or style anywhere: every page's scripts and styles are files under /js and /css. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'self'";
    /** The session attribute carrying the login page's message (set by the failure handling, read once). */
    static final String LOGIN_MESSAGE = "zhenxing.loginMessage";
    static final String PASSWORD_PAGE = "/account/password";

    @Bean
    PasswordEncoder passwordEncoder() {
        return PortalUsers.PASSWORDS;
    }

    @Bean
    SecurityFilterChain portal(HttpSecurity http, PortalUsers users, LoginThrottle throttle, SecurityLog audit, Display display) throws Exception {
        http.authorizeHttpRequests(auth -> auth
                        .requestMatchers("/login", "/css/**", "/js/**", "/favicon.ico", "/error").permitAll()
                        .requestMatchers("/upload/**", "/forms/**", "/feedback/**").hasRole("STATISTICIAN")
                        .requestMatchers("/admin/**").hasRole("ADMIN")
                        .requestMatchers("/review/**", "/review").hasAnyRole("REVIEWER", "ADMIN")
                        .requestMatchers("/reports/**").hasAnyRole("LEADER", "ADMIN")
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage("/login")
                        .successHandler((request, response, authentication) -> {
                            PortalUser user = (PortalUser) authentication.getPrincipal();
                            users.loginSucceeded(user.username());
                            audit.record(SecurityAction.LOGIN, user.username(), Outcome.SUCCESS, null);
                            boolean mustChange = users.state(user.username()).mustChangePassword();
                            response.sendRedirect(request.getContextPath() + (mustChange ? PASSWORD_PAGE : Home.of(user)));
                        })
                        .failureHandler((request, response, exception) -> {
                            loginMessage(request, failed(request, exception, users, throttle, audit, display));
                            response.sendRedirect(request.getContextPath() + "/login?error");
                        }).permitAll())
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout")
                        .addLogoutHandler((request, response, authentication) -> {
                            if (authentication != null) {
                                audit.record(SecurityAction.LOGOUT, authentication.getName(), Outcome.SUCCESS, null);
                            }
                        }))
                .addFilterBefore(new Throttled(throttle, audit), UsernamePasswordAuthenticationFilter.class)
                .addFilterAfter(new AccountState(users), AnonymousAuthenticationFilter.class)
                .headers(headers -> headers.frameOptions(frame -> frame.sameOrigin())
                        // Every page; not the report files, so browsers' built-in PDF viewers open them inline (object-src 'none').
                        .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(request -> !path(request).startsWith("/reports/file/"),
                                new StaticHeadersWriter("Content-Security-Policy", CONTENT_SECURITY_POLICY)))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
        return http.build();
    }

    /** What a failed sign-in counts towards and what the login page says (the same for an unknown account as for a wrong password). */
    private static String failed(HttpServletRequest request, AuthenticationException exception, PortalUsers users, LoginThrottle throttle,
                                 SecurityLog audit, Display display) {
        String username = request.getParameter("username") == null ? "" : request.getParameter("username").strip();
        throttle.failed(username, request.getRemoteAddr());
        if (exception instanceof LockedException) {
            String until = users.lockedUntil(username).map(display::time).orElse("");
            audit.recordAs(username, null, SecurityAction.LOGIN, username, Outcome.REFUSED, "账号已锁定至 " + until);
            return lockedMessage(until);
        }
        if (exception instanceof DisabledException) {
            audit.recordAs(username, null, SecurityAction.LOGIN, username, Outcome.REFUSED, "账号已停用");
            return "您的账号已被停用，请联系省发展改革委系统管理员。";
        }
        Optional<LocalDateTime> locked = users.exists(username) ? users.loginFailed(username) : Optional.empty();
        audit.recordAs(username, null, SecurityAction.LOGIN, username, Outcome.FAILURE, "用户名或密码不正确");
        if (locked.isPresent()) {
            String until = display.time(locked.get());
            audit.recordAs(username, null, SecurityAction.LOCKOUT, username, Outcome.SUCCESS,
                    "连续" + users.maxFailures() + "次密码错误，锁定至 " + until);
            return lockedMessage(until);
        }
        return "用户名或密码不正确。连续" + users.maxFailures() + "次输错密码，账号将被暂时锁定。";
    }

    private static String lockedMessage(String until) {
        return "账号已锁定：连续多次密码错误。将于 " + until + "（北京时间）自动解锁，也可联系省发展改革委系统管理员提前解锁。";
    }

    /** The request's path inside the application (the servlet path is empty under some mappings and in MockMvc). */
    static String path(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }

    static void loginMessage(HttpServletRequest request, String message) {
        request.getSession(true).setAttribute(LOGIN_MESSAGE, message);
    }

    /** While an account's or an address's failures are over the limit, attempts are refused before any password is checked. */
    static final class Throttled extends OncePerRequestFilter {

        private final LoginThrottle throttle;
        private final SecurityLog audit;

        Throttled(LoginThrottle throttle, SecurityLog audit) {
            this.throttle = throttle;
            this.audit = audit;
        }

        @Override
        protected boolean shouldNotFilter(HttpServletRequest request) {
            return !("POST".equals(request.getMethod()) && "/login".equals(path(request)));
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            String username = request.getParameter("username") == null ? "" : request.getParameter("username").strip();
            Duration wait = throttle.waitBefore(username, request.getRemoteAddr());
            if (wait.isZero()) {
                chain.doFilter(request, response);
                return;
            }
            long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
            audit.recordAs(username, null, SecurityAction.LOGIN, username, Outcome.REFUSED, "尝试过于频繁，已拒绝（" + seconds + "秒后可再试）");
            loginMessage(request, "登录尝试过于频繁，请" + seconds + "秒后再试。");
            response.sendRedirect(request.getContextPath() + "/login?error");
        }
    }

    /**
     * Checked at every request: an account the administrator disabled loses its session (signing in again is refused);
     * one whose password must be changed (generated, reset by an administrator, expired) sees only the change page.
     */
    static final class AccountState extends OncePerRequestFilter {

        private static final Set<String> OPEN_WHILE_CHANGING = Set.of(PASSWORD_PAGE, "/logout", "/error", "/login");

        private final PortalUsers users;

        AccountState(PortalUsers users) {
            this.users = users;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            Authentication auth = SecurityContextHolder.getContext().getAuthentication();
            if (auth != null && auth.getPrincipal() instanceof PortalUser user) {
                PortalUsers.State state = users.state(user.username());
                if (!state.enabled()) {
                    SecurityContextHolder.clearContext();
                    HttpSession session = request.getSession(false);
                    if (session != null) {
                        session.invalidate();
                    }
                    response.sendRedirect(request.getContextPath() + "/login?disabled");
                    return;
                }
                String path = path(request);
                if (state.mustChangePassword() && !OPEN_WHILE_CHANGING.contains(path) && !path.startsWith("/css/") && !path.startsWith("/js/")) {
                    response.sendRedirect(request.getContextPath() + PASSWORD_PAGE);
                    return;
                }
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
