package cn.zhenxing.samples;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Each region's share of a scope's total, from resident population (ref_region_population): a
 * county's share is its population over the scope's; a city's is the sum of its counties', so the
 * shares of a city's counties add up to the city's share exactly.
 */
final class SampleShares {

    private final Map<String, Double> population = new HashMap<>();
    private final Map<String, Double> areaPopulation = new HashMap<>();

    /**
     * @param counties    county code → {city code, population in 万人}
     * @param areaMembers planning-area code → member county codes
     */
    SampleShares(Map<String, Object[]> counties, Map<String, List<String>> areaMembers) {
        double province = 0;
        for (Map.Entry<String, Object[]> e : counties.entrySet()) {
            double pop = (Double) e.getValue()[1];
            population.put(e.getKey(), pop);
            population.merge((String) e.getValue()[0], pop, Double::sum);
            province += pop;
        }
        population.put("140000", province);
        areaMembers.forEach((area, members) ->
                areaPopulation.put(area, members.stream().mapToDouble(m -> population.getOrDefault(m, 0.0)).sum()));
    }

    /** Population (万人) of a county, city or the province; 0 when unknown. */
    double population(String regionCode) {
        return population.getOrDefault(regionCode, 0.0);
    }

    /** The region's share of the scope's total: 1 for the scope itself, 0 when the scope's size is unknown. */
    double share(String regionCode, String scopeType, String scopeCode) {
        if (scopeCode == null || regionCode.equals(scopeCode) || "other".equals(scopeType)) {
            return scopeCode == null || regionCode.equals(scopeCode) ? 1 : share(regionCode, "region", "140000");
        }
        double whole = "area".equals(scopeType) ? areaPopulation.getOrDefault(scopeCode, 0.0) : population(scopeCode);
        return whole > 0 ? Math.min(1, population(regionCode) / whole) : 0;
    }
}
