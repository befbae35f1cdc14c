package cn.zhenxing.report;

import cn.zhenxing.ZhenxingProperties;
import cn.zhenxing.catalog.CatalogSource;
import cn.zhenxing.report.ReportDocument.Chart;
import cn.zhenxing.report.ReportDocument.Section;
import cn.zhenxing.report.ReportQueries.Region;
import cn.zhenxing.report.ReportRows.MapRow;
import cn.zhenxing.warehouse.Quarter;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The county 示意图 of a report: the tile positions of {@code county_tiles.csv} in the catalog, the
 * status of one indicator in every county. The indicator is the most lagging one of the area's
 * summary that at least half of the counties are scored on and that tells the area's counties apart
 * (not all of one status), else the one scored in most counties.
 */
@Component
class MapSection {

    static final String TILES = "county_tiles.csv";

    private final ReportQueries queries;
    private final String catalogDir;

    MapSection(ReportQueries queries, ZhenxingProperties properties) {
        this.queries = queries;
        this.catalogDir = properties.catalog().dir();
    }

    /** region_code, name_zh, city_code, col, row of every county. */
    List<String[]> tiles() {
        List<String[]> tiles = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(CatalogSource.of(catalogDir).open(TILES), StandardCharsets.UTF_8))) {
            in.readLine();
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (!line.isBlank()) {
                    tiles.add(line.split(",", -1));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return tiles;
    }

    /** Every county's status on an indicator. */
    private Map<String, String> statuses(Quarter q, String code) {
        Map<String, String> status = new HashMap<>();
        queries.list("countyStatuses", q, Map.of("code", code)).forEach(r -> status.put((String) r.get("scope_code"), (String) r.get("status_zh")));
        return status;
    }

    /** The indicator both maps show: see the class comment; null when no county indicator is scored. */
    private String indicatorFor(Quarter q, String area, List<Map<String, Object>> areaRows) {
        Map<String, Integer> coverage = new LinkedHashMap<>();
        queries.list("countyCoverage", q, Map.of()).forEach(r -> coverage.put((String) r.get("indicator_code"), ((Number) r.get("scored")).intValue()));
        if (coverage.isEmpty()) {
            return null;
        }
        int half = tiles().size() / 2;
        Set<String> members = new HashSet<>(queries.areaMembers(area));
        return areaRows.stream().filter(r -> Sentences.SCORED.contains(r.get("status_zh")))
                .sorted(SummarySection.LAGGARDS_FIRST).map(r -> (String) r.get("indicator_code"))
                .filter(c -> coverage.getOrDefault(c, 0) >= half && statuses(q, c).entrySet().stream()
                        .filter(e -> members.contains(e.getKey())).map(Map.Entry::getValue).distinct().count() > 1)
                .findFirst().orElse(coverage.keySet().iterator().next());
    }

    /** @param areaRows the area's indicator rows, laggards first (the summary's); null when no county indicator is scored */
    Section section(String heading, Quarter q, String area, String areaName, List<Map<String, Object>> areaRows) {
        String code = indicatorFor(q, area, areaRows);
        if (code == null) {
            return null;
        }
        Set<String> members = new HashSet<>(queries.areaMembers(area));
        Map<String, String> status = statuses(q, code);
        String name = (String) queries.list("countyStatuses", q, Map.of("code", code)).get(0).get("indicator_name");
        Map<String, String> cities = new LinkedHashMap<>();
        queries.cityRegions().forEach(c -> cities.put(c.code(), c.name()));
        List<CountyMap.Tile> tiles = new ArrayList<>();
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String[] t : tiles()) {
            String s = status.get(t[0]);
            tiles.add(new CountyMap.Tile(t[0], t[1], t[2], Integer.parseInt(t[3]), Integer.parseInt(t[4]), s, members.contains(t[0])));
            if (members.contains(t[0])) {
                counts.merge(s == null ? "无数据" : s, 1, Integer::sum);
            }
        }
        List<String> parts = new ArrayList<>();
        counts.forEach((s, n) -> parts.add(s + n + "个"));
        String text = "全省" + tiles.size() + "个县（市、区）“" + name + "”的状态（示意图，不表示行政区域界线）。" + areaName + "的" + members.size()
                + "个县（市、区）加粗框出，其中" + String.join("、", parts) + "。";
        return new Section(heading, text, new Chart("county-map", name + "：各县（市、区）状态示意图", null,
                List.of(new MapRow(new CountyMap(tiles, cities)))), null);
    }

    /** The 11 cities on the same grid and indicator as the county map, each city's block in the colour of the city's status. */
    Section citySection(String heading, Quarter q, String area, List<Map<String, Object>> areaRows) {
        String code = indicatorFor(q, area, areaRows);
        if (code == null) {
            return null;
        }
        Map<String, String> status = new HashMap<>();
        String name = null;
        for (Map<String, Object> r : queries.list("cityMapStatuses", q, Map.of("code", code))) {
            status.put((String) r.get("scope_code"), (String) r.get("status_zh"));
            name = (String) r.get("indicator_name");
        }
        if (name == null) {
            return null;
        }
        Set<String> areaCities = new HashSet<>(ReportQueries.codes(queries.areaCities(area)));
        Map<String, String> cities = new LinkedHashMap<>();
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (Region c : queries.cityRegions()) {
            cities.put(c.code(), c.name());
            counts.merge(status.getOrDefault(c.code(), "无数据"), 1, Integer::sum);
        }
        List<CountyMap.Tile> tiles = new ArrayList<>();
        for (String[] t : tiles()) {
            tiles.add(new CountyMap.Tile(t[0], t[1], t[2], Integer.parseInt(t[3]), Integer.parseInt(t[4]), status.get(t[2]), areaCities.contains(t[2])));
        }
        List<String> parts = new ArrayList<>();
        counts.forEach((s, n) -> parts.add(s + n + "个"));
        String text = "全省" + cities.size() + "个市“" + name + "”的状态（示意图，与上图同一排列，每块为一个市，不表示行政区域界线）：" + String.join("、", parts)
                + "。本区域涉及的市加粗框出。";
        return new Section(heading, text, new Chart("county-map", name + "：各市状态示意图", null,
                List.of(new MapRow(new CountyMap(tiles, cities, true)))), null);
    }
}
