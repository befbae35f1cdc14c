package cn.zhenxing.web;

import cn.zhenxing.delivery.DeliveryService;
import cn.zhenxing.mart.MartRefresher;
import cn.zhenxing.report.ReportName;
import cn.zhenxing.report.ReportService;
import cn.zhenxing.schedule.ScheduleDefinition;
import cn.zhenxing.schedule.ScheduleFiles;
import cn.zhenxing.schedule.Schedules;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The province administrator: completeness board, periods, exceptions, report runs, schedules, deliveries, users. */
@Controller
class AdminController {

    private final NamedParameterJdbcTemplate jdbc;
    private final MartRefresher marts;
    private final ReportService reports;
    private final Schedules schedules;
    private final DeliveryService delivery;
    private final PortalUsers users;
    private final ReportFiles files;

    AdminController(NamedParameterJdbcTemplate jdbc, MartRefresher marts, ReportService reports, Schedules schedules, DeliveryService delivery,
                    PortalUsers users, ReportFiles files) {
        this.jdbc = jdbc;
        this.marts = marts;
        this.reports = reports;
        this.schedules = schedules;
        this.delivery = delivery;
        this.users = users;
        this.files = files;
    }

    @GetMapping("/admin")
    String board(@RequestParam(required = false) String period, Model model) throws Exception {
        List<Map<String, Object>> periods = jdbc.queryForList(PortalUsers.SQL.get("calendarPeriods"), Map.of());
        String chosen = period != null && period.matches("\\d{4}Q[1-4]") ? period
                : periods.isEmpty() ? null : (String) periods.get(0).get("period_code");
        model.addAttribute("periods", periods);
        model.addAttribute("period", chosen);
        if (chosen != null) {
            model.addAttribute("board", jdbc.queryForList(PortalUsers.SQL.get("completenessBoard"), Map.of("period", chosen)));
            List<Map<String, Object>> rate = jdbc.queryForList(PortalUsers.SQL.get("provinceRate"), Map.of("period", chosen));
            model.addAttribute("rate", rate.isEmpty() ? null : rate.get(0));
        }
        List<Map<String, Object>> scheduled = new ArrayList<>();
        ScheduleFiles.Loaded loaded = schedules.load();
        for (ScheduleDefinition d : loaded.schedules()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("name", d.name());
            row.put("description", d.description());
            row.put("next", Schedules.nextFireTimes(d, ZonedDateTime.now(), 1).stream().map(t -> t.toLocalDateTime().toString().replace('T', ' '))
                    .findFirst().orElse(""));
            scheduled.add(row);
        }
        model.addAttribute("schedules", scheduled);
        model.addAttribute("scheduleProblems", loaded.problems());
        model.addAttribute("deliveries", delivery.recent(20));
        model.addAttribute("users", users.list());
        model.addAttribute("contacts", delivery.contactList());
        model.addAttribute("units", jdbc.queryForList(PortalUsers.SQL.get("units"), Map.of()));
        return "admin";
    }

    @PostMapping("/admin/lock")
    String lock(@RequestParam String period, @RequestParam String reason, RedirectAttributes flash) {
        jdbc.update(PortalUsers.SQL.get("lock"), Map.of("period", period, "reason", reason.isBlank() ? "管理员已关闭本期报送" : reason));
        flash.addFlashAttribute("message", period + " 已关闭报送。");
        return "redirect:/admin?period=" + period;
    }

    @PostMapping("/admin/unlock")
    String unlock(@RequestParam String period, RedirectAttributes flash) {
        jdbc.update(PortalUsers.SQL.get("unlock"), Map.of("period", period));
        flash.addFlashAttribute("message", period + " 已重新开放报送。");
        return "redirect:/admin?period=" + period;
    }

    @PostMapping("/admin/exception")
    String exception(@AuthenticationPrincipal PortalUser admin, @RequestParam String unit, @RequestParam String period,
                     @RequestParam LocalDate deadline, @RequestParam String reason, RedirectAttributes flash) {
        jdbc.update(PortalUsers.SQL.get("exception"), new MapSqlParameterSource().addValue("unit", unit).addValue("period", period)
                .addValue("deadline", deadline).addValue("reason", reason).addValue("by", admin.username()));
        marts.refresh(period, "full", "exception for " + unit);
        flash.addFlashAttribute("message", "已批准 " + unit + " 在 " + deadline + " 前报送 " + period + "。");
        return "redirect:/admin?period=" + period;
    }

    @PostMapping("/admin/reports")
    String runReports(@RequestParam String period, RedirectAttributes flash) throws Exception {
        marts.refresh(period, "full", "admin report run");
        Path dir = files.dir(period);
        int written = 0;
        for (ReportName name : ReportName.values()) {
            written += reports.render(name, period, null, List.of("pdf", "xlsx"), dir).size();
        }
        flash.addFlashAttribute("message", "已重新生成 " + period + " 的报告（" + written + " 个文件）。");
        return "redirect:/admin?period=" + period;
    }

    @PostMapping("/admin/contacts")
    String addContact(@AuthenticationPrincipal PortalUser admin, @RequestParam String unit, @RequestParam String name, @RequestParam String email,
                      RedirectAttributes flash) {
        try {
            delivery.addContact(unit, name, email, admin.username());
            flash.addFlashAttribute("message", "已添加联系人 " + email + "。");
        } catch (IllegalArgumentException e) {
            flash.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/admin";
    }

    @PostMapping("/admin/contacts/delete")
    String removeContact(@RequestParam long id, RedirectAttributes flash) {
        delivery.removeContact(id);
        flash.addFlashAttribute("message", "已删除联系人。");
        return "redirect:/admin";
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
