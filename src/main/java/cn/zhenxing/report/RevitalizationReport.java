package cn.zhenxing.report;

import static cn.zhenxing.report.Sentences.projectSentence;
import static cn.zhenxing.report.Sentences.statusSentence;
import static cn.zhenxing.report.Sentences.taskSentence;

import cn.zhenxing.report.ReportDocument.Section;
import cn.zhenxing.report.ReportQueries.Indicators;
import cn.zhenxing.report.ReportQueries.Region;
import cn.zhenxing.warehouse.Quarter;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** 革命老区振兴发展季度监测报告: the province's edition (太行革命老区 and its cities) and one per city. */
@Component
class RevitalizationReport implements QuarterlyReport {

    static final String TAIHANG = "TAIHANG_OLD_AREA";
    static final Indicators INDICATORS = new Indicators(List.of("FYP14", "TH2021", "LQ2026"), Indicators.ALL_CODES);
    static final List<String> TASK_PLANS = List.of("TH2021", "LQ2026");
    static final List<String> CITY_TASK_PLANS = List.of("TH2021", "LQ2026", "FYP14", "YR2020", "YU2023");
    private static final String[] NUMBERS = {"（一）", "（二）", "（三）", "（四）", "（五）", "（六）", "（七）", "（八）"};

    private final ReportQueries queries;
    private final DataNoteSection note;
    private final IndicatorSections indicators;
    private final ProgressSections progress;
    private final SubmissionSections submissions;
    private final SummarySection summary;
    private final RankingSection ranking;
    private final MapSection map;

    RevitalizationReport(ReportQueries queries, DataNoteSection note, IndicatorSections indicators, ProgressSections progress,
                         SubmissionSections submissions, SummarySection summary, RankingSection ranking, MapSection map) {
        this.map = map;
        this.summary = summary;
        this.ranking = ranking;
        this.queries = queries;
        this.note = note;
        this.indicators = indicators;
        this.progress = progress;
        this.submissions = submissions;
    }

    @Override
    public ReportName name() {
        return ReportName.REVITALIZATION;
    }

    @Override
    public ReportDocument build(Quarter q, String regionCode, LocalDate reportDate) {
        return regionCode == null ? province(q, reportDate) : city(q, regionCode, reportDate);
    }

    private ReportDocument province(Quarter q, LocalDate reportDate) {
        List<Region> cities = queries.areaCities(TAIHANG);
        List<String> cityCodes = ReportQueries.codes(cities);
        List<String> scopes = new ArrayList<>(cityCodes);
        scopes.add(0, TAIHANG);
        int counties = queries.areaCounties(TAIHANG);
        List<Map<String, Object>> areaRows = indicators.rows(q, TAIHANG, INDICATORS);
        List<Section> sections = new ArrayList<>(summary.sections(q, reportDate, "太行革命老区", areaRows, TASK_PLANS, cityCodes, cityCodes));
        sections.add(note.dataNote(q, reportDate, cityCodes, INDICATORS, List.of(TAIHANG)).onNewPage());

        Map<String, Integer> area = queries.statusCounts(q, TAIHANG, INDICATORS);
        Map<String, Object> tasks = progress.taskCounts(q, TASK_PLANS, cityCodes);
        sections.add(new Section("一、总体情况", "太行革命老区涉及" + cities.size() + "个市、" + counties + "个县（市、区）。"
                + statusSentence("纳入监测的", area) + taskSentence(tasks) + projectSentence(progress.projectTotals(q, cityCodes, List.of())),
                indicators.statusChart("太行革命老区及各市指标状态分布（项）", q, scopes, INDICATORS), null));
        addIfAny(sections, ranking.section("二、各市对比与排名", q, cities, INDICATORS));
        addIfAny(sections, map.section("各县（市、区）状态示意图", q, TAIHANG, "太行革命老区", areaRows));
        addIfAny(sections, map.citySection("各市状态示意图", q, TAIHANG, areaRows));
        sections.add(new Section("三、太行革命老区主要指标进展", "以下为太行革命老区" + counties + "个县（市、区）汇总的指标（加总、分子分母重算或人口加权）。",
                indicators.trendChart("达标及正常推进指标占比（%）", q, List.of(TAIHANG), INDICATORS),
                IndicatorSections.indicatorTable("太行革命老区", areaRows)));
        for (int i = 0; i < cities.size(); i++) {
            Region city = cities.get(i);
            sections.add(new Section((i == 0 ? "四、分市指标进展\n" : "") + NUMBERS[i % NUMBERS.length] + city.name(),
                    statusSentence(city.name(), queries.statusCounts(q, city.code(), INDICATORS)), null,
                    indicators.indicatorTable(city.name(), q, city.code(), INDICATORS)));
        }
        sections.add(progress.taskSection("五、重点任务进展（滞后任务）", q, TASK_PLANS, cityCodes, true));
        sections.add(progress.projectSection("六、重大项目投资进展", q, cityCodes, List.of()));
        addIfAny(sections, progress.laggingProjectSection("滞后和停滞的项目", q, cityCodes, List.of()));
        sections.add(submissions.completenessSection("七、数据报送情况", q, reportDate, cityCodes));
        return DataNoteSection.document(ReportName.REVITALIZATION, "全省版", q, reportDate, sections);
    }

    private ReportDocument city(Quarter q, String cityCode, LocalDate reportDate) {
        Map<String, Object> region = queries.region(cityCode);
        if (region == null || !"city".equals(region.get("level"))) {
            throw new IllegalArgumentException("市级版报告需要设区市的行政区划代码（如 140400），“" + cityCode + "”不是设区市。");
        }
        String cityName = (String) region.get("name_zh");
        List<String> city = List.of(cityCode);
        List<Map<String, Object>> rows = indicators.rows(q, cityCode, INDICATORS);
        List<Section> sections = new ArrayList<>(summary.sections(q, reportDate, cityName, rows, CITY_TASK_PLANS, city, city));
        sections.add(note.dataNote(q, reportDate, city, INDICATORS, city).onNewPage());
        Map<String, Integer> counts = queries.statusCounts(q, cityCode, INDICATORS);
        Map<String, Object> tasks = progress.taskCounts(q, CITY_TASK_PLANS, city);
        sections.add(new Section("一、总体情况", statusSentence(cityName, counts) + taskSentence(tasks)
                + projectSentence(progress.projectTotals(q, city, List.of())),
                indicators.trendChart("达标及正常推进指标占比（%）", q, city, INDICATORS), null));
        sections.add(new Section("二、主要指标进展", null, null, IndicatorSections.indicatorTable(cityName, rows)));
        sections.add(progress.taskSection("三、重点任务进展", q, CITY_TASK_PLANS, city, false));
        sections.add(progress.projectSection("四、重大项目投资进展", q, city, List.of()));
        addIfAny(sections, progress.laggingProjectSection("滞后和停滞的项目", q, city, List.of()));
        sections.add(submissions.completenessSection("五、数据报送情况", q, reportDate, city));
        return DataNoteSection.document(ReportName.REVITALIZATION, cityName + "版", q, reportDate, sections);
    }

    static void addIfAny(List<Section> sections, Section section) {
        if (section != null) {
            sections.add(section);
        }
    }
}
