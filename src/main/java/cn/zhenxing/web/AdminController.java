package cn.zhenxing.web;

import cn.zhenxing.account.PortalUsers;
import cn.zhenxing.calendar.ReportingCalendar;
import cn.zhenxing.delivery.DeliveryService;
import cn.zhenxing.mart.MartQueries;
import cn.zhenxing.schedule.ScheduleDefinition;
import cn.zhenxing.schedule.ScheduleFiles;
import cn.zhenxing.schedule.Schedules;
import cn.zhenxing.warehouse.Quarter;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The administrator's board: one page laid out from the features' own answers (calendar, completeness,
 * schedules, deliveries, accounts, contacts). Its actions are posted to the features' controllers.
 */
@Controller
class AdminController {

    private final ReportingCalendar calendar;
    private final MartQueries marts;
    private final Schedules schedules;
    private final DeliveryService delivery;
    private final PortalUsers users;

    AdminController(ReportingCalendar calendar, MartQueries marts, Schedules schedules, DeliveryService delivery, PortalUsers users) {
        this.calendar = calendar;
        this.marts = marts;
        this.schedules = schedules;
        this.delivery = delivery;
        this.users = users;
    }

    @GetMapping("/admin")
    String board(@RequestParam(required = false) String period, Model model) throws Exception {
        List<Map<String, Object>> periods = calendar.calendarQuarters();
        String chosen = Quarter.isCode(period) ? period : periods.isEmpty() ? null : (String) periods.get(0).get("period_code");
        model.addAttribute("periods", periods);
        model.addAttribute("period", chosen);
        if (chosen != null) {
            model.addAttribute("board", marts.completenessBoard(chosen));
            model.addAttribute("rate", marts.provinceRate(chosen));
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
        model.addAttribute("units", users.units());
        return "admin";
    }
}
