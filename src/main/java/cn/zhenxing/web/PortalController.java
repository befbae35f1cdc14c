package cn.zhenxing.web;

import cn.zhenxing.account.PortalUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** Login page and the start page of each role. */
@Controller
class PortalController {

    @GetMapping("/login")
    String login() {
        return "login";
    }

    @GetMapping("/")
    String home(@AuthenticationPrincipal PortalUser user) {
        return "redirect:" + SecurityConfiguration.Home.of(user);
    }
}
