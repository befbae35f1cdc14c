package cn.zhenxing.report;

import cn.zhenxing.report.ReportDocument.Section;
import cn.zhenxing.report.ReportDocument.Table;
import cn.zhenxing.report.ReportQueries.Indicators;
import cn.zhenxing.report.ReportQueries.Region;
import cn.zhenxing.report.ReportRows.RankingRow;
import cn.zhenxing.warehouse.Quarter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * 各市对比与排名: one row per city, ranked by the share of its scored indicators that are 达标 or
 * 正常推进 (fewer 严重滞后 breaks a tie), with the status of the key indicators: those scored in the
 * most cities (ties by catalog order), so every column compares like with like.
 */
@Component
class RankingSection {

    static final int KEY_INDICATORS = 6;

    private final ReportQueries queries;

    RankingSection(ReportQueries queries) {
        this.queries = queries;
    }

    /** A city's figures for the ranking. */
    record CityScore(Region city, int scored, int onTrack, int seriously, Map<String, String> statuses) {
        BigDecimal share() {
            return scored == 0 ? null : BigDecimal.valueOf(onTrack).divide(BigDecimal.valueOf(scored), 4, RoundingMode.HALF_UP);
        }
    }

    /** The key indicators' codes and names, in column order. */
    static Map<String, String> keyIndicators(List<Map<String, Object>> rows) {
        Map<String, Integer> scoredIn = new LinkedHashMap<>();
        Map<String, String> names = new LinkedHashMap<>();
        rows.stream().sorted(Comparator.comparing(r -> ((Number) r.get("indicator_key")).intValue())).forEach(r -> {
            String code = (String) r.get("indicator_code");
            names.putIfAbsent(code, (String) r.get("indicator_name"));
            scoredIn.merge(code, Sentences.SCORED.contains(r.get("status_zh")) ? 1 : 0, Integer::sum);
        });
        Map<String, String> key = new LinkedHashMap<>();
        scoredIn.entrySet().stream().filter(e -> e.getValue() > 0)
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(KEY_INDICATORS)
                .forEach(e -> key.put(e.getKey(), names.get(e.getKey())));
        return key;
    }

    static List<CityScore> scores(List<Region> cities, List<Map<String, Object>> rows) {
        List<CityScore> scores = new ArrayList<>();
        for (Region city : cities) {
            int scored = 0;
            int onTrack = 0;
            int seriously = 0;
            Map<String, String> statuses = new LinkedHashMap<>();
            for (Map<String, Object> r : rows) {
                if (!city.code().equals(r.get("scope_code"))) {
                    continue;
                }
                String status = (String) r.get("status_zh");
                statuses.put((String) r.get("indicator_code"), status);
                if (Sentences.SCORED.contains(status)) {
                    scored++;
                    onTrack += status.equals("达标") || status.equals("正常推进") ? 1 : 0;
                    seriously += status.equals("严重滞后") ? 1 : 0;
                }
            }
            scores.add(new CityScore(city, scored, onTrack, seriously, statuses));
        }
        scores.sort(Comparator.comparing(CityScore::share, Comparator.nullsLast(Comparator.reverseOrder()))
                .thenComparingInt(CityScore::seriously).thenComparing(s -> s.city().code()));
        return scores;
    }

    /** The ranking table of the cities; null with fewer than two cities. */
    Section section(String heading, Quarter q, List<Region> cities, Indicators indicators) {
        if (cities.size() < 2) {
            return null;
        }
        List<Map<String, Object>> rows = queries.list("cityStatuses", q, ReportQueries.select(ReportQueries.codes(cities), indicators));
        Map<String, String> key = keyIndicators(rows);
        List<String> codes = new ArrayList<>(key.keySet());
        List<String> names = new ArrayList<>(key.values());
        while (names.size() < KEY_INDICATORS) {
            codes.add(null);
            names.add(null);
        }
        List<RankingRow> table = new ArrayList<>();
        List<CityScore> scores = scores(cities, rows);
        int rank = 0;
        BigDecimal previous = null;
        for (int i = 0; i < scores.size(); i++) {
            CityScore s = scores.get(i);
            if (previous == null || s.share() == null || s.share().compareTo(previous) != 0) {
                rank = i + 1;
            }
            previous = s.share();
            List<String> statuses = codes.stream().map(c -> c == null ? null : s.statuses().getOrDefault(c, "—")).toList();
            table.add(new RankingRow(s.share() == null ? null : rank, s.city().name(), s.scored(), s.onTrack(), s.seriously(), s.share(), names, statuses));
        }
        CityScore first = scores.get(0);
        CityScore last = scores.get(scores.size() - 1);
        String text = "按各市达标及正常推进指标占全部评价指标的比例排名（比例相同时严重滞后少者在前），右侧为在各市评价最多的" + key.size()
                + "项指标的状态。" + first.city().name() + "居首（" + first.onTrack() + "/" + first.scored() + "项），" + last.city().name() + "居末（"
                + last.onTrack() + "/" + last.scored() + "项，严重滞后" + last.seriously() + "项）。";
        return new Section(heading, text, null, new Table("ranking-table", "各市排名", table));
    }
}
