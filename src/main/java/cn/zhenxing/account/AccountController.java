package cn.zhenxing.account;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The administrator creates portal accounts, disables or enables them, unlocks them and resets their passwords. */
@Controller
class AccountController {

    static final String USERNAME = "[A-Za-z0-9_.@-]{3,64}";
    static final String USERNAME_MESSAGE = "用户名须为3–64位字母、数字或 _ . @ -";

    private final PortalUsers users;

    AccountController(PortalUsers users) {
        this.users = users;
    }

    /** The administrator types the first password and tells it to the user: it is changed at the first sign-in. */
    @PostMapping("/admin/users")
    String addUser(@RequestParam @Pattern(regexp = USERNAME, message = USERNAME_MESSAGE) String username,
                   @RequestParam @NotBlank(message = "请填写姓名或名称") @Size(max = 100, message = "姓名或名称不能超过100个字") String name,
                   @RequestParam @Pattern(regexp = "STATISTICIAN|ADMIN|LEADER|REVIEWER", message = "角色须为统计员、管理员、领导或审核员") String role,
                   @RequestParam(required = false) @Pattern(regexp = "|[0-9A-Za-z_-]{1,16}", message = "单位代码须为1–16位字母或数字，如 140400") String unit,
                   @RequestParam(required = false) @Pattern(regexp = "|[0-9]{6}", message = "地区代码须为6位数字，如 140400") String region,
                   @RequestParam(required = false) @Email(message = "邮箱地址格式不正确") @Size(max = 200, message = "邮箱地址不能超过200个字符") String email,
                   @RequestParam @Size(max = 200, message = "密码不能超过200个字符") String password,
                   RedirectAttributes flash) {
        try {
            users.create(username, password, name.strip(), blank(email), PortalUser.Role.valueOf(role), blank(unit), blank(region), true);
            flash.addFlashAttribute("message", "已创建用户 " + username + "，首次登录时须修改密码。");
        } catch (IllegalArgumentException e) {
            flash.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/admin#users";
    }

    @PostMapping("/admin/users/enabled")
    String setEnabled(@AuthenticationPrincipal PortalUser admin, @RequestParam @Pattern(regexp = USERNAME, message = USERNAME_MESSAGE) String username,
                      @RequestParam boolean enabled, RedirectAttributes flash) {
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

    /** An account locked after wrong passwords can sign in again at once. */
    @PostMapping("/admin/users/unlock")
    String unlock(@RequestParam @Pattern(regexp = USERNAME, message = USERNAME_MESSAGE) String username, RedirectAttributes flash) {
        try {
            users.unlock(username);
            flash.addFlashAttribute("message", "已解锁用户 " + username + "。");
        } catch (IllegalArgumentException e) {
            flash.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/admin#users";
    }

    /** A generated password, shown once on the board (a flash attribute: gone on the next page load), changed at the next sign-in. */
    @PostMapping("/admin/users/password")
    String resetPassword(@RequestParam @Pattern(regexp = USERNAME, message = USERNAME_MESSAGE) String username, RedirectAttributes flash) {
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
