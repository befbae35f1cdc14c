package cn.zhenxing.catalog;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The reference tables the marts and the sample data use: ref_region_population.csv →
 * ref_region_population (常住人口 per region and year) and ref_exchange_rate.csv → ref_exchange_rate
 * (yearly average yuan per unit of a currency). Each row keeps its source.
 */
class ReferenceWriter extends CatalogWriter {

    private static final List<String> POPULATION_METHODS =
            List.of("census", "sample_survey", "equal_share_of_city", "share_of_city_2019", "share_of_city_2022");

    private final boolean population;
    private final UpsertTable table;

    ReferenceWriter(JdbcTemplate jdbc, CatalogSource source, boolean population) {
        super(jdbc, source);
        this.population = population;
        this.table = population
                ? new UpsertTable(jdbc, "ref_region_population", "region_code", "year")
                : new UpsertTable(jdbc, "ref_exchange_rate", "year", "currency");
    }

    static ReferenceWriter population(JdbcTemplate jdbc, CatalogSource source) {
        return new ReferenceWriter(jdbc, source, true);
    }

    static ReferenceWriter exchangeRates(JdbcTemplate jdbc, CatalogSource source) {
        return new ReferenceWriter(jdbc, source, false);
    }

    @Override
    protected Change writeRow(CsvRow row) {
        Map<String, Object> v = new LinkedHashMap<>();
        if (population) {
            String region = row.require("region_code");
            if (jdbc.queryForList(CatalogSql.sql("regionKeyCurrent"), Integer.class, region).isEmpty()) {
                throw new CatalogException(row.file() + " line " + row.line() + ": region_code " + region + " is not a current region");
            }
            String method = row.require("method");
            if (!POPULATION_METHODS.contains(method)) {
                throw new CatalogException(row.file() + " line " + row.line() + ": method must be one of " + POPULATION_METHODS);
            }
            v.put("region_code", region);
            v.put("year", Integer.valueOf(row.require("year")));
            v.put("population_wan", positive(row, "population_wan"));
            v.put("is_estimate", row.flag("is_estimate"));
            v.put("method", method);
        } else {
            v.put("year", Integer.valueOf(row.require("year")));
            v.put("currency", row.require("currency"));
            v.put("cny_per_unit", positive(row, "cny_per_unit"));
        }
        v.put("source_zh", row.require("source_zh"));
        return table.upsert(v);
    }

    private static BigDecimal positive(CsvRow row, String column) {
        BigDecimal value = new BigDecimal(row.require(column));
        if (value.signum() <= 0) {
            throw new CatalogException(row.file() + " line " + row.line() + ": " + column + " must be positive");
        }
        return value;
    }
}
