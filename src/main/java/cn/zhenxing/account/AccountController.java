package cn.zhenxing.account;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The administrator creates portal accounts, disables or enables them, and resets their passwords. */
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
        return "redirect:/admin#users";
    }

    @PostMapping("/admin/users/enabled")
    String setEnabled(@AuthenticationPrincipal PortalUser admin, @RequestParam String username, @RequestParam boolean enabled,
                      RedirectAttributes flash) {
        if (!enabled && admin.username().equals(username)) {
            flash.addFlashAttribute("error", "不能停用自己正在使用的账号。");
            return "redirect:/admin#users";
        }
        try {
            users.setEnabled(username, enabled);
            flash.addFlashAttribute("message", enabled ? "已启用用户 " + username + "。" : "已停用用户 " + username + "，该账号不能再登录。");
        } catch (IllegalArgumentException e) {
            flash.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/admin#users";
    }

    /** A generated password, shown once on the board (a flash attribute: gone on the next page load). */
    @PostMapping("/admin/users/password")
    String resetPassword(@RequestParam String username, RedirectAttributes flash) {
        try {
            flash.addFlashAttribute("newPassword", users.resetPassword(username, null));
            flash.addFlashAttribute("newPasswordUser", username);
        } catch (IllegalArgumentException e) {
            flash.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/admin#users";
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
