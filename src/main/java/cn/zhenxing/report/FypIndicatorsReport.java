package cn.zhenxing.report;

import static cn.zhenxing.report.Sentences.statusSentence;

import cn.zhenxing.report.ReportDocument.Chart;
import cn.zhenxing.report.ReportDocument.Section;
import cn.zhenxing.report.ReportDocument.Table;
import cn.zhenxing.report.ReportQueries.Indicators;
import cn.zhenxing.report.ReportRows.ChartPoint;
import cn.zhenxing.report.ReportRows.IndicatorRow;
import cn.zhenxing.warehouse.Quarter;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.stereotype.Component;

/** “十四五”规划主要指标监测季报: the plan's 专栏2 indicators for the province, by category, latest value each. */
@Component
class FypIndicatorsReport implements QuarterlyReport {

    static final Indicators INDICATORS = new Indicators(List.of("FYP14"), "^FYP14-[0-9]{2}$");
    private static final String[] NUMBERS = {"二", "三", "四", "五", "六", "七"};
    private static final String NUMBERED = "^[一二三四五六七八九十]+、";

    private final ReportQueries queries;
    private final DataNoteSection note;
    private final SummarySection summary;
    private final IndicatorSections indicators;

    FypIndicatorsReport(ReportQueries queries, DataNoteSection note, SummarySection summary, IndicatorSections indicators) {
        this.indicators = indicators;
        this.summary = summary;
        this.queries = queries;
        this.note = note;
    }

    @Override
    public ReportName name() {
        return ReportName.FYP_INDICATORS;
    }

    @Override
    public ReportDocument build(Quarter q, String regionCode, LocalDate reportDate) {
        List<Map<String, Object>> rows = indicators.bounded(queries.list("fypLatest", q, Map.of()));
        Map<String, List<IndicatorRow>> byCategory = new LinkedHashMap<>();
        Map<String, Integer> counts = new TreeMap<>();
        for (Map<String, Object> r : rows.stream().sorted(SummarySection.LAGGARDS_FIRST).toList()) {
            IndicatorRow row = IndicatorSections.indicatorRow(r);
            if (r.get("value_period_key") != null && ((Number) r.get("value_period_key")).intValue() != q.key()) {
                row = row.named(r.get("indicator_name") + "［" + r.get("value_period") + "］");
            }
            byCategory.computeIfAbsent(Sentences.category((String) r.get("section")), k -> new ArrayList<>()).add(row);
            counts.merge((String) r.get("status_zh"), 1, Integer::sum);
        }
        // Every scored status for every category (zeros included), so each status keeps its colour.
        List<ChartPoint> chart = new ArrayList<>();
        for (String status : Sentences.SCORED) {
            byCategory.forEach((category, list) -> chart.add(new ChartPoint(status, category.replaceFirst(NUMBERED, ""),
                    list.stream().filter(r -> status.equals(r.status())).count())));
        }
        List<String> cities = ReportQueries.codes(queries.areaCities(YellowRiverReport.PLAN_AREA));
        List<Section> sections = new ArrayList<>(summary.sections(q, reportDate, "全省“十四五”规划", rows, null, null, cities));
        sections.add(note.dataNote(q, reportDate, List.of(), INDICATORS, List.of(ReportQueries.PROVINCE),
                "本报告列出《山西省国民经济和社会发展第十四个五年规划和二〇三五年远景目标纲要》专栏2的全部" + rows.size()
                        + "项主要指标（全省）。年度统计指标在第四季度报送，“本期值”为截至本期的最新值，不属于本季度的在指标名称后以［季度］注明。"
                        + "约束性指标以黄色底色标出。").onNewPage());
        sections.add(new Section("一、总体情况", statusSentence("“十四五”规划主要", counts),
                new Chart("bar-chart", "各类指标状态分布（项）", "项", chart), null));
        int i = 0;
        for (Map.Entry<String, List<IndicatorRow>> e : byCategory.entrySet()) {
            String category = e.getKey().replaceFirst(NUMBERED, "");
            sections.add(new Section(NUMBERS[Math.min(i++, NUMBERS.length - 1)] + "、" + category, null, null,
                    new Table("indicator-table", category, e.getValue())));
        }
        return DataNoteSection.document(ReportName.FYP_INDICATORS, null, q, reportDate, sections);
    }
}
