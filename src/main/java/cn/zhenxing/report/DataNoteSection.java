package cn.zhenxing.report;

import cn.zhenxing.report.ReportDocument.Section;
import cn.zhenxing.report.ReportQueries.Indicators;
import cn.zhenxing.warehouse.Quarter;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The cover of every report and its 数据说明: as-of time, files included, missing and late units, how many
 * units are approved in the review round (the others' figures are 初步数), the status rules.
 */
@Component
class DataNoteSection {

    static final String ISSUER = "山西省发展和改革委员会";
    static final String STATUS_RULE = "状态判定：达标——已达到或优于目标值；正常推进——自基期以来的实际进展达到按时序应达进展的90%及以上；"
            + "滞后——60%至90%；严重滞后——低于60%或出现倒退；无目标——规划未设量化目标（如“完成国家考核目标”“明显提高”），只列数值不评价；"
            + "无数据——本期未报送或未填报，不以零值代替；数据不全——加总类指标有地区未报送；不可汇总——增速等指标不能由各地数值加总；无本级基期——规划只有全省（或规划范围）的基期值，本地区不据以计算完成进度；无基期——规划未给基期值、目标年份未到，无法计算序时进度。"
            + "完成度高于上限（默认150%，可在汇总规则中调整）的显示为“超额完成”，因实际值退到基期以下而为负的显示为“低于基期”。"
            + "比率类指标由各地分子、分母重新计算，人口加权类指标按常住人口加权，均不做简单相加。带“*”的目标为参照全省目标。";

    private final ReportQueries queries;
    private final AuditNote audit;

    DataNoteSection(ReportQueries queries, AuditNote audit) {
        this.queries = queries;
        this.audit = audit;
    }

    /** The document with its cover: title, edition, period, issuer and the report date. */
    static ReportDocument document(ReportName name, String edition, Quarter q, LocalDate reportDate, List<Section> sections) {
        return new ReportDocument(name, name.titleZh(), edition, q.code(), q.labelZh(), ISSUER,
                Sentences.date(reportDate), sections);
    }

    Section dataNote(Quarter q, LocalDate reportDate, List<String> cities, Indicators indicators, List<String> scopes) {
        return dataNote(q, reportDate, cities, indicators, scopes, null);
    }

    /** @param indicators null for a report without indicators; @param scopes the first one's 无目标 count is stated */
    Section dataNote(Quarter q, LocalDate reportDate, List<String> cities, Indicators indicators, List<String> scopes, String extra) {
        LocalDateTime asOf = queries.value("asOf", q, Map.of(), LocalDateTime.class);
        Map<String, Object> versions = queries.one("versionsIncluded", q, Map.of());
        StringBuilder text = new StringBuilder("报告日期").append(Sentences.date(reportDate)).append("，逾期天数等时长均计算至该日。");
        if (asOf == null) {
            text.append("本期尚未收到任何已接收的报表，以下各表均无数据（不以零值代替）。");
        } else {
            text.append("数据截至").append(Sentences.dateTime(asOf)).append("（汇总更新时间）。本期纳入已接收报表")
                    .append(versions.get("files")).append("份（其中重报更新版本").append(versions.get("resubmitted")).append("份）。");
        }
        List<String> missing = new ArrayList<>();
        List<String> late = new ArrayList<>();
        for (Map<String, Object> u : queries.completeness(q, reportDate, cities)) {
            String status = (String) u.get("status_zh");
            if (status.equals("未报送") || status.equals("已退回")) {
                missing.add((String) u.get("unit_name"));
            } else if (status.equals("逾期报送")) {
                late.add((String) u.get("unit_name"));
            }
        }
        if (!missing.isEmpty()) {
            text.append("本期未报送（或退回后未重报）：").append(String.join("、", missing)).append("，其数据显示为“无数据”。");
        }
        if (!late.isEmpty()) {
            text.append("逾期报送：").append(String.join("、", late)).append("。");
        }
        text.append(reviewNote(q, cities, indicators != null));
        if (!scopes.isEmpty() && indicators != null) {
            text.append(conversions(q, scopes.get(0)));
            int noTarget = queries.statusCounts(q, scopes.get(0), indicators).getOrDefault("无目标", 0);
            text.append("无量化目标的指标").append(noTarget).append("项，只列数值不评价。");
        }
        if (asOf != null) {
            text.append(audit.sentence(q, cities));
        }
        if (extra != null) {
            text.append(extra);
        }
        if (indicators != null) {
            text.append("\n").append(STATUS_RULE);
        }
        return new Section("数据说明", text.toString(), null, null);
    }

    /** Both values of an indicator the form collects in yuan and the plan states in dollars, and the rate used. */
    private String conversions(Quarter q, String scope) {
        StringBuilder s = new StringBuilder();
        for (Map<String, Object> c : queries.list("convertedValues", q, Map.of("scope", scope))) {
            s.append(c.get("indicator_name")).append("的规划目标以").append(c.get("unit")).append("表述，各地填报").append(c.get("form_unit"))
                    .append("，按").append(c.get("exchange_rate_year")).append("年全年人民币平均汇率（1美元兑").append(plain(c.get("exchange_rate")))
                    .append("元，国家统计局）折算：").append(c.get("scope_name")).append(whole(c.get("value_form_unit")))
                    .append(c.get("form_unit")).append("，折合").append(whole(c.get("value")))
                    .append(c.get("unit")).append("。");
        }
        return s.toString();
    }

    /** 61,525 */
    private static String whole(Object number) {
        return new java.text.DecimalFormat("#,##0").format(number);
    }

    private static String plain(Object number) {
        return ((java.math.BigDecimal) number).stripTrailingZeros().toPlainString();
    }

    /**
     * How many accepted units are approved at province level (逐级审核); the others' figures are 初步数,
     * marked in the indicator tables or, with zhenxing.reports.preliminary = omit, left out.
     */
    private String reviewNote(Quarter q, List<String> cities, boolean figures) {
        List<Map<String, Object>> units = queries.list("reviewNote", q, Map.of("cities", ReportQueries.withProvince(cities)));
        if (units.isEmpty()) {
            return "";
        }
        List<String> preliminary = units.stream().filter(u -> !"province_approved".equals(u.get("review_state")))
                .map(u -> (String) u.get("unit_name")).toList();
        String approved = "已报送的" + units.size() + "个单位中，" + (units.size() - preliminary.size()) + "个已经省级审核";
        if (preliminary.isEmpty()) {
            return approved + "，本期数据均为审核后的数据。";
        }
        String names = String.join("、", preliminary);
        if (!figures) {
            return approved + "；" + names + "的数据尚未完成逐级审核，为初步数。";
        }
        if (queries.omitsPreliminary()) {
            return approved + "；" + names + "的数据尚未完成逐级审核，按报告设置，其数据及含其数据的汇总数（初步数）未列入本报告的指标表、排名、示意图和重点任务、项目表。";
        }
        return approved + "；" + names + "的数据尚未完成逐级审核，为初步数：指标表“审核”栏标“初步数”的数值含这些单位的数据（汇总数须所含单位均已省级审核才不标注）。";
    }
}
