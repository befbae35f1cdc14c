package cn.zhenxing.audit;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * The small expression language of the rules in etl/rules: numbers, variables, {@code + - * /},
 * parentheses, comparisons ({@code < <= > >= == !=}), {@code and or not} and the functions
 * {@code abs min max frac round coalesce present}. Values are decimals; a missing variable, a
 * division by zero or arithmetic with a missing value gives no value (null), which is what the
 * rules' missing-value strategies act on; {@code coalesce} and {@code present} see through it.
 * Comparisons give 1 or 0 (or no value when a side has none).
 */
public final class Expression {

    private static final MathContext MC = MathContext.DECIMAL64;
    static final Set<String> FUNCTIONS = Set.of("abs", "min", "max", "frac", "round", "coalesce", "present");

    private final String source;
    private final Node root;

    private Expression(String source, Node root) {
        this.source = source;
        this.root = root;
    }

    /** @throws IllegalArgumentException naming the position of what cannot be read */
    public static Expression parse(String source) {
        return new Expression(source, ExpressionParser.parse(source));
    }

    /** The value, or null when it has none. */
    public BigDecimal evaluate(Function<String, BigDecimal> variables) {
        return root.eval(variables);
    }

    /** True only when the value is present and not zero. */
    public boolean holds(Function<String, BigDecimal> variables) {
        BigDecimal v = evaluate(variables);
        return v != null && v.signum() != 0;
    }

    /** The variables the expression reads, for checking a rule file against the variables a sheet has. */
    public Set<String> variables() {
        Set<String> names = new LinkedHashSet<>();
        root.collect(names);
        return names;
    }

    @Override
    public String toString() {
        return source;
    }

    sealed interface Node permits Num, Var, Unary, Binary, Call {
        BigDecimal eval(Function<String, BigDecimal> vars);

        default void collect(Set<String> names) {
        }
    }

    record Num(BigDecimal value) implements Node {
        public BigDecimal eval(Function<String, BigDecimal> vars) {
            return value;
        }
    }

    record Var(String name) implements Node {
        public BigDecimal eval(Function<String, BigDecimal> vars) {
            return vars.apply(name);
        }

        public void collect(Set<String> names) {
            names.add(name);
        }
    }

    record Unary(String op, Node operand) implements Node {
        public BigDecimal eval(Function<String, BigDecimal> vars) {
            BigDecimal v = operand.eval(vars);
            if (v == null) {
                return null;
            }
            return op.equals("-") ? v.negate() : bool(v.signum() == 0);
        }

        public void collect(Set<String> names) {
            operand.collect(names);
        }
    }

    record Binary(String op, Node left, Node right) implements Node {
        public BigDecimal eval(Function<String, BigDecimal> vars) {
            BigDecimal l = left.eval(vars);
            if (op.equals("and") && l != null && l.signum() == 0) {
                return BigDecimal.ZERO;
            }
            if (op.equals("or") && l != null && l.signum() != 0) {
                return BigDecimal.ONE;
            }
            BigDecimal r = right.eval(vars);
            if (op.equals("and")) {
                return r != null && r.signum() == 0 ? BigDecimal.ZERO : l == null || r == null ? null : BigDecimal.ONE;
            }
            if (op.equals("or")) {
                return r != null && r.signum() != 0 ? BigDecimal.ONE : l == null || r == null ? null : BigDecimal.ZERO;
            }
            if (l == null || r == null) {
                return null;
            }
            return switch (op) {
                case "+" -> l.add(r, MC);
                case "-" -> l.subtract(r, MC);
                case "*" -> l.multiply(r, MC);
                case "/" -> r.signum() == 0 ? null : l.divide(r, MC);
                case "<" -> bool(l.compareTo(r) < 0);
                case "<=" -> bool(l.compareTo(r) <= 0);
                case ">" -> bool(l.compareTo(r) > 0);
                case ">=" -> bool(l.compareTo(r) >= 0);
                case "==" -> bool(l.compareTo(r) == 0);
                case "!=" -> bool(l.compareTo(r) != 0);
                default -> throw new IllegalStateException(op);
            };
        }

        public void collect(Set<String> names) {
            left.collect(names);
            right.collect(names);
        }
    }

    record Call(String function, List<Node> args) implements Node {
        public BigDecimal eval(Function<String, BigDecimal> vars) {
            List<BigDecimal> values = new ArrayList<>();
            for (Node arg : args) {
                values.add(arg.eval(vars));
            }
            switch (function) {
                case "present":
                    return bool(values.stream().allMatch(v -> v != null));
                case "coalesce":
                    return values.stream().filter(v -> v != null).findFirst().orElse(null);
                default:
                    break;
            }
            if (values.contains(null)) {
                return null;
            }
            BigDecimal a = values.get(0);
            return switch (function) {
                case "abs" -> a.abs();
                case "min" -> values.stream().reduce(BigDecimal::min).orElseThrow();
                case "max" -> values.stream().reduce(BigDecimal::max).orElseThrow();
                case "frac" -> a.subtract(new BigDecimal(a.toBigInteger())).abs();
                case "round" -> a.setScale(values.size() > 1 ? values.get(1).intValue() : 0, RoundingMode.HALF_UP);
                default -> throw new IllegalStateException(function);
            };
        }

        public void collect(Set<String> names) {
            args.forEach(a -> a.collect(names));
        }
    }

    private static BigDecimal bool(boolean b) {
        return b ? BigDecimal.ONE : BigDecimal.ZERO;
    }
}
