package cn.zhenxing.review;

import cn.zhenxing.security.SecurityAction;
import cn.zhenxing.security.SecurityEvent;
import cn.zhenxing.security.SecurityLog;
import jakarta.validation.constraints.Size;
import cn.zhenxing.account.PortalUser;
import cn.zhenxing.calendar.ReportingCalendar;
import cn.zhenxing.ingest.SubmissionHistory;
import cn.zhenxing.warehouse.Quarter;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The 审核 page of reviewers (and the administrator): the quarter's units they review, filtered by state
 * and city, those awaiting them first; one unit's detail (findings, 说明, values against last year and
 * against the sibling regions, versions, events) with the actions the rules allow. A unit the signed-in reviewer does not review
 * looks exactly like a missing one.
 */
@Controller
class ReviewController {

    private final ReviewService review;
    private final ReportingCalendar calendar;
    private final SubmissionHistory submissions;

    private final SecurityLog audit;

    ReviewController(ReviewService review, ReportingCalendar calendar, SubmissionHistory submissions, SecurityLog audit) {
        this.audit = audit;
        this.review = review;
        this.calendar = calendar;
        this.submissions = submissions;
    }

    @GetMapping("/review")
    String queue(@AuthenticationPrincipal PortalUser user, @RequestParam(required = false) @Size(max = 64, message = "参数过长") String period,
                 @RequestParam(required = false) @Size(max = 64, message = "参数过长") String state, @RequestParam(required = false) @Size(max = 64, message = "参数过长") String city, Model model) {
        Reviewer who = Reviewer.of(user);
        List<Map<String, Object>> periods = calendar.calendarQuarters();
        String chosen = periods.stream().map(p -> (String) p.get("period_code")).filter(c -> c.equals(period)).findFirst()
                .orElse(periods.isEmpty() ? null : (String) periods.get(0).get("period_code"));
        model.addAttribute("user", user);
        model.addAttribute("periods", periods);
        model.addAttribute("states", List.of(ReviewState.values()));
        if (chosen == null) {
            model.addAttribute("rows", List.of());
            return "review/queue";
        }
        Quarter quarter = Quarter.parse(chosen);
        List<UnitReview> mine = review.quarter(quarter).stream().filter(u -> u.reviewableBy(who)).toList();
        Map<String, String> cities = new LinkedHashMap<>();
        mine.forEach(u -> cities.putIfAbsent(u.cityUnitCode(), u.cityUnitCode().equals(u.unitCode()) ? u.unitName()
                : u.chain().steps().get(0).reviewerUnitName()));
        List<UnitReview> shown = mine.stream().filter(u -> state == null || state.isBlank() || u.state().code().equals(state))
                .filter(u -> city == null || city.isBlank() || u.cityUnitCode().equals(city))
                .sorted(Comparator.comparing((UnitReview u) -> !u.awaits(who)).thenComparing(UnitReview::unitCode)).toList();
        model.addAttribute("period", chosen);
        model.addAttribute("state", state);
        model.addAttribute("city", city);
        model.addAttribute("cities", cities);
        model.addAttribute("rows", shown);
        model.addAttribute("who", who);
        model.addAttribute("waiting", mine.stream().filter(u -> u.awaits(who)).count());
        return "review/queue";
    }

    @GetMapping("/review/{unit}/{period}")
    String detail(@AuthenticationPrincipal PortalUser user, @PathVariable @Size(max = 64, message = "参数过长") String unit, @PathVariable @Size(max = 64, message = "参数过长") String period, Model model) {
        Reviewer who = Reviewer.of(user);
        Quarter quarter = quarter(period);
        UnitReview u = reviewable(unit, quarter, who);
        model.addAttribute("user", user);
        model.addAttribute("u", u);
        model.addAttribute("period", quarter.code());
        model.addAttribute("periodLabel", quarter.labelZh());
        model.addAttribute("mayApprove", u.allows(ReviewAction.APPROVE, who));
        model.addAttribute("mayUnapprove", u.allows(ReviewAction.UNAPPROVE, who));
        model.addAttribute("mayReturn", u.allows(ReviewAction.RETURN, who));
        model.addAttribute("versions", review.versions(unit, quarter));
        model.addAttribute("events", review.history(unit, quarter));
        model.addAttribute("findings", u.submissionId() == null ? List.of() : submissions.problems(u.submissionId()));
        model.addAttribute("values", u.submissionId() == null ? List.of() : review.comparedValues(u.submissionId()));
        return "review/detail";
    }

    @PostMapping("/review/{unit}/{period}/{action}")
    String act(@AuthenticationPrincipal PortalUser user, @PathVariable @Size(max = 64, message = "参数过长") String unit, @PathVariable @Size(max = 64, message = "参数过长") String period, @PathVariable @Size(max = 64, message = "参数过长") String action,
               @RequestParam(required = false) @Size(max = 500, message = "审核意见不能超过500个字") String reason, RedirectAttributes flash) {
        Reviewer who = Reviewer.of(user);
        Quarter quarter = quarter(period);
        UnitReview u = reviewable(unit, quarter, who);
        ReviewAction chosen = switch (action) {
            case "approve" -> ReviewAction.APPROVE;
            case "return" -> ReviewAction.RETURN;
            case "unapprove" -> ReviewAction.UNAPPROVE;
            default -> throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        };
        try {
            ReviewEvent event = review.act(unit, quarter, chosen, who, reason);
            flash.addFlashAttribute("message", chosen.labelZh() + "：" + u.unitName() + " 第" + event.version() + "版，" + event.from().labelZh()
                    + " → " + event.to().labelZh() + (chosen == ReviewAction.RETURN ? "。已通知该单位联系人。" : "。"));
        } catch (ReviewRefusedException e) {
            audit.record(SecurityAction.REVIEW, unit + " " + quarter.code(), SecurityEvent.Outcome.REFUSED, chosen.labelZh() + "：" + e.getMessage());
            flash.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/review/" + unit + "/" + quarter.code();
    }

    private UnitReview reviewable(String unit, Quarter quarter, Reviewer who) {
        try {
            UnitReview u = review.unit(unit, quarter);
            if (u.reviewableBy(who)) {
                return u;
            }
        } catch (IllegalArgumentException e) {
            // unknown unit: the same answer as another's
        }
        throw new ResponseStatusException(HttpStatus.NOT_FOUND);
    }

    private Quarter quarter(String code) {
        return calendar.quarter(code).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }
}
