package cn.zhenxing.web;

import cn.zhenxing.account.PortalUser;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** Login page and the start page of each role. */
@Controller
class PortalController {

    /** The message of the last failed sign-in (wrong password, locked, throttled) is shown once. */
    @GetMapping("/login")
    String login(HttpSession session, Model model) {
        Object message = session.getAttribute(SecurityConfiguration.LOGIN_MESSAGE);
        if (message != null) {
            session.removeAttribute(SecurityConfiguration.LOGIN_MESSAGE);
            model.addAttribute("loginMessage", message);
        }
        return "login";
    }

    @GetMapping("/")
    String home(@AuthenticationPrincipal PortalUser user) {
        return "redirect:" + SecurityConfiguration.Home.of(user);
    }
}
