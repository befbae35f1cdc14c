package cn.zhenxing.calendar;

import cn.zhenxing.account.PortalUser;
import cn.zhenxing.warehouse.Quarter;
import java.time.LocalDate;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The administrator's calendar actions on the board: close or reopen a quarter, grant a unit a later deadline. */
@Controller
class CalendarController {

    private final ReportingCalendar calendar;
    private final ApplicationEventPublisher events;

    CalendarController(ReportingCalendar calendar, ApplicationEventPublisher events) {
        this.calendar = calendar;
        this.events = events;
    }

    @PostMapping("/admin/lock")
    String lock(@RequestParam Quarter period, @RequestParam String reason, RedirectAttributes flash) {
        calendar.lock(period, reason.isBlank() ? "管理员已关闭本期报送" : reason);
        flash.addFlashAttribute("message", period.labelZh() + "已关闭报送。");
        return "redirect:/admin?period=" + period.code();
    }

    @PostMapping("/admin/unlock")
    String unlock(@RequestParam Quarter period, RedirectAttributes flash) {
        calendar.unlock(period);
        flash.addFlashAttribute("message", period.labelZh() + "已重新开放报送。");
        return "redirect:/admin?period=" + period.code();
    }

    @PostMapping("/admin/exception")
    String exception(@AuthenticationPrincipal PortalUser admin, @RequestParam String unit, @RequestParam Quarter period,
                     @RequestParam LocalDate deadline, @RequestParam String reason, RedirectAttributes flash) {
        calendar.grantException(unit, period, deadline, reason, admin.username());
        // The completeness mart follows the new deadline at once (the mart listens; the calendar does not know it).
        events.publishEvent(new CalendarChanged(period, "exception for " + unit));
        flash.addFlashAttribute("message", "已批准 " + unit + " 在 " + deadline + " 前报送" + period.labelZh() + "报表。");
        return "redirect:/admin?period=" + period.code();
    }
}
