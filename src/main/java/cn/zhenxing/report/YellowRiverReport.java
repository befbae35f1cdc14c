package cn.zhenxing.report;

import static cn.zhenxing.report.Sentences.statusSentence;

import cn.zhenxing.report.ReportDocument.Chart;
import cn.zhenxing.report.ReportDocument.Section;
import cn.zhenxing.report.ReportQueries.Indicators;
import cn.zhenxing.warehouse.Quarter;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** 黄河流域生态保护和高质量发展季度监测报告: the plan area and its four sub-areas. */
@Component
class YellowRiverReport implements QuarterlyReport {

    static final String PLAN_AREA = "YR_PLAN_AREA";
    static final String FEN_BELT = "FEN_BELT";
    static final List<String> AREAS = List.of(PLAN_AREA, "YR_MAINSTEM", FEN_BELT, "LVLIANG_BARRIER", "TAIYUE_ZHONGTIAO_BARRIER");
    /** Yellow River plan indicators and the 14th FYP's 绿色生态 group (专栏2 rows 22-26). */
    static final Indicators INDICATORS = new Indicators(List.of("YR2020", "FYP14"), "^(YR-|FYP14-2[2-6]$)");
    private static final String[] NUMBERS = {"三", "四", "五", "六", "七"};

    private final ReportQueries queries;
    private final DataNoteSection note;
    private final IndicatorSections indicators;
    private final ProgressSections progress;
    private final SummarySection summary;
    private final RankingSection ranking;
    private final MapSection map;
    private final MonitoringSection monitoring;

    YellowRiverReport(ReportQueries queries, DataNoteSection note, IndicatorSections indicators, ProgressSections progress, SummarySection summary,
                      RankingSection ranking, MapSection map, MonitoringSection monitoring) {
        this.map = map;
        this.monitoring = monitoring;
        this.summary = summary;
        this.ranking = ranking;
        this.queries = queries;
        this.note = note;
        this.indicators = indicators;
        this.progress = progress;
    }

    @Override
    public ReportName name() {
        return ReportName.YELLOW_RIVER;
    }

    @Override
    public ReportDocument build(Quarter q, String regionCode, LocalDate reportDate) {
        List<String> cities = ReportQueries.codes(queries.areaCities(PLAN_AREA));
        List<String> regions = ReportQueries.withProvince(cities);
        List<Map<String, Object>> planRows = indicators.rows(q, PLAN_AREA, INDICATORS);
        List<Section> sections = new ArrayList<>(summary.sections(q, reportDate, "黄河流域规划范围", planRows, List.of("YR2020"), regions, cities));
        sections.add(note.dataNote(q, reportDate, cities, INDICATORS, AREAS).onNewPage());
        Map<String, Map<String, Integer>> counts = queries.statusCounts(q, AREAS, INDICATORS);
        sections.add(new Section("一、总体情况", "黄河流域规划范围涉及" + cities.size() + "个市、" + queries.areaCounties(PLAN_AREA) + "个县（市、区）。"
                + statusSentence("规划范围内纳入监测的", counts.getOrDefault(PLAN_AREA, Map.of())),
                indicators.statusChart("各区域指标状态分布（项）", q, AREAS, INDICATORS), null));
        RevitalizationReport.addIfAny(sections, ranking.section("二、各市对比与排名", q, queries.areaCities(PLAN_AREA), INDICATORS));
        RevitalizationReport.addIfAny(sections, map.section("各县（市、区）状态示意图", q, PLAN_AREA, "黄河流域规划范围", planRows));
        RevitalizationReport.addIfAny(sections, map.citySection("各市状态示意图", q, PLAN_AREA, planRows));
        for (int i = 0; i < AREAS.size(); i++) {
            String code = AREAS.get(i);
            String name = queries.areaName(code) + (code.equals(FEN_BELT) ? "（" + queries.areaCounties(code) + "县）" : "");
            Chart trend = i == 0 ? indicators.trendChart("达标及正常推进指标占比（%）", q, List.of(code), INDICATORS) : null;
            sections.add(new Section(NUMBERS[i] + "、" + name, statusSentence("本区域", counts.getOrDefault(code, Map.of())), trend,
                    i == 0 ? IndicatorSections.indicatorTable(name, planRows) : indicators.indicatorTable(name, q, code, INDICATORS)));
        }
        sections.add(progress.taskSection("八、重点任务进展（滞后任务）", q, List.of("YR2020"), regions, true));
        sections.add(progress.projectSection("九、生态保护与水资源项目投资进展", q, regions, List.of("ecology", "water")));
        RevitalizationReport.addIfAny(sections, progress.laggingProjectSection("滞后和停滞的项目", q, regions, List.of("ecology", "water")));
        RevitalizationReport.addIfAny(sections, monitoring.section("十、由监测数据计算的水和空气指标", q, PLAN_AREA, cities));
        return DataNoteSection.document(ReportName.YELLOW_RIVER, "全省版", q, reportDate, sections);
    }
}
