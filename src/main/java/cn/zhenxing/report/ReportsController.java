package cn.zhenxing.report;

import jakarta.validation.constraints.Size;

import cn.zhenxing.calendar.ReportingCalendar;
import cn.zhenxing.security.SecurityAction;
import cn.zhenxing.security.SecurityEvent;
import cn.zhenxing.security.SecurityLog;
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
    private final ProgressPage page;

    private final SecurityLog audit;
    private final ReportingCalendar calendar;

    ReportsController(ReportFiles files, MartQueries marts, ReportService reports, MartRefresher refresher, ProgressPage page, SecurityLog audit,
                      ReportingCalendar calendar) {
        this.audit = audit;
        this.calendar = calendar;
        this.page = page;
        this.files = files;
        this.marts = marts;
        this.reports = reports;
        this.refresher = refresher;
    }

    static String cityOnly(PortalUser user) {
        return user != null && user.role() == PortalUser.Role.LEADER ? user.regionCode() : null;
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
    ResponseEntity<Resource> file(@AuthenticationPrincipal PortalUser user, @PathVariable @Size(max = 100, message = "文件名过长") String name) {
        ReportFile f = files.find(name, cityOnly(user));
        if (f == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        boolean pdf = f.format().equals("pdf");
        MartQueries.Scope region = f.region() == null ? null : marts.region(f.region());
        return FileDownload.of(files.path(f), f.downloadName(region == null ? null : region.name()), pdf ? MediaType.APPLICATION_PDF : FileDownload.XLSX, pdf);
    }

    /**
     * 指标进展: a planning area's or a city's indicators, the same rows as the quarterly report's table
     * of that scope ({@link ProgressPage}), filtered by status and sorted as asked, each with its trend;
     * a leader of one city opens on that city.
     */
    @GetMapping("/reports/progress")
    String progress(@AuthenticationPrincipal PortalUser user, @RequestParam(required = false) @Size(max = 64, message = "参数过长") String scope,
                    @RequestParam(required = false) @Size(max = 64, message = "参数过长") String area, @RequestParam(required = false) @Size(max = 64, message = "参数过长") String region,
                    @RequestParam(required = false) @Size(max = 64, message = "参数过长") String period, @RequestParam(required = false) @Size(max = 64, message = "参数过长") String status,
                    @RequestParam(required = false) @Size(max = 64, message = "参数过长") String sort, Model model) {
        MartQueries.Scope chosen = chosenScope(user, scope, area, region);
        List<String> periods = marts.progressPeriods();
        String quarter = period != null && periods.contains(period) ? period : periods.isEmpty() ? null : periods.get(0);
        String filter = status == null || status.isBlank() ? null : status;
        String order = ProgressPage.SORTS.containsKey(sort) ? sort : "status";
        String ownCity = cityOnly(user);
        model.addAttribute("user", user);
        model.addAttribute("scope", chosen);
        model.addAttribute("period", quarter);
        model.addAttribute("periods", periods);
        model.addAttribute("areas", ownCity == null ? marts.areas() : List.of());
        model.addAttribute("cities", page.cities().stream().filter(c -> ownCity == null || ownCity.equals(c.code())).toList());
        model.addAttribute("status", filter);
        model.addAttribute("statuses", Sentences.STATUSES);
        model.addAttribute("sort", order);
        model.addAttribute("sorts", ProgressPage.SORTS);
        model.addAttribute("rows", quarter == null ? List.of() : page.rows(quarter, chosen, filter, order));
        String edition = "region".equals(chosen.type()) ? chosen.code() : null;
        ReportFile xlsx = quarter == null ? null
                : files.find(new ReportFile(ProgressPage.reportOf(chosen), Quarter.parse(quarter), edition, "xlsx").fileName(), ownCity);
        model.addAttribute("xlsx", xlsx == null ? null : xlsx.fileName());
        return "report/progress";
    }

    /** The rows the progress page shows for the same parameters, as an XLSX (Chinese file name). */
    @GetMapping("/reports/progress.xlsx")
    ResponseEntity<byte[]> progressXlsx(@AuthenticationPrincipal PortalUser user, @RequestParam(required = false) @Size(max = 64, message = "参数过长") String scope,
                                        @RequestParam(required = false) @Size(max = 64, message = "参数过长") String area, @RequestParam(required = false) @Size(max = 64, message = "参数过长") String region,
                                        @RequestParam @Size(max = 64, message = "参数过长") String period, @RequestParam(required = false) @Size(max = 64, message = "参数过长") String status,
                                        @RequestParam(required = false) @Size(max = 64, message = "参数过长") String sort) throws Exception {
        MartQueries.Scope chosen = chosenScope(user, scope, area, region);
        if (!marts.progressPeriods().contains(period)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        byte[] xlsx = page.xlsx(period, chosen, status == null || status.isBlank() ? null : status, sort);
        return FileDownload.of(xlsx, ProgressPage.downloadName(chosen, period), FileDownload.XLSX);
    }

    /** The scope a request names (scope=area:… or region:…, else area or region), else the user's city, else the Taihang area; 404 outside a city leader's city. */
    private MartQueries.Scope chosenScope(PortalUser user, String scope, String area, String region) {
        if (scope != null && scope.startsWith("region:")) {
            region = scope.substring("region:".length());
        } else if (scope != null && scope.startsWith("area:")) {
            area = scope.substring("area:".length());
        }
        MartQueries.Scope chosen = scope(user, area, region);
        String ownCity = cityOnly(user);
        // A city's leader sees the city only, as its report files (any other scope answers 404).
        if (chosen == null || ownCity != null && !("region".equals(chosen.type()) && ownCity.equals(chosen.code()))) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return chosen;
    }

    private MartQueries.Scope scope(PortalUser user, String area, String region) {
        if (region != null && !region.isBlank()) {
            return marts.region(region);
        }
        if (area != null && !area.isBlank()) {
            return marts.area(area);
        }
        String own = user == null ? null : user.regionCode();
        return own != null ? marts.region(own) : marts.area(RevitalizationReport.TAIHANG);
    }

    /** The administrator's 重新生成本期报告: the quarter's marts rebuilt, then every report and every city's edition rendered again. */
    @PostMapping("/admin/reports")
    String runReports(@RequestParam Quarter period, RedirectAttributes flash) throws Exception {
        try {
            calendar.knownQuarter(period.code());
        } catch (IllegalArgumentException e) {
            audit.record(SecurityAction.REPORT_REGENERATE, period.code(), SecurityEvent.Outcome.REFUSED, e.getMessage());
            flash.addFlashAttribute("error", e.getMessage() + "未生成报告。");
            return "redirect:/admin";
        }
        refresher.refresh(period.code(), "full", "admin report run");
        int written = reports.renderQuarter(List.of(ReportName.values()), period.code(), null, files.dir(period.code())).size();
        audit.record(SecurityAction.REPORT_REGENERATE, period.code(), SecurityEvent.Outcome.SUCCESS, "共 " + written + " 个文件");
        flash.addFlashAttribute("message", "已重新生成" + period.labelZh() + "的报告（含各市版，共 " + written + " 个文件）。");
        return "redirect:/admin?period=" + period;
    }
}
