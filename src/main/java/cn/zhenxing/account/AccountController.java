package cn.zhenxing.account;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The administrator creates portal accounts. */
@Controller
class AccountController {

    private final PortalUsers users;

    AccountController(PortalUsers users) {
        this.users = users;
    }

    @PostMapping("/admin/users")
    String addUser(@RequestParam String username, @RequestParam String name, @RequestParam String role, @RequestParam(required = false) String unit,
                   @RequestParam(required = false) String region, @RequestParam(required = false) String email, @RequestParam String password,
                   RedirectAttributes flash) {
        try {
            users.create(username, password, name, blank(email), PortalUser.Role.valueOf(role), blank(unit), blank(region));
            flash.addFlashAttribute("message", "已创建用户 " + username + "。");
        } catch (IllegalArgumentException e) {
            flash.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/admin";
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
