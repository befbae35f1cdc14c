package cn.zhenxing.security;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.Arrays;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The administrator's search of the security audit log (read only: nothing in the portal changes or deletes an entry). */
@Controller
class SecurityLogController {

    private final SecurityLog log;

    SecurityLogController(SecurityLog log) {
        this.log = log;
    }

    @GetMapping("/admin/security")
    String search(@RequestParam(required = false) @Size(max = 100, message = "用户名不能超过100个字符") String user,
                  @RequestParam(required = false) @Pattern(regexp = "|[a-z-]{1,40}", message = "操作类型无法识别") String action,
                  @RequestParam(required = false) @Pattern(regexp = "|success|failure|refused", message = "结果须为成功、失败或拒绝") String outcome,
                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                  @RequestParam(required = false) @Size(max = 100, message = "关键词不能超过100个字符") String q, Model model) {
        SecurityAction chosen = blank(action) == null ? null
                : Arrays.stream(SecurityAction.values()).filter(a -> a.code().equals(action)).findFirst().orElse(null);
        SecurityEvent.Outcome result = blank(outcome) == null ? null : SecurityEvent.Outcome.valueOf(outcome.toUpperCase());
        model.addAttribute("events", log.search(new SecurityLog.Query(blank(user), chosen, result, from, to, blank(q))));
        model.addAttribute("actions", SecurityAction.values());
        model.addAttribute("outcomes", SecurityEvent.Outcome.values());
        model.addAttribute("user", blank(user));
        model.addAttribute("action", chosen == null ? "" : chosen.code());
        model.addAttribute("outcome", result == null ? "" : result.name().toLowerCase());
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        model.addAttribute("q", blank(q));
        model.addAttribute("limit", SecurityLog.SEARCH_LIMIT);
        model.addAttribute("retentionDays", log.retentionDays());
        return "security/events";
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
