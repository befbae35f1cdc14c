package cn.zhenxing.calendar;

import cn.zhenxing.account.PortalUser;
import cn.zhenxing.security.SecurityAction;
import cn.zhenxing.security.SecurityEvent.Outcome;
import cn.zhenxing.security.SecurityLog;
import cn.zhenxing.warehouse.Quarter;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The administrator's calendar actions on the board: close or reopen a quarter, grant a unit a later deadline.
 * A quarter the calendar does not have (or a unit that does not exist) is said so, never reported done.
 */
@Controller
class CalendarController {

    private final ReportingCalendar calendar;
    private final ApplicationEventPublisher events;
    private final SecurityLog audit;

    CalendarController(ReportingCalendar calendar, ApplicationEventPublisher events, SecurityLog audit) {
        this.calendar = calendar;
        this.events = events;
        this.audit = audit;
    }

    @PostMapping("/admin/lock")
    String lock(@RequestParam Quarter period, @RequestParam @Size(max = 200, message = "原因不能超过200个字") String reason, RedirectAttributes flash) {
        if (!known(period, SecurityAction.PERIOD_LOCK, flash)) {
            return "redirect:/admin";
        }
        String why = reason.isBlank() ? "管理员已关闭本期报送" : reason.strip();
        calendar.lock(period, why);
        audit.record(SecurityAction.PERIOD_LOCK, period.code(), Outcome.SUCCESS, why);
        flash.addFlashAttribute("message", period.labelZh() + "已关闭报送。");
        return "redirect:/admin?period=" + period.code();
    }

    @PostMapping("/admin/unlock")
    String unlock(@RequestParam Quarter period, RedirectAttributes flash) {
        if (!known(period, SecurityAction.PERIOD_UNLOCK, flash)) {
            return "redirect:/admin";
        }
        if (calendar.lockReason(period).isEmpty()) {
            flash.addFlashAttribute("error", period.labelZh() + "并未关闭报送，无需开放。");
            return "redirect:/admin?period=" + period.code();
        }
        calendar.unlock(period);
        audit.record(SecurityAction.PERIOD_UNLOCK, period.code(), Outcome.SUCCESS, null);
        flash.addFlashAttribute("message", period.labelZh() + "已重新开放报送。");
        return "redirect:/admin?period=" + period.code();
    }

    @PostMapping("/admin/exception")
    String exception(@AuthenticationPrincipal PortalUser admin,
                     @RequestParam @Pattern(regexp = "[0-9A-Za-z_-]{1,16}", message = "单位代码须为1–16位字母或数字，如 140400") String unit,
                     @RequestParam Quarter period, @RequestParam LocalDate deadline,
                     @RequestParam @NotBlank(message = "请填写延期原因") @Size(max = 200, message = "原因不能超过200个字") String reason,
                     RedirectAttributes flash) {
        if (!known(period, SecurityAction.DEADLINE_EXCEPTION, flash)) {
            return "redirect:/admin";
        }
        if (!calendar.unitExists(unit)) {
            flash.addFlashAttribute("error", "填报单位 " + unit + " 不存在。");
            return "redirect:/admin?period=" + period.code();
        }
        calendar.grantException(unit, period, deadline, reason.strip(), admin.username());
        audit.record(SecurityAction.DEADLINE_EXCEPTION, unit + " " + period.code(), Outcome.SUCCESS, "截止日期 " + deadline + "：" + reason.strip());
        // The completeness mart follows the new deadline at once (the mart listens; the calendar does not know it).
        events.publishEvent(new CalendarChanged(period, "exception for " + unit));
        flash.addFlashAttribute("message", "已批准 " + unit + " 在 " + deadline + " 前报送" + period.labelZh() + "报表。");
        return "redirect:/admin?period=" + period.code();
    }

    private boolean known(Quarter period, SecurityAction action, RedirectAttributes flash) {
        try {
            calendar.knownQuarter(period.code());
            return true;
        } catch (IllegalArgumentException e) {
            audit.record(action, period.code(), Outcome.REFUSED, e.getMessage());
            flash.addFlashAttribute("error", e.getMessage() + "未作任何改动。");
            return false;
        }
    }
}
