package cn.zhenxing.audit;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * One validation rule of etl/rules (after DHIS2's validation rules): where it applies, an optional
 * guard, a left side, an operator and a right side, the missing-value strategy, its importance
 * (强制 blocks the file, 核实 needs a specific 说明) and the Chinese message and fix. Thresholds are
 * parameters of the rule, per indicator where they differ.
 */
public record Rule(String code, String nameZh, String group, Severity severity, Sheet sheet, Map<String, List<String>> applies,
                   Map<String, List<String>> except, Expression when, Expression left, Operator operator, Expression right,
                   BigDecimal relativeTolerance, BigDecimal absoluteTolerance, Missing missing, Map<String, Params> params,
                   String cell, String messageZh, String fixZh, String descriptionEn) {

    /** 强制: must be fixed before the file is accepted. 核实: accepted only with a specific explanation. */
    public enum Severity {
        MANDATORY("强制"), VERIFY("核实");

        public final String zh;

        Severity(String zh) {
            this.zh = zh;
        }

        static Severity of(String text) {
            for (Severity s : values()) {
                if (s.zh.equals(text) || s.name().equalsIgnoreCase(text)) {
                    return s;
                }
            }
            throw new IllegalArgumentException("severity '" + text + "' (use 强制 or 核实)");
        }
    }

    /** Which table's rows a rule reads. */
    public enum Sheet { INDICATORS, PROJECTS }

    /** DHIS2's missing-value strategies, applied to the values of the two sides. */
    public enum Missing {
        SKIP_IF_ANY_VALUE_MISSING, SKIP_IF_ALL_VALUES_MISSING, NEVER_SKIP;

        static Missing of(String text) {
            return text == null ? SKIP_IF_ANY_VALUE_MISSING : valueOf(text.trim().toUpperCase());
        }
    }

    public enum Operator {
        EQ("=="), NE("!="), LT("<"), LE("<="), GT(">"), GE(">=");

        public final String symbol;

        Operator(String symbol) {
            this.symbol = symbol;
        }

        static Operator of(String text) {
            for (Operator o : values()) {
                if (o.symbol.equals(text)) {
                    return o;
                }
            }
            throw new IllegalArgumentException("operator '" + text + "' (use == != < <= > >=)");
        }
    }

    /** A parameter's default and its per-indicator values. */
    public record Params(BigDecimal byDefault, Map<String, BigDecimal> byItem) {
        BigDecimal forItem(String item) {
            return byItem.getOrDefault(item, byDefault);
        }
    }

    /** Whether the rule is about a row with these catalog attributes (code, unit, value_kind, region_level, ...). */
    boolean appliesTo(Function<String, String> attributes) {
        for (Map.Entry<String, List<String>> e : applies.entrySet()) {
            if (!e.getValue().contains(String.valueOf(attributes.apply(e.getKey())))) {
                return false;
            }
        }
        for (Map.Entry<String, List<String>> e : except.entrySet()) {
            if (e.getValue().contains(String.valueOf(attributes.apply(e.getKey())))) {
                return false;
            }
        }
        return true;
    }

    /**
     * True when the two sides satisfy the operator; null when the rule does not decide (its
     * missing-value strategy skips it). Equality and the inequalities allow the tolerance:
     * the larger of the absolute one and the relative one times the larger side.
     */
    Boolean passes(BigDecimal l, BigDecimal r) {
        if (l == null || r == null) {
            boolean skip = switch (missing) {
                case SKIP_IF_ANY_VALUE_MISSING -> true;
                case SKIP_IF_ALL_VALUES_MISSING -> l == null && r == null;
                case NEVER_SKIP -> false;
            };
            if (skip) {
                return null;
            }
            l = l == null ? BigDecimal.ZERO : l;
            r = r == null ? BigDecimal.ZERO : r;
        }
        BigDecimal tolerance = absoluteTolerance.max(relativeTolerance.multiply(l.abs().max(r.abs())));
        BigDecimal diff = l.subtract(r);
        return switch (operator) {
            case EQ -> diff.abs().compareTo(tolerance) <= 0;
            case NE -> diff.abs().compareTo(tolerance) > 0;
            case LT -> diff.compareTo(tolerance) < 0;
            case LE -> diff.compareTo(tolerance) <= 0;
            case GT -> diff.negate().compareTo(tolerance) < 0;
            case GE -> diff.negate().compareTo(tolerance) <= 0;
        };
    }
}
