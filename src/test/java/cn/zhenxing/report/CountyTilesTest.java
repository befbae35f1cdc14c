package cn.zhenxing.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The tile positions of the county 示意图 ({@code etl/reference/county_tiles.csv}) against the catalog's
 * regions: every county has exactly one tile, no two tiles share a square, each city's counties form one
 * block, and inside a block the tiles follow the counties' rough geography.
 */
class CountyTilesTest {

    record TileRow(String code, String name, String city, int col, int row, double lon, double lat) {
    }

    static List<TileRow> tiles() throws IOException {
        return Files.readAllLines(Path.of("etl/reference/county_tiles.csv")).stream().skip(1).filter(l -> !l.isBlank()).map(l -> {
            String[] f = l.split(",", -1);
            return new TileRow(f[0], f[1], f[2], Integer.parseInt(f[3]), Integer.parseInt(f[4]), Double.parseDouble(f[5]), Double.parseDouble(f[6]));
        }).toList();
    }

    /** county code → city code, from the catalog's regions.csv */
    static Map<String, String> counties() throws IOException {
        Map<String, String> counties = new HashMap<>();
        Files.readAllLines(Path.of("etl/reference/regions.csv")).stream().skip(1).map(l -> l.split(",", -1))
                .filter(f -> f.length > 3 && f[2].equals("county")).forEach(f -> counties.put(f[0], f[3]));
        return counties;
    }

    @Test
    void everyCountyHasOneTileOfItsOwn() throws IOException {
        List<TileRow> tiles = tiles();
        Map<String, String> counties = counties();
        assertThat(counties).hasSize(117);
        assertThat(tiles).extracting(TileRow::code).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(counties.keySet());
        tiles.forEach(t -> assertThat(t.city()).as(t.name() + "'s city").isEqualTo(counties.get(t.code())));
        assertThat(tiles.stream().map(t -> t.col() + "," + t.row()).collect(Collectors.toSet())).as("no two tiles on one square").hasSize(tiles.size());
        assertThat(tiles).allMatch(t -> t.col() >= 0 && t.row() >= 0);
    }

    @Test
    void eachCityIsOneBlock() throws IOException {
        Map<String, List<TileRow>> byCity = tiles().stream().collect(Collectors.groupingBy(TileRow::city));
        assertThat(byCity).hasSize(11);
        byCity.forEach((city, tiles) -> {
            Set<String> squares = tiles.stream().map(t -> t.col() + "," + t.row()).collect(Collectors.toSet());
            Set<String> reached = new HashSet<>();
            Deque<int[]> todo = new ArrayDeque<>(List.of(new int[] {tiles.get(0).col(), tiles.get(0).row()}));
            while (!todo.isEmpty()) {
                int[] s = todo.pop();
                if (squares.contains(s[0] + "," + s[1]) && reached.add(s[0] + "," + s[1])) {
                    todo.push(new int[] {s[0] + 1, s[1]});
                    todo.push(new int[] {s[0] - 1, s[1]});
                    todo.push(new int[] {s[0], s[1] + 1});
                    todo.push(new int[] {s[0], s[1] - 1});
                }
            }
            assertThat(reached).as(city + "'s tiles touch edge to edge").hasSize(tiles.size());
        });
    }

    /** Of two counties of one city whose seats lie more than 0.3° apart, the northern one is not drawn lower, the eastern one not further left. */
    @Test
    void tilesFollowTheCountiesRoughPositionInsideTheirCity() throws IOException {
        List<TileRow> tiles = tiles();
        for (TileRow a : tiles) {
            for (TileRow b : tiles) {
                if (!a.city().equals(b.city())) {
                    continue;
                }
                if (a.lat() - b.lat() > 0.3) {
                    assertThat(a.row()).as(a.name() + " lies north of " + b.name()).isLessThanOrEqualTo(b.row());
                }
                if (a.lon() - b.lon() > 0.3) {
                    assertThat(a.col()).as(a.name() + " lies east of " + b.name()).isGreaterThanOrEqualTo(b.col());
                }
            }
        }
        // And the cities themselves: 大同 above 运城, 吕梁 left of 阳泉.
        Map<String, Double> meanRow = tiles.stream().collect(Collectors.groupingBy(TileRow::city, Collectors.averagingInt(TileRow::row)));
        Map<String, Double> meanCol = tiles.stream().collect(Collectors.groupingBy(TileRow::city, Collectors.averagingInt(TileRow::col)));
        assertThat(meanRow.get("140200")).isLessThan(meanRow.get("140100")).isLessThan(meanRow.get("140800"));
        assertThat(meanCol.get("141100")).isLessThan(meanCol.get("140100")).isLessThan(meanCol.get("140300"));
    }
}
