package cn.zhenxing.account;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Every user changes their own password here; one that was generated, reset or has expired must be changed before anything else. */
@Controller
class PasswordController {

    private final PortalUsers users;

    PasswordController(PortalUsers users) {
        this.users = users;
    }

    @GetMapping("/account/password")
    String page(@AuthenticationPrincipal PortalUser user, Model model) {
        model.addAttribute("user", user);
        model.addAttribute("forced", users.state(user.username()).mustChangePassword());
        model.addAttribute("rules", users.policy().describeZh());
        return "account/password";
    }

    @PostMapping("/account/password")
    String change(@AuthenticationPrincipal PortalUser user,
                  @RequestParam @NotNull @Size(max = 200, message = "密码不能超过200个字符") String current,
                  @RequestParam @NotNull @Size(max = 200, message = "密码不能超过200个字符") String password,
                  @RequestParam @NotNull @Size(max = 200, message = "密码不能超过200个字符") String confirm,
                  Model model, RedirectAttributes flash) {
        try {
            if (!password.equals(confirm)) {
                throw new IllegalArgumentException("两次输入的新密码不一致。");
            }
            users.changePassword(user.username(), current, password);
        } catch (IllegalArgumentException e) {
            model.addAttribute("error", e.getMessage());
            return page(user, model);
        }
        flash.addFlashAttribute("message", "密码已修改。");
        return "redirect:/";
    }
}
