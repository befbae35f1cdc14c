package cn.zhenxing.samples;

import cn.zhenxing.warehouse.Quarter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Random;
import java.util.Set;

/**
 * The plausible value of one region's row: the province's (or the target scope's) path from baseline
 * to target at this quarter, a region's share of it for additive indicators, and a per-region noise
 * that stays the same every quarter (so levels change only along the path). Flows reported 1–N月累计
 * accumulate through the year; growth rates stay near the plan's rate; counts are integers; ratios
 * come with parts that agree with them.
 */
final class SampleValues {

    static final Set<String> COUNT_UNITS = Set.of("户", "个", "家", "座", "所", "项", "件", "条");

    /** One indicator's catalog attributes and the target the samples follow. */
    record Spec(String code, String unit, String formUnit, String rollup, String basis, String frequency, String valueKind,
                String direction, BigDecimal factor, String numeratorName, String denominatorName, String targetKind,
                BigDecimal baseline, BigDecimal target, BigDecimal growth, Integer fromYear, Integer toYear,
                String scopeType, String scopeCode) {

        boolean additive() {
            return "sum".equals(rollup);
        }

        boolean flow() {
            return "ytd_flow".equals(basis) || "quarter_flow".equals(basis);
        }
    }

    /** A sample row: the value, and for a ratio its numerator and denominator (else null). */
    record Cells(BigDecimal value, BigDecimal numerator, BigDecimal denominator) {
    }

    private SampleValues() {
    }

    static Cells cells(Spec s, String regionCode, int countiesInCity, Quarter period, Random random, SampleShares shares, double usdRate) {
        double noise = 0.9 + random.nextDouble() * 0.2;
        double value;
        if ("growth_yoy".equals(s.basis())) {
            double rate = s.target() != null && "growth_rate".equals(s.targetKind()) ? s.target().doubleValue()
                    : s.growth() != null ? s.growth().doubleValue()
                    : s.baseline() != null ? s.baseline().doubleValue() : "reduction".equals(s.valueKind()) ? 3 : 5;
            value = rate * (0.85 + 0.2 * random.nextDouble());
        } else {
            double path = path(s, period);
            if ("元/人".equals(s.formUnit()) && "美元".equals(s.unit())) {
                path = path * usdRate * 0.5; // half way to a USD target, in yuan as the form collects it
            }
            double yearShare = s.flow() ? period.quarter() / 4.0 : 1;
            value = s.additive()
                    ? path * shares.share(regionCode, s.scopeType(), s.scopeCode()) * yearShare * (0.95 + 0.1 * random.nextDouble())
                    : path * (1 + (noise - 1) * amplitude(s) / 0.1) * yearShare;
            if ("%".equals(s.unit())) {
                value = Math.min(99.5, Math.max(0.5, value));
            }
        }
        if (s.denominatorName() != null && "recompute".equals(s.rollup())) {
            return ratio(s, value, regionCode, countiesInCity, period, random, shares);
        }
        if (COUNT_UNITS.contains(s.unit())) {
            return new Cells(BigDecimal.valueOf(Math.round(value)), null, null);
        }
        return new Cells(BigDecimal.valueOf(value).setScale(scale(value), RoundingMode.HALF_UP), null, null);
    }

    /** Two decimals, more for small values (a county's 0.0812 亿吨) so four significant digits remain. */
    static int scale(double value) {
        return value == 0 ? 2 : Math.max(2, 3 - (int) Math.floor(Math.log10(Math.abs(value))));
    }

    /**
     * The relative spread of a level around its path: 10 %, less where the plan moves a level by
     * little (粮食综合生产能力 1350 → 1365), so a sample never overshoots such a target many times over.
     */
    static double amplitude(Spec s) {
        if (s.baseline() == null || s.target() == null || s.baseline().signum() == 0) {
            return 0.1;
        }
        double move = Math.abs(s.target().doubleValue() - s.baseline().doubleValue()) / Math.abs(s.baseline().doubleValue());
        return Math.min(0.1, 0.2 * move);
    }

    /**
     * The straight path from baseline to target at this quarter (at the year's end for a flow, whose
     * target is the year's total); a target without a baseline is approached from 80 %.
     */
    static double path(Spec s, Quarter period) {
        int from = s.fromYear() != null ? s.fromYear() : 2020;
        int to = s.toYear() != null && s.toYear() > from ? s.toYear() : from + 5;
        double time = s.flow() ? period.year() - from : period.year() - 1 + period.quarter() / 4.0 - from;
        double elapsed = Math.min(1, Math.max(0, time / (to - from)));
        Double base = s.baseline() == null ? null : s.baseline().doubleValue();
        Double target = s.target() == null || !"number".equals(s.targetKind()) && !"cumulative".equals(s.targetKind())
                ? null : s.target().doubleValue();
        if (base != null && target != null) {
            return base + (target - base) * elapsed;
        }
        if (target != null) {
            return "lower_better".equals(s.direction()) ? target * (1.2 - 0.2 * elapsed) : target * (0.8 + 0.2 * elapsed);
        }
        return base != null ? base : 50;
    }

    /**
     * Parts that agree with the ratio: a denominator of the region's size (its population for
     * 常住人口), a numerator from the value, and the value recomputed from them (counts are whole).
     */
    private static Cells ratio(Spec s, double value, String regionCode, int countiesInCity, Quarter period, Random random,
                               SampleShares shares) {
        double pop = Math.max(1, shares.population(regionCode));
        String den = s.denominatorName();
        double denominator;
        if (den.startsWith("常住人口")) {
            denominator = den.contains("千人") ? pop * 10 : pop;
        } else if (den.endsWith("(天)")) {
            denominator = "annual".equals(s.frequency()) ? 365 : Math.round(91.25 * period.quarter());
        } else if (den.startsWith("县级行政区")) {
            denominator = countiesInCity;
        } else if (den.endsWith("(个)") || den.endsWith("(人)")) {
            denominator = 4 + random.nextInt(12);
        } else if (den.startsWith("地区生产总值")) {
            denominator = pop * 7 * (0.9 + 0.2 * random.nextDouble()); // 亿元 at about 7万元 per person
        } else {
            denominator = pop * (0.5 + random.nextDouble());
        }
        BigDecimal d = BigDecimal.valueOf(denominator).setScale(den.endsWith("(个)") || den.endsWith("(天)") ? 0 : 4, RoundingMode.HALF_UP);
        double factor = s.factor() == null ? 1 : s.factor().doubleValue();
        String num = s.numeratorName();
        boolean wholeNumerator = num.endsWith("(个)") || num.endsWith("(天)") || num.endsWith("(人)") || num.endsWith("(件)");
        double n = value * d.doubleValue() / factor;
        if ("%".equals(s.unit()) || "所/乡镇".equals(s.unit())) {
            n = Math.min(n, d.doubleValue()); // a part of the whole
        }
        BigDecimal numerator = wholeNumerator ? BigDecimal.valueOf(Math.round(n)) : BigDecimal.valueOf(n).setScale(6, RoundingMode.HALF_UP);
        BigDecimal recomputed = numerator.multiply(BigDecimal.valueOf(factor)).divide(d, 4, RoundingMode.HALF_UP);
        return new Cells(recomputed, numerator, d);
    }
}
