package cn.zhenxing.report;

import cn.zhenxing.account.PortalUser;
import cn.zhenxing.mart.MartQueries;
import cn.zhenxing.mart.MartRefresher;
import cn.zhenxing.warehouse.FileDownload;
import cn.zhenxing.warehouse.Quarter;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Leaders: the quarterly reports by period and edition (view PDF in the browser, download), and progress by area. */
@Controller
class ReportsController {

    private final ReportFiles files;
    private final MartQueries marts;
    private final ReportService reports;
    private final MartRefresher refresher;

    ReportsController(ReportFiles files, MartQueries marts, ReportService reports, MartRefresher refresher) {
        this.files = files;
        this.marts = marts;
        this.reports = reports;
        this.refresher = refresher;
    }

    static String cityOnly(PortalUser user) {
        return user.role() == PortalUser.Role.LEADER ? user.regionCode() : null;
    }

    @GetMapping("/reports")
    String list(@AuthenticationPrincipal PortalUser user, Model model) throws IOException {
        Map<String, List<Map<String, Object>>> byPeriod = new LinkedHashMap<>();
        for (ReportFile f : files.list(cityOnly(user))) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("title", f.name().titleZh());
            row.put("edition", f.region() == null ? "全省版" : marts.region(f.region()) == null ? f.region() : marts.region(f.region()).name() + "版");
            row.put("format", f.format());
            row.put("file", f.fileName());
            byPeriod.computeIfAbsent(f.period().code(), k -> new java.util.ArrayList<>()).add(row);
        }
        model.addAttribute("user", user);
        model.addAttribute("byPeriod", byPeriod);
        model.addAttribute("areas", marts.areas());
        return "report/reports";
    }

    @GetMapping("/reports/file/{name}")
    ResponseEntity<Resource> file(@AuthenticationPrincipal PortalUser user, @PathVariable String name) {
        ReportFile f = files.find(name, cityOnly(user));
        if (f == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        boolean pdf = f.format().equals("pdf");
        return FileDownload.of(files.path(f), pdf ? MediaType.APPLICATION_PDF : FileDownload.XLSX, pdf);
    }

    @GetMapping("/reports/progress")
    String progress(@AuthenticationPrincipal PortalUser user, @RequestParam(defaultValue = "TAIHANG_OLD_AREA") String area,
                    @RequestParam(required = false) String period, Model model) {
        MartQueries.Scope scope = marts.area(area);
        if (scope == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        List<String> periods = marts.progressPeriods();
        String chosen = period != null && periods.contains(period) ? period : periods.isEmpty() ? null : periods.get(0);
        model.addAttribute("user", user);
        model.addAttribute("scope", scope);
        model.addAttribute("period", chosen);
        model.addAttribute("periods", periods);
        model.addAttribute("areas", marts.areas());
        model.addAttribute("rows", chosen == null ? List.of() : marts.progress(chosen, scope, null, null));
        return "report/progress";
    }

    /** The administrator's 重新生成本期报告: the quarter's marts rebuilt, then every report rendered again. */
    @PostMapping("/admin/reports")
    String runReports(@RequestParam Quarter period, RedirectAttributes flash) throws Exception {
        refresher.refresh(period.code(), "full", "admin report run");
        int written = 0;
        for (ReportName name : ReportName.values()) {
            written += reports.render(name, period.code(), null, List.of("pdf", "xlsx"), files.dir(period.code())).size();
        }
        flash.addFlashAttribute("message", "已重新生成" + period.labelZh() + "的报告（" + written + " 个文件）。");
        return "redirect:/admin?period=" + period;
    }
}
