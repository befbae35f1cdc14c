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
    private static final Set<String> FUNCTIONS = Set.of("abs", "min", "max", "frac", "round", "coalesce", "present");

    private final String source;
    private final Node root;

    private Expression(String source, Node root) {
        this.source = source;
        this.root = root;
    }

    /** @throws IllegalArgumentException naming the position of what cannot be read */
    public static Expression parse(String source) {
        Parser parser = new Parser(source);
        Node root = parser.or();
        parser.expectEnd();
        return new Expression(source, root);
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

    private sealed interface Node permits Num, Var, Unary, Binary, Call {
        BigDecimal eval(Function<String, BigDecimal> vars);

        default void collect(Set<String> names) {
        }
    }

    private record Num(BigDecimal value) implements Node {
        public BigDecimal eval(Function<String, BigDecimal> vars) {
            return value;
        }
    }

    private record Var(String name) implements Node {
        public BigDecimal eval(Function<String, BigDecimal> vars) {
            return vars.apply(name);
        }

        public void collect(Set<String> names) {
            names.add(name);
        }
    }

    private record Unary(String op, Node operand) implements Node {
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

    private record Binary(String op, Node left, Node right) implements Node {
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

    private record Call(String function, List<Node> args) implements Node {
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

    /** Recursive descent over the grammar in the class comment, lowest precedence first. */
    private static final class Parser {
        private final String s;
        private int pos;

        Parser(String s) {
            this.s = s == null ? "" : s;
        }

        Node or() {
            Node left = and();
            while (word("or")) {
                left = new Binary("or", left, and());
            }
            return left;
        }

        Node and() {
            Node left = not();
            while (word("and")) {
                left = new Binary("and", left, not());
            }
            return left;
        }

        Node not() {
            return word("not") ? new Unary("not", not()) : comparison();
        }

        Node comparison() {
            Node left = sum();
            for (String op : List.of("<=", ">=", "==", "!=", "<", ">")) {
                if (symbol(op)) {
                    return new Binary(op, left, sum());
                }
            }
            return left;
        }

        Node sum() {
            Node left = term();
            while (true) {
                if (symbol("+")) {
                    left = new Binary("+", left, term());
                } else if (symbol("-")) {
                    left = new Binary("-", left, term());
                } else {
                    return left;
                }
            }
        }

        Node term() {
            Node left = unary();
            while (true) {
                if (symbol("*")) {
                    left = new Binary("*", left, unary());
                } else if (symbol("/")) {
                    left = new Binary("/", left, unary());
                } else {
                    return left;
                }
            }
        }

        Node unary() {
            return symbol("-") ? new Unary("-", unary()) : primary();
        }

        Node primary() {
            skipSpace();
            if (symbol("(")) {
                Node inner = or();
                expect(")");
                return inner;
            }
            int start = pos;
            if (pos < s.length() && (Character.isDigit(s.charAt(pos)) || s.charAt(pos) == '.')) {
                while (pos < s.length() && (Character.isDigit(s.charAt(pos)) || s.charAt(pos) == '.')) {
                    pos++;
                }
                try {
                    return new Num(new BigDecimal(s.substring(start, pos)));
                } catch (NumberFormatException e) {
                    throw error("bad number '" + s.substring(start, pos) + "'", start);
                }
            }
            while (pos < s.length() && (Character.isLetterOrDigit(s.charAt(pos)) || s.charAt(pos) == '_')) {
                pos++;
            }
            if (start == pos) {
                throw error(pos < s.length() ? "unexpected '" + s.charAt(pos) + "'" : "unexpected end", pos);
            }
            String name = s.substring(start, pos);
            if (!symbol("(")) {
                return new Var(name);
            }
            if (!FUNCTIONS.contains(name)) {
                throw error("unknown function '" + name + "' (known: " + String.join(", ", FUNCTIONS) + ")", start);
            }
            List<Node> args = new ArrayList<>();
            if (!symbol(")")) {
                do {
                    args.add(or());
                } while (symbol(","));
                expect(")");
            }
            if (args.isEmpty()) {
                throw error(name + "() needs an argument", start);
            }
            return new Call(name, args);
        }

        private boolean word(String w) {
            skipSpace();
            int end = pos + w.length();
            if (s.startsWith(w, pos) && (end == s.length() || !Character.isLetterOrDigit(s.charAt(end)) && s.charAt(end) != '_')) {
                pos = end;
                return true;
            }
            return false;
        }

        private boolean symbol(String sym) {
            skipSpace();
            if (s.startsWith(sym, pos)) {
                pos += sym.length();
                return true;
            }
            return false;
        }

        private void expect(String sym) {
            if (!symbol(sym)) {
                throw error("expected '" + sym + "'", pos);
            }
        }

        void expectEnd() {
            skipSpace();
            if (pos < s.length()) {
                throw error("unexpected '" + s.substring(pos) + "'", pos);
            }
        }

        private void skipSpace() {
            while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) {
                pos++;
            }
        }

        private IllegalArgumentException error(String what, int at) {
            return new IllegalArgumentException("expression '" + s + "': " + what + " at position " + (at + 1));
        }
    }
}
