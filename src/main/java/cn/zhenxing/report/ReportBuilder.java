package cn.zhenxing.report;

import cn.zhenxing.report.ReportDocument.Chart;
import cn.zhenxing.report.ReportDocument.Section;
import cn.zhenxing.report.ReportDocument.Table;
import cn.zhenxing.warehouse.SqlFile;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/** Builds each report's sections from the marts (report.sql); every figure is a mart value. */
@Component
public class ReportBuilder {

    static final SqlFile SQL = SqlFile.of(ReportBuilder.class, "report.sql");
    static final String ISSUER = "山西省发展和改革委员会";
    static final String TAIHANG = "TAIHANG_OLD_AREA";
    static final List<String> YELLOW_RIVER_AREAS = List.of("YR_PLAN_AREA", "YR_MAINSTEM", "FEN_BELT", "LVLIANG_BARRIER", "TAIYUE_ZHONGTIAO_BARRIER");
    static final List<String> REVITALIZATION_PLANS = List.of("FYP14", "TH2021", "LQ2026");
    static final List<String> YELLOW_RIVER_PLANS = List.of("YR2020", "FYP14");
    /** Yellow River plan indicators and the 14th FYP's 绿色生态 group (专栏2 rows 22-26). */
    static final String YELLOW_RIVER_CODES = "^(YR-|FYP14-2[2-6]$)";
    static final String ALL_CODES = ".";
    static final List<String> SCORED = List.of("达标", "正常推进", "滞后", "严重滞后");
    static final List<String> STATUSES = List.of("达标", "正常推进", "滞后", "严重滞后", "数据不全", "无数据", "无目标", "不可汇总");
    static final String STATUS_RULE = "状态判定：达标——已达到或优于目标值；正常推进——自基期以来的实际进展达到按时序应达进展的90%及以上；"
            + "滞后——60%至90%；严重滞后——低于60%或出现倒退；无目标——规划未设量化目标（如“完成国家考核目标”“明显提高”），只列数值不评价；"
            + "无数据——本期未报送或未填报，不以零值代替；数据不全——加总类指标有地区未报送；不可汇总——增速等指标不能由各地数值加总。"
            + "比率类指标由各地分子、分母重新计算，人口加权类指标按常住人口加权，均不做简单相加。带“*”的目标为参照全省目标。";

    private final NamedParameterJdbcTemplate jdbc;

    public ReportBuilder(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The quarter's key facts: key, code, label (2025年第三季度), first quarter of its year. */
    record Quarter(int key, String code, String label, int yearStart) {
    }

    Quarter quarter(String periodCode) {
        List<Map<String, Object>> rows = jdbc.queryForList(SQL.get("period"), Map.of("periodCode", periodCode));
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("报告期“" + periodCode + "”无法识别，请写成 2025Q3 这样的季度。");
        }
        Map<String, Object> r = rows.get(0);
        int year = ((Number) r.get("year")).intValue();
        return new Quarter(((Number) r.get("period_key")).intValue(), periodCode, (String) r.get("label_zh"), year * 10 + 1);
    }

    public ReportDocument build(ReportName name, String periodCode, String regionCode) {
        Quarter q = quarter(periodCode);
        return switch (name) {
            case REVITALIZATION -> regionCode == null ? revitalizationProvince(q) : revitalizationCity(q, regionCode);
            case YELLOW_RIVER -> yellowRiver(q);
            case FYP_INDICATORS -> fypIndicators(q);
            case COMPLETENESS -> completeness(q);
        };
    }

    // ----------------------------------------------------------------------------------- reports

    private ReportDocument revitalizationProvince(Quarter q) {
        List<Map<String, Object>> cities = jdbc.queryForList(SQL.get("areaCities"), Map.of("area", TAIHANG));
        List<String> cityCodes = cities.stream().map(c -> (String) c.get("region_code")).toList();
        List<String> scopes = new ArrayList<>(cityCodes);
        scopes.add(0, TAIHANG);
        List<Section> sections = new ArrayList<>();
        sections.add(dataNote(q, cityCodes, REVITALIZATION_PLANS, ALL_CODES, List.of(TAIHANG)));

        Map<String, Integer> area = statusCounts(q, List.of(TAIHANG), REVITALIZATION_PLANS, ALL_CODES).getOrDefault(TAIHANG, Map.of());
        Map<String, Object> tasks = one("taskCounts", q, Map.of("plans", List.of("TH2021", "LQ2026"), "regions", cityCodes));
        Map<String, Object> projects = projectTotals(q, cityCodes, List.of());
        sections.add(new Section("一、总体情况", "太行革命老区涉及" + cities.size() + "个市、35个县（市、区）。" + statusSentence("纳入监测的", area)
                + taskSentence(tasks) + projectSentence(projects),
                statusChart("太行革命老区及各市指标状态分布（项）", q, scopes, REVITALIZATION_PLANS, ALL_CODES), null));
        sections.add(new Section("二、太行革命老区主要指标进展", "以下为太行革命老区35个县（市、区）汇总的指标（加总、分子分母重算或人口加权）。",
                trendChart("达标及正常推进指标占比（%）", q, List.of(TAIHANG), REVITALIZATION_PLANS, ALL_CODES),
                indicatorTable("太行革命老区", q, TAIHANG, REVITALIZATION_PLANS, ALL_CODES)));
        String[] numbers = {"（一）", "（二）", "（三）", "（四）", "（五）", "（六）", "（七）", "（八）"};
        for (int i = 0; i < cities.size(); i++) {
            String cityName = (String) cities.get(i).get("name_zh");
            Map<String, Integer> counts = statusCounts(q, List.of(cityCodes.get(i)), REVITALIZATION_PLANS, ALL_CODES)
                    .getOrDefault(cityCodes.get(i), Map.of());
            sections.add(new Section((i == 0 ? "三、分市指标进展\n" : "") + numbers[i % numbers.length] + cityName, statusSentence(cityName, counts), null,
                    indicatorTable(cityName, q, cityCodes.get(i), REVITALIZATION_PLANS, ALL_CODES)));
        }
        sections.add(taskSection("四、重点任务进展（滞后任务）", q, List.of("TH2021", "LQ2026"), cityCodes, true));
        sections.add(projectSection("五、重大项目投资进展", q, cityCodes, List.of()));
        sections.add(completenessSection("六、数据报送情况", q, cityCodes));
        return document(ReportName.REVITALIZATION, "全省版", q, sections);
    }

    private ReportDocument revitalizationCity(Quarter q, String cityCode) {
        List<Map<String, Object>> rows = jdbc.queryForList(SQL.get("region"), Map.of("code", cityCode));
        if (rows.isEmpty() || !"city".equals(rows.get(0).get("level"))) {
            throw new IllegalArgumentException("市级版报告需要设区市的行政区划代码（如 140400），“" + cityCode + "”不是设区市。");
        }
        String cityName = (String) rows.get(0).get("name_zh");
        List<String> city = List.of(cityCode);
        List<Section> sections = new ArrayList<>();
        sections.add(dataNote(q, city, REVITALIZATION_PLANS, ALL_CODES, city));
        Map<String, Integer> counts = statusCounts(q, city, REVITALIZATION_PLANS, ALL_CODES).getOrDefault(cityCode, Map.of());
        Map<String, Object> tasks = one("taskCounts", q, Map.of("plans", List.of("TH2021", "LQ2026", "FYP14", "YR2020", "YU2023"), "regions", city));
        sections.add(new Section("一、总体情况", statusSentence(cityName, counts) + taskSentence(tasks) + projectSentence(projectTotals(q, city, List.of())),
                trendChart("达标及正常推进指标占比（%）", q, city, REVITALIZATION_PLANS, ALL_CODES), null));
        sections.add(new Section("二、主要指标进展", null, null, indicatorTable(cityName, q, cityCode, REVITALIZATION_PLANS, ALL_CODES)));
        sections.add(taskSection("三、重点任务进展", q, List.of("TH2021", "LQ2026", "FYP14", "YR2020", "YU2023"), city, false));
        sections.add(projectSection("四、重大项目投资进展", q, city, List.of()));
        sections.add(completenessSection("五、数据报送情况", q, city));
        return document(ReportName.REVITALIZATION, cityName + "版", q, sections);
    }

    private ReportDocument yellowRiver(Quarter q) {
        List<String> cities = jdbc.queryForList(SQL.get("areaCities"), Map.of("area", "YR_PLAN_AREA")).stream()
                .map(c -> (String) c.get("region_code")).toList();
        List<Section> sections = new ArrayList<>();
        sections.add(dataNote(q, cities, YELLOW_RIVER_PLANS, YELLOW_RIVER_CODES, YELLOW_RIVER_AREAS));
        Map<String, Map<String, Integer>> counts = statusCounts(q, YELLOW_RIVER_AREAS, YELLOW_RIVER_PLANS, YELLOW_RIVER_CODES);
        sections.add(new Section("一、总体情况", "黄河流域规划范围涉及" + cities.size() + "个市、86个县（市、区）。"
                + statusSentence("规划范围内纳入监测的", counts.getOrDefault("YR_PLAN_AREA", Map.of())),
                statusChart("各区域指标状态分布（项）", q, YELLOW_RIVER_AREAS, YELLOW_RIVER_PLANS, YELLOW_RIVER_CODES), null));
        String[] headings = {"二、黄河流域规划范围", "三、黄河干流19县", "四、沿汾生态经济带（31县）", "五、吕梁山生态屏障", "六、太岳山—中条山生态屏障"};
        for (int i = 0; i < YELLOW_RIVER_AREAS.size(); i++) {
            String code = YELLOW_RIVER_AREAS.get(i);
            Chart trend = i == 0 ? trendChart("达标及正常推进指标占比（%）", q, List.of(code), YELLOW_RIVER_PLANS, YELLOW_RIVER_CODES) : null;
            sections.add(new Section(headings[i], statusSentence("本区域", counts.getOrDefault(code, Map.of())), trend,
                    indicatorTable(headings[i].substring(2), q, code, YELLOW_RIVER_PLANS, YELLOW_RIVER_CODES)));
        }
        sections.add(taskSection("七、重点任务进展（滞后任务）", q, List.of("YR2020"), withProvince(cities), true));
        sections.add(projectSection("八、生态保护与水资源项目投资进展", q, withProvince(cities), List.of("ecology", "water")));
        return document(ReportName.YELLOW_RIVER, "全省版", q, sections);
    }

    private ReportDocument fypIndicators(Quarter q) {
        List<Map<String, Object>> rows = jdbc.queryForList(SQL.get("fypLatest"), Map.of("p", q.key()));
        Map<String, List<Map<String, Object>>> byCategory = new LinkedHashMap<>();
        Map<String, Integer> counts = new TreeMap<>();
        List<Map<String, Object>> chart = new ArrayList<>();
        for (Map<String, Object> r : rows) {
            String category = category((String) r.get("section"));
            Map<String, Object> row = indicatorRow(r);
            if (r.get("value_period_key") != null && ((Number) r.get("value_period_key")).intValue() != q.key()) {
                row.put("indicator_name", r.get("indicator_name") + "［" + r.get("value_period") + "］");
            }
            byCategory.computeIfAbsent(category, k -> new ArrayList<>()).add(row);
            counts.merge((String) r.get("status_zh"), 1, Integer::sum);
        }
        // Every scored status for every category (zeros included), so each status keeps its colour.
        for (String status : SCORED) {
            byCategory.forEach((category, list) -> chart.add(chartRow(status, category.replaceFirst("^[一二三四五六七八九十]+、", ""),
                    list.stream().filter(r -> status.equals(r.get("status"))).count())));
        }
        List<Section> sections = new ArrayList<>();
        sections.add(dataNote(q, List.of(), List.of("FYP14"), "^FYP14-[0-9]{2}$", List.of("140000"),
                "本报告列出《山西省国民经济和社会发展第十四个五年规划和二〇三五年远景目标纲要》专栏2的全部" + rows.size()
                        + "项主要指标（全省）。年度统计指标在第四季度报送，“本期值”为截至本期的最新值，不属于本季度的在指标名称后以［季度］注明。"
                        + "约束性指标以黄色底色标出。"));
        sections.add(new Section("一、总体情况", statusSentence("“十四五”规划主要", counts),
                new Chart("bar-chart", "各类指标状态分布（项）", "项", chart), null));
        int i = 0;
        String[] numbers = {"二", "三", "四", "五", "六", "七"};
        for (Map.Entry<String, List<Map<String, Object>>> e : byCategory.entrySet()) {
            String category = e.getKey().replaceFirst("^[一二三四五六七八九十]+、", "");
            sections.add(new Section(numbers[Math.min(i++, numbers.length - 1)] + "、" + category, null, null,
                    new Table("indicator-table", category, e.getValue())));
        }
        return document(ReportName.FYP_INDICATORS, null, q, sections);
    }

    private ReportDocument completeness(Quarter q) {
        List<String> allCities = new ArrayList<>(jdbc.queryForList(SQL.get("areaCities"), Map.of("area", "YR_PLAN_AREA")).stream()
                .map(c -> (String) c.get("region_code")).toList());
        List<String> cities = withProvince(allCities);
        List<Map<String, Object>> rates = jdbc.queryForList(SQL.get("ratesByCity"), params(q, Map.of("cities", cities)));
        Map<String, Object> province = rates.stream().filter(r -> "province".equals(r.get("scope"))).findFirst().orElse(null);
        List<Section> sections = new ArrayList<>();
        sections.add(dataNote(q, cities, List.of(), ALL_CODES, List.of()));
        String summary = province == null ? "本期尚无报送记录。"
                : "本期应报单位" + province.get("expected") + "个，已接收" + province.get("accepted") + "个（按时" + province.get("on_time")
                + "个、逾期" + province.get("late") + "个），未报送" + province.get("missing") + "个；退回后补正" + province.get("rejected_then_fixed")
                + "个。报送率" + percent(province.get("reporting_rate")) + "，及时率" + percent(province.get("on_time_rate")) + "。";
        List<Map<String, Object>> chart = new ArrayList<>();
        List<Map<String, Object>> rateRows = new ArrayList<>();
        for (Map<String, Object> r : rates) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("city", r.get("city"));
            for (String k : List.of("expected", "accepted", "on_time", "late", "missing")) {
                row.put(k, integer(r.get(k)));
            }
            row.put("fixed", integer(r.get("rejected_then_fixed")));
            row.put("reporting_rate", r.get("reporting_rate"));
            row.put("on_time_rate", r.get("on_time_rate"));
            rateRows.add(row);
            if (!"province".equals(r.get("scope"))) {
                chart.add(chartRow("报送率", (String) r.get("city"), hundred(r.get("reporting_rate"))));
                chart.add(chartRow("及时率", (String) r.get("city"), hundred(r.get("on_time_rate"))));
            }
        }
        sections.add(new Section("一、总体情况", summary, new Chart("bar-chart", "各市报送率与及时率（%）", "%", chart), null));
        sections.add(new Section("二、分市报送率", null, trendRates(q), new Table("rate-table", "分市报送率", rateRows)));
        sections.add(completenessSection("三、各单位报送情况", q, cities));
        return document(ReportName.COMPLETENESS, null, q, sections);
    }

    // ---------------------------------------------------------------------------------- sections

    private Section dataNote(Quarter q, List<String> cities, List<String> plans, String codes, List<String> scopes) {
        return dataNote(q, cities, plans, codes, scopes, null);
    }

    private Section dataNote(Quarter q, List<String> cities, List<String> plans, String codes, List<String> scopes, String extra) {
        LocalDateTime asOf = jdbc.queryForObject(SQL.get("asOf"), Map.of("p", q.key()), LocalDateTime.class);
        Map<String, Object> versions = one("versionsIncluded", q, Map.of());
        StringBuilder text = new StringBuilder();
        if (asOf == null) {
            text.append("本期尚未收到任何已接收的报表，以下各表均无数据（不以零值代替）。");
        } else {
            text.append("数据截至").append(asOf.withNano(0).toString().replace('T', ' ')).append("（汇总更新时间）。本期纳入已接收报表")
                    .append(versions.get("files")).append("份（其中重报更新版本").append(versions.get("resubmitted")).append("份）。");
        }
        List<String> missing = new ArrayList<>();
        List<String> late = new ArrayList<>();
        for (Map<String, Object> u : jdbc.queryForList(SQL.get("completeness"), params(q, Map.of("cities", withProvince(cities))))) {
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
        if (!scopes.isEmpty() && !plans.isEmpty()) {
            int noTarget = statusCounts(q, scopes.subList(0, 1), plans, codes).getOrDefault(scopes.get(0), Map.of()).getOrDefault("无目标", 0);
            text.append("无量化目标的指标").append(noTarget).append("项，只列数值不评价。");
        }
        if (extra != null) {
            text.append(extra);
        }
        if (!plans.isEmpty()) {
            text.append("\n").append(STATUS_RULE);
        }
        return new Section("数据说明", text.toString(), null, null);
    }

    private Table indicatorTable(String sheet, Quarter q, String scope, List<String> plans, String codes) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Map<String, Object> r : jdbc.queryForList(SQL.get("indicatorRows"), params(q, Map.of("scope", scope, "plans", plans, "codes", codes)))) {
            rows.add(indicatorRow(r));
        }
        return new Table("indicator-table", sheet, rows);
    }

    static Map<String, Object> indicatorRow(Map<String, Object> r) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("indicator_name", r.get("indicator_name"));
        row.put("attribute", r.get("attribute"));
        row.put("unit", r.get("unit"));
        row.put("value", r.get("value"));
        row.put("value_year_ago", r.get("value_year_ago"));
        row.put("baseline", r.get("baseline_value") == null ? null : plain(r.get("baseline_value")) + "（" + r.get("baseline_year") + "）");
        String target = r.get("target_value") != null
                ? plain(r.get("target_value")) + (r.get("target_year") == null ? "" : "（" + r.get("target_year") + "）")
                : (String) r.get("target_text");
        row.put("target", target != null && Boolean.TRUE.equals(r.get("target_inherited")) ? target + "*" : target);
        row.put("expected_value", r.get("expected_value"));
        row.put("attainment", r.get("attainment"));
        row.put("status", r.get("status_zh"));
        return row;
    }

    private Section taskSection(String heading, Quarter q, List<String> plans, List<String> regions, boolean laggingOnly) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Map<String, Object> r : jdbc.queryForList(SQL.get("tasks"), params(q, Map.of("plans", plans, "regions", regions,
                "laggingOnly", laggingOnly ? 1 : 0)))) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("task", r.get("task_code") + " " + r.get("task_title"));
            row.put("region", r.get("region_name"));
            row.put("department", r.get("lead_department_zh"));
            row.put("status", r.get("status"));
            row.put("percent", r.get("percent_done"));
            row.put("change", r.get("percent_change"));
            row.put("reason", r.get("lag_reason_zh"));
            rows.add(row);
        }
        Map<String, Object> counts = one("taskCounts", q, Map.of("plans", plans, "regions", regions));
        List<Map<String, Object>> chart = new ArrayList<>();
        for (Map<String, Object> r : jdbc.queryForList(SQL.get("laggingByDepartment"), params(q, Map.of("plans", plans, "regions", regions)))) {
            chart.add(chartRow("滞后任务", (String) r.get("department"), ((Number) r.get("n")).doubleValue()));
        }
        String text = ((Number) counts.get("task_rows")).intValue() == 0 ? "本期无任务进展数据。"
                : taskSentence(counts) + (laggingOnly ? "下表列出滞后任务（填报为滞后，或完成进度低于规划期时间进度），图为滞后任务最多的牵头单位。" : "");
        return new Section(heading, text, chart.isEmpty() ? null : new Chart("bar-chart", "滞后任务数（按牵头单位，项）", "项", chart),
                rows.isEmpty() ? null : new Table("task-table", laggingOnly ? "滞后任务" : "重点任务", rows));
    }

    private Section projectSection(String heading, Quarter q, List<String> cities, List<String> categories) {
        List<Map<String, Object>> rows = new ArrayList<>();
        List<Map<String, Object>> chart = new ArrayList<>();
        for (Map<String, Object> r : projectRows(q, cities, categories)) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("city", r.get("city_name"));
            row.put("projects", integer(r.get("projects")));
            for (String k : List.of("total", "annual_plan", "quarter", "ytd", "cumulative", "annual_completion")) {
                row.put(k, r.get(k));
            }
            row.put("stalled", integer(r.get("stalled")));
            rows.add(row);
            chart.add(chartRow("年度计划投资", (String) r.get("city_name"), number(r.get("annual_plan"))));
            chart.add(chartRow("年初至今完成", (String) r.get("city_name"), number(r.get("ytd"))));
        }
        Map<String, Object> totals = projectTotals(q, cities, categories);
        return new Section(heading, rows.isEmpty() ? "本期无项目进展数据。" : projectSentence(totals),
                chart.isEmpty() ? null : new Chart("bar-chart", "年度计划投资与年初至今完成（亿元）", "亿元", chart),
                rows.isEmpty() ? null : new Table("project-table", "重大项目", rows));
    }

    private Section completenessSection(String heading, Quarter q, List<String> cities) {
        List<Map<String, Object>> rows = new ArrayList<>();
        int expected = 0;
        int accepted = 0;
        for (Map<String, Object> r : jdbc.queryForList(SQL.get("completeness"), params(q, Map.of("cities", withProvince(cities))))) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("unit", r.get("unit_name"));
            row.put("deadline", String.valueOf(r.get("deadline")));
            row.put("status", r.get("status_zh"));
            Object first = r.get("first_accepted_received_at") != null ? r.get("first_accepted_received_at") : r.get("first_received_at");
            row.put("first_received", first == null ? null : first.toString().substring(0, 16));
            row.put("days_late", integer(r.get("days_late")));
            row.put("rejected", integer(r.get("rejected_count")));
            row.put("versions", integer(r.get("versions")));
            rows.add(row);
            expected++;
            if (((Number) r.get("versions")).intValue() > 0) {
                accepted++;
            }
        }
        String text = rows.isEmpty() ? "本期尚无报送记录。" : "应报单位" + expected + "个，已接收" + accepted + "个。";
        return new Section(heading, text, null, rows.isEmpty() ? null : new Table("completeness-table", "报送情况", rows));
    }

    private Chart statusChart(String title, Quarter q, List<String> scopes, List<String> plans, String codes) {
        List<Map<String, Object>> rows = new ArrayList<>();
        Map<String, String> names = new LinkedHashMap<>();
        List<Map<String, Object>> raw = jdbc.queryForList(SQL.get("statusCounts"), params(q, Map.of("scopes", scopes, "plans", plans, "codes", codes)));
        raw.forEach(r -> names.put((String) r.get("scope_code"), (String) r.get("scope_name")));
        for (String status : SCORED) {
            for (String scope : scopes) {
                int n = raw.stream().filter(r -> scope.equals(r.get("scope_code")) && status.equals(r.get("status_zh")))
                        .mapToInt(r -> ((Number) r.get("n")).intValue()).sum();
                if (names.containsKey(scope)) {
                    rows.add(chartRow(status, names.get(scope), n));
                }
            }
        }
        return rows.isEmpty() ? null : new Chart("bar-chart", title, "项", rows);
    }

    private Chart trendChart(String title, Quarter q, List<String> scopes, List<String> plans, String codes) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Map<String, Object> r : jdbc.queryForList(SQL.get("onTrackTrend"), params(q, Map.of("scopes", scopes, "plans", plans, "codes", codes)))) {
            if (r.get("share") != null) {
                rows.add(chartRow((String) r.get("scope_name"), (String) r.get("period_code"), number(r.get("share"))));
            }
        }
        return rows.size() < 2 ? null : new Chart("line-chart", title + "，" + q.code().substring(0, 4) + "年各季度", "%", rows);
    }

    private Chart trendRates(Quarter q) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Map<String, Object> r : jdbc.queryForList(SQL.get("provinceRateTrend"), params(q, Map.of()))) {
            rows.add(chartRow("报送率", (String) r.get("period_code"), number(r.get("reporting_rate"))));
            rows.add(chartRow("及时率", (String) r.get("period_code"), number(r.get("on_time_rate"))));
        }
        return rows.size() < 4 ? null : new Chart("line-chart", "全省报送率与及时率，" + q.code().substring(0, 4) + "年各季度（%）", "%", rows);
    }

    // ----------------------------------------------------------------------------------- helpers

    private ReportDocument document(ReportName name, String edition, Quarter q, List<Section> sections) {
        LocalDate today = LocalDate.now();
        return new ReportDocument(name, name.titleZh(), edition, q.code(), q.label(), ISSUER,
                today.getYear() + "年" + today.getMonthValue() + "月" + today.getDayOfMonth() + "日", sections);
    }

    Map<String, Map<String, Integer>> statusCounts(Quarter q, List<String> scopes, List<String> plans, String codes) {
        Map<String, Map<String, Integer>> counts = new LinkedHashMap<>();
        for (Map<String, Object> r : jdbc.queryForList(SQL.get("statusCounts"), params(q, Map.of("scopes", scopes, "plans", plans, "codes", codes)))) {
            counts.computeIfAbsent((String) r.get("scope_code"), k -> new LinkedHashMap<>())
                    .put((String) r.get("status_zh"), ((Number) r.get("n")).intValue());
        }
        return counts;
    }

    private List<Map<String, Object>> projectRows(Quarter q, List<String> cities, List<String> categories) {
        List<String> chosen = categories.isEmpty()
                ? List.of("culture-tourism", "digital", "ecology", "energy", "industry", "other", "transport", "water") : categories;
        return jdbc.queryForList(SQL.get("projectsByCity"), params(q, Map.of("cities", cities, "categories", chosen)));
    }

    private Map<String, Object> projectTotals(Quarter q, List<String> cities, List<String> categories) {
        BigDecimal plan = BigDecimal.ZERO;
        BigDecimal ytd = BigDecimal.ZERO;
        int projects = 0;
        int stalled = 0;
        for (Map<String, Object> r : projectRows(q, cities, categories)) {
            plan = plan.add(r.get("annual_plan") == null ? BigDecimal.ZERO : (BigDecimal) r.get("annual_plan"));
            ytd = ytd.add(r.get("ytd") == null ? BigDecimal.ZERO : (BigDecimal) r.get("ytd"));
            projects += integer(r.get("projects"));
            stalled += integer(r.get("stalled"));
        }
        return Map.of("plan", plan, "ytd", ytd, "projects", projects, "stalled", stalled);
    }

    private Map<String, Object> one(String statement, Quarter q, Map<String, Object> extra) {
        return jdbc.queryForMap(SQL.get(statement), params(q, extra));
    }

    private static MapSqlParameterSource params(Quarter q, Map<String, Object> extra) {
        MapSqlParameterSource p = new MapSqlParameterSource().addValue("p", q.key()).addValue("yearStart", q.yearStart());
        extra.forEach(p::addValue);
        return p;
    }

    private static List<String> withProvince(List<String> cities) {
        List<String> all = new ArrayList<>(cities);
        if (!all.contains("140000")) {
            all.add("140000");
        }
        return all;
    }

    /** "长治市指标26项：达标5项、正常推进5项……。" */
    static String statusSentence(String subject, Map<String, Integer> counts) {
        int total = counts.values().stream().mapToInt(Integer::intValue).sum();
        if (total == 0) {
            return subject + "本期无指标数据。";
        }
        List<String> parts = new ArrayList<>();
        for (String status : STATUSES) {
            if (counts.getOrDefault(status, 0) > 0) {
                parts.add(status + counts.get(status) + "项");
            }
        }
        return subject + "指标" + total + "项：" + String.join("、", parts) + "。";
    }

    static String taskSentence(Map<String, Object> counts) {
        int rows = ((Number) counts.get("task_rows")).intValue();
        return rows == 0 ? "" : "重点任务进展" + rows + "条，其中滞后" + ((Number) counts.get("lagging")).intValue() + "条。";
    }

    static String projectSentence(Map<String, Object> totals) {
        int projects = (Integer) totals.get("projects");
        if (projects == 0) {
            return "";
        }
        BigDecimal plan = (BigDecimal) totals.get("plan");
        BigDecimal ytd = (BigDecimal) totals.get("ytd");
        String share = plan.signum() == 0 ? "" : "，完成年度计划的" + ytd.multiply(BigDecimal.valueOf(100)).divide(plan, 1, RoundingMode.HALF_UP) + "%";
        return "重大项目" + projects + "个，年度计划投资" + plain(plan) + "亿元，年初至今完成" + plain(ytd) + "亿元" + share
                + "；连续两个季度无进展的项目" + totals.get("stalled") + "个。";
    }

    static String category(String section) {
        if (section == null) {
            return "其他";
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("([一二三四五六七八九十]+、[^(（\\s]+)").matcher(section);
        return m.find() ? m.group(1) : "其他";
    }

    static Map<String, Object> chartRow(String series, String category, double value) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("series", series);
        row.put("category", category);
        row.put("value", value);
        return row;
    }

    static String plain(Object value) {
        return ((BigDecimal) value).setScale(2, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }

    static String percent(Object ratio) {
        return ratio == null ? "—" : ((BigDecimal) ratio).movePointRight(2).setScale(1, RoundingMode.HALF_UP).toPlainString() + "%";
    }

    private static double number(Object value) {
        return value == null ? 0 : ((Number) value).doubleValue();
    }

    private static double hundred(Object ratio) {
        return ratio == null ? 0 : ((Number) ratio).doubleValue() * 100;
    }

    private static Integer integer(Object value) {
        return value == null ? null : ((Number) value).intValue();
    }
}
