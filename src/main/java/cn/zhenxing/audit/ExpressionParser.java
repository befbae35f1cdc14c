package cn.zhenxing.audit;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** Recursive descent over the grammar of {@link Expression}, lowest precedence first. */
final class ExpressionParser {

    /** The tree of {@code source}; @throws IllegalArgumentException naming the position of what cannot be read */
    static Expression.Node parse(String source) {
        ExpressionParser parser = new ExpressionParser(source);
        Expression.Node root = parser.or();
        parser.expectEnd();
        return root;
    }

    private final String s;
    private int pos;

    private ExpressionParser(String s) {
        this.s = s == null ? "" : s;
    }

    Expression.Node or() {
        Expression.Node left = and();
        while (word("or")) {
            left = new Expression.Binary("or", left, and());
        }
        return left;
    }

    Expression.Node and() {
        Expression.Node left = not();
        while (word("and")) {
            left = new Expression.Binary("and", left, not());
        }
        return left;
    }

    Expression.Node not() {
        return word("not") ? new Expression.Unary("not", not()) : comparison();
    }

    Expression.Node comparison() {
        Expression.Node left = sum();
        for (String op : List.of("<=", ">=", "==", "!=", "<", ">")) {
            if (symbol(op)) {
                return new Expression.Binary(op, left, sum());
            }
        }
        return left;
    }

    Expression.Node sum() {
        Expression.Node left = term();
        while (true) {
            if (symbol("+")) {
                left = new Expression.Binary("+", left, term());
            } else if (symbol("-")) {
                left = new Expression.Binary("-", left, term());
            } else {
                return left;
            }
        }
    }

    Expression.Node term() {
        Expression.Node left = unary();
        while (true) {
            if (symbol("*")) {
                left = new Expression.Binary("*", left, unary());
            } else if (symbol("/")) {
                left = new Expression.Binary("/", left, unary());
            } else {
                return left;
            }
        }
    }

    Expression.Node unary() {
        return symbol("-") ? new Expression.Unary("-", unary()) : primary();
    }

    Expression.Node primary() {
        skipSpace();
        if (symbol("(")) {
            Expression.Node inner = or();
            expect(")");
            return inner;
        }
        int start = pos;
        if (pos < s.length() && (Character.isDigit(s.charAt(pos)) || s.charAt(pos) == '.')) {
            while (pos < s.length() && (Character.isDigit(s.charAt(pos)) || s.charAt(pos) == '.')) {
                pos++;
            }
            try {
                return new Expression.Num(new BigDecimal(s.substring(start, pos)));
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
            return new Expression.Var(name);
        }
        if (!Expression.FUNCTIONS.contains(name)) {
            throw error("unknown function '" + name + "' (known: " + String.join(", ", Expression.FUNCTIONS) + ")", start);
        }
        List<Expression.Node> args = new ArrayList<>();
        if (!symbol(")")) {
            do {
                args.add(or());
            } while (symbol(","));
            expect(")");
        }
        if (args.isEmpty()) {
            throw error(name + "() needs an argument", start);
        }
        return new Expression.Call(name, args);
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
