package cn.zhenxing.review;

import java.util.List;

/**
 * The levels a unit's quarter passes, lowest first, read from the reporting units and their regions
 * (ReviewService): a county unit is reviewed by the 发改委 unit of its region's city, then by the
 * province; a city (or any other) unit by the province directly; the province's own unit by the
 * province administrator.
 *
 * @param steps one or two steps; the last is always the province level
 */
public record ReviewChain(String unitCode, String unitName, String provinceUnitCode, List<Step> steps) {

    /** One level: at the city level the reviewer unit is the city's 发改委; at the province level the province's. */
    public record Step(Level level, String reviewerUnitCode, String reviewerUnitName) {
    }

    public enum Level {
        CITY("city", "市级"), PROVINCE("province", "省级");

        private final String code;
        private final String labelZh;

        Level(String code, String labelZh) {
            this.code = code;
            this.labelZh = labelZh;
        }

        public String code() {
            return code;
        }

        public String labelZh() {
            return labelZh;
        }
    }

    public ReviewChain {
        steps = List.copyOf(steps);
        if (steps.isEmpty() || steps.get(steps.size() - 1).level() != Level.PROVINCE) {
            throw new IllegalArgumentException("a review chain ends at the province level: " + steps);
        }
    }

    /** The province's own unit, whose quarter only the province administrator reviews. */
    public boolean isProvinceUnit() {
        return unitCode.equals(provinceUnitCode);
    }

    /** How many levels have approved in {@code state} (0 for submitted). */
    int approvedLevels(ReviewState state) {
        return switch (state) {
            case CITY_APPROVED -> 1;
            case PROVINCE_APPROVED -> steps.size();
            default -> 0;
        };
    }

    /** The state once {@code levels} levels have approved. */
    ReviewState stateAfter(int levels) {
        return levels == 0 ? ReviewState.SUBMITTED : levels == steps.size() ? ReviewState.PROVINCE_APPROVED : ReviewState.CITY_APPROVED;
    }
}
