package cn.zhenxing.web;

import cn.zhenxing.mart.MartQueries;
import cn.zhenxing.report.ReportName;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/** Leaders: the quarterly reports by period and edition (view PDF in the browser, download), and progress by area. */
@Controller
class ReportsController {

    private final ReportFiles files;
    private final MartQueries marts;
    private final NamedParameterJdbcTemplate jdbc;

    ReportsController(ReportFiles files, MartQueries marts, NamedParameterJdbcTemplate jdbc) {
        this.files = files;
        this.marts = marts;
        this.jdbc = jdbc;
    }

    static String cityOnly(PortalUser user) {
        return user.role() == PortalUser.Role.LEADER ? user.regionCode() : null;
    }

    @GetMapping("/reports")
    String list(@AuthenticationPrincipal PortalUser user, Model model) throws IOException {
        Map<String, List<Map<String, Object>>> byPeriod = new LinkedHashMap<>();
        for (ReportFiles.ReportFile f : files.list(cityOnly(user))) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("title", ReportName.of(f.name()).titleZh());
            row.put("edition", f.region() == null ? "全省版" : marts.region(f.region()) == null ? f.region() : marts.region(f.region()).name() + "版");
            row.put("format", f.format());
            row.put("file", f.path().getFileName().toString());
            byPeriod.computeIfAbsent(f.period(), k -> new java.util.ArrayList<>()).add(row);
        }
        model.addAttribute("user", user);
        model.addAttribute("byPeriod", byPeriod);
        model.addAttribute("areas", jdbc.queryForList(PortalUsers.SQL.get("areas"), Map.of()));
        return "reports";
    }

    @GetMapping("/reports/file/{name}")
    ResponseEntity<Resource> file(@AuthenticationPrincipal PortalUser user, @PathVariable String name) {
        ReportFiles.ReportFile f = files.find(name, cityOnly(user));
        if (f == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        boolean pdf = f.format().equals("pdf");
        return UploadController.download(f.path(), pdf ? MediaType.APPLICATION_PDF : UploadController.XLSX, pdf);
    }

    @GetMapping("/reports/progress")
    String progress(@AuthenticationPrincipal PortalUser user, @RequestParam(defaultValue = "TAIHANG_OLD_AREA") String area,
                    @RequestParam(required = false) String period, Model model) {
        MartQueries.Scope scope = marts.area(area);
        if (scope == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        List<String> periods = jdbc.queryForList(PortalUsers.SQL.get("progressPeriods"), Map.of(), String.class);
        String chosen = period != null && periods.contains(period) ? period : periods.isEmpty() ? null : periods.get(0);
        model.addAttribute("user", user);
        model.addAttribute("scope", scope);
        model.addAttribute("period", chosen);
        model.addAttribute("periods", periods);
        model.addAttribute("areas", jdbc.queryForList(PortalUsers.SQL.get("areas"), Map.of()));
        model.addAttribute("rows", chosen == null ? List.of() : marts.progress(chosen, scope, null, null));
        return "progress";
    }
}
