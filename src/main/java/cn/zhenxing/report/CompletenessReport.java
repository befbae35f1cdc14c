package cn.zhenxing.report;

import static cn.zhenxing.report.Sentences.hundred;
import static cn.zhenxing.report.Sentences.integer;
import static cn.zhenxing.report.Sentences.percent;

import cn.zhenxing.report.ReportDocument.Chart;
import cn.zhenxing.report.ReportDocument.Section;
import cn.zhenxing.report.ReportDocument.Table;
import cn.zhenxing.report.ReportRows.ChartPoint;
import cn.zhenxing.report.ReportRows.RateRow;
import cn.zhenxing.warehouse.Quarter;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** 数据报送情况通报: reporting and on-time rates by city, and every unit's submission. */
@Component
class CompletenessReport implements QuarterlyReport {

    private final ReportQueries queries;
    private final DataNoteSection note;
    private final SubmissionSections submissions;
    private final SummarySection summary;

    CompletenessReport(ReportQueries queries, DataNoteSection note, SubmissionSections submissions, SummarySection summary) {
        this.summary = summary;
        this.queries = queries;
        this.note = note;
        this.submissions = submissions;
    }

    @Override
    public ReportName name() {
        return ReportName.COMPLETENESS;
    }

    @Override
    public ReportDocument build(Quarter q, String regionCode, LocalDate reportDate) {
        List<String> cities = ReportQueries.withProvince(ReportQueries.codes(queries.areaCities(YellowRiverReport.PLAN_AREA)));
        List<Map<String, Object>> rates = queries.list("ratesByCity", q, Map.of("cities", cities));
        Map<String, Object> province = rates.stream().filter(r -> "province".equals(r.get("scope"))).findFirst().orElse(null);
        List<Section> sections = new ArrayList<>();
        sections.add(summary.submissionsOnly(q, reportDate, province, cities));
        sections.add(note.dataNote(q, reportDate, cities, null, List.of()).onNewPage());
        String summary = province == null ? "本期尚无报送记录。"
                : "本期应报单位" + province.get("expected") + "个，已接收" + province.get("accepted") + "个（按时" + province.get("on_time")
                + "个、逾期" + province.get("late") + "个），未报送" + province.get("missing") + "个；退回后补正" + province.get("rejected_then_fixed")
                + "个。报送率" + percent(province.get("reporting_rate")) + "，及时率" + percent(province.get("on_time_rate")) + "。";
        List<ChartPoint> chart = new ArrayList<>();
        List<RateRow> rateRows = new ArrayList<>();
        for (Map<String, Object> r : rates) {
            String city = (String) r.get("city");
            rateRows.add(new RateRow(city, integer(r.get("expected")), integer(r.get("accepted")), integer(r.get("on_time")), integer(r.get("late")),
                    integer(r.get("missing")), integer(r.get("rejected_then_fixed")), Sentences.decimal(r.get("reporting_rate")),
                    Sentences.decimal(r.get("on_time_rate"))));
            if (!"province".equals(r.get("scope"))) {
                chart.add(new ChartPoint("报送率", city, hundred(r.get("reporting_rate"))));
                chart.add(new ChartPoint("及时率", city, hundred(r.get("on_time_rate"))));
            }
        }
        sections.add(new Section("一、总体情况", summary, new Chart("bar-chart", "各市报送率与及时率（%）", "%", chart), null));
        sections.add(new Section("二、分市报送率", null, submissions.trendRates(q), new Table("rate-table", "分市报送率", rateRows)));
        sections.add(submissions.completenessSection("三、各单位报送情况", q, reportDate, cities));
        return DataNoteSection.document(ReportName.COMPLETENESS, null, q, reportDate, sections);
    }
}
