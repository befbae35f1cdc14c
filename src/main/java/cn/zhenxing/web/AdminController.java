package cn.zhenxing.web;

import jakarta.validation.constraints.Size;

import cn.zhenxing.account.PortalUsers;
import cn.zhenxing.calendar.ReportingCalendar;
import cn.zhenxing.review.ReviewService;
import cn.zhenxing.review.UnitReview;
import cn.zhenxing.delivery.DeliveryService;
import cn.zhenxing.ingest.SubmissionHistory;
import cn.zhenxing.ingest.SubmissionStore;
import cn.zhenxing.mart.MartQueries;
import cn.zhenxing.schedule.ScheduleActions;
import cn.zhenxing.schedule.ScheduleDefinition;
import cn.zhenxing.schedule.ScheduleFiles;
import cn.zhenxing.schedule.Schedules;
import cn.zhenxing.warehouse.FileDownload;
import cn.zhenxing.warehouse.Quarter;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The administrator's board: one page laid out from the features' own answers (calendar, completeness,
 * schedules, deliveries, accounts, contacts), a unit's files and findings, and 催报. The calendar,
 * account and contact actions are posted to the features' controllers.
 */
@Controller
class AdminController {

    private final ReportingCalendar calendar;
    private final MartQueries marts;
    private final Schedules schedules;
    private final ScheduleActions actions;
    private final DeliveryService delivery;
    private final PortalUsers users;
    private final SubmissionHistory history;
    private final SubmissionStore store;
    private final Display display;
    private final ReviewService review;

    AdminController(ReportingCalendar calendar, MartQueries marts, Schedules schedules, ScheduleActions actions, DeliveryService delivery,
                    PortalUsers users, SubmissionHistory history, SubmissionStore store, Display display, ReviewService review) {
        this.review = review;
        this.calendar = calendar;
        this.marts = marts;
        this.schedules = schedules;
        this.actions = actions;
        this.delivery = delivery;
        this.users = users;
        this.history = history;
        this.store = store;
        this.display = display;
    }

    @GetMapping("/admin")
    String board(@RequestParam(required = false) @Size(max = 64, message = "参数过长") String period, Model model) throws Exception {
        List<Map<String, Object>> periods = calendar.calendarQuarters();
        Map<String, Object> chosen = periods.stream().filter(p -> p.get("period_code").equals(period)).findFirst()
                .orElse(periods.isEmpty() ? null : periods.get(0));
        model.addAttribute("periods", periods);
        if (chosen != null) {
            String code = (String) chosen.get("period_code");
            model.addAttribute("period", code);
            model.addAttribute("periodLabel", display.period(code));
            model.addAttribute("lockReason", chosen.get("locked_reason"));
            model.addAttribute("board", marts.completenessBoard(code));
            model.addAttribute("rate", marts.provinceRate(code));
            model.addAttribute("reviews", review.quarter(Quarter.parse(code)).stream()
                    .filter(u -> u.version() != null).collect(Collectors.toMap(UnitReview::unitCode, u -> u)));
        }
        List<Map<String, Object>> scheduled = new ArrayList<>();
        ScheduleFiles.Loaded loaded = schedules.load();
        for (ScheduleDefinition d : loaded.schedules()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("name", d.kind().labelZh());
            row.put("description", display.withoutPaths(d.description()));
            row.put("next", Schedules.nextFireTimes(d, ZonedDateTime.now(), 1).stream().map(display::time).findFirst().orElse(""));
            scheduled.add(row);
        }
        model.addAttribute("schedules", scheduled);
        model.addAttribute("scheduleProblems", loaded.problems().stream().map(display::withoutPaths).toList());
        model.addAttribute("deliveries", delivery.recent(20));
        model.addAttribute("users", users.list());
        model.addAttribute("contacts", delivery.contactList());
        model.addAttribute("units", users.units());
        model.addAttribute("passwordRules", users.policy().describeZh());
        model.addAttribute("passwordMinLength", users.policy().minLength());
        return "admin";
    }

    /** One unit's files (every quarter, newest first) and the findings of one of them (the latest by default). */
    @GetMapping("/admin/units/{unit}")
    String unit(@PathVariable @Size(max = 64, message = "参数过长") String unit, @RequestParam(required = false) Long submission, Model model) {
        String name = unitName(unit);
        List<Map<String, Object>> rows = history.of(unit);
        Map<String, Object> selected = rows.stream().filter(r -> submission == null || Objects.equals(((Number) r.get("submission_id")).longValue(), submission))
                .findFirst().orElse(null);
        model.addAttribute("unitCode", unit);
        model.addAttribute("unitName", name);
        model.addAttribute("history", rows);
        model.addAttribute("selected", selected);
        model.addAttribute("findings", selected == null ? List.of() : history.problems(((Number) selected.get("submission_id")).longValue()));
        return "admin-unit";
    }

    /** A unit's feedback or receipt workbook, as its statistician downloads it. */
    @GetMapping("/admin/units/{unit}/feedback/{id}")
    ResponseEntity<Resource> feedback(@PathVariable @Size(max = 64, message = "参数过长") String unit, @PathVariable long id) {
        List<Map<String, Object>> rows = store.owner(id);
        if (rows.isEmpty() || !unit.equals(rows.get(0).get("unit_code")) || rows.get(0).get("feedback_path") == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        Path file = Path.of((String) rows.get(0).get("feedback_path"));
        return FileDownload.of(file, file.toString().endsWith(".xls") ? FileDownload.XLS : FileDownload.XLSX, false);
    }

    /** 催报: the unit's contacts get the reminder (or overdue notice) now. */
    @PostMapping("/admin/urge")
    String urge(@RequestParam Quarter period, @RequestParam @Size(max = 64, message = "参数过长") String unit, RedirectAttributes flash) throws Exception {
        String name = unitName(unit);
        ScheduleActions.Urged urged = actions.urge(period, unit, schedules.load().recipients(), LocalDateTime.now(display.zone()));
        if (urged.recipients().isEmpty()) {
            flash.addFlashAttribute("error", name + "没有联系人，未能催报。请先在“报送单位联系人”中添加。");
        } else if (urged.queued() == 0) {
            flash.addFlashAttribute("message", "一分钟内已向" + name + "催报过，未重复发送。");
        } else {
            flash.addFlashAttribute("message", "已向" + name + "催报" + period.labelZh() + "报表：" + String.join("、", urged.recipients())
                    + (urged.sent().failed() > 0 ? "。邮件服务器暂时不可用，邮件已排队，将自动重发。" : "。"));
        }
        return "redirect:/admin?period=" + period.code();
    }

    private String unitName(String unit) {
        return users.units().stream().filter(u -> unit.equals(u.get("unit_code"))).map(u -> (String) u.get("name_zh")).findFirst()
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }
}
