package cn.zhenxing.catalog;

import java.math.BigDecimal;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a target or baseline cell as the plans print it (">8", "≥90", "[15]左右", "5000—6000",
 * "控制在0.2以下", "2万", "12,力争达到全国平均水平") into an operator and numbers. Cells that are only
 * words ("明显提高", "完成国家考核目标") or several counts ("1/10/1/2") yield no number: the printed
 * text is always kept beside the parse, and no number is ever invented.
 */
public final class TargetParser {

    public enum Operator { EQ, GT, GE, LT, LE, APPROX, RANGE }

    public record Parsed(String text, Operator operator, BigDecimal value, BigDecimal high, boolean aspirational) {
        public boolean hasNumber() {
            return value != null;
        }
    }

    private static final String NUM = "(-?\\d+(?:\\.\\d+)?)(万)?";
    private static final Pattern RANGE = Pattern.compile("^" + NUM + "\\s*[—–\\-~～至]\\s*" + NUM + "$");
    private static final Pattern SINGLE = Pattern.compile("^(>=|<=|≥|≤|>|<)?\\s*" + NUM + "$");
    private static final Pattern LEADING = Pattern.compile("^(>=|<=|≥|≤|>|<)?\\s*" + NUM + "\\s*[,，;；、]?\\s*(.*)$");

    private TargetParser() {}

    public static Parsed parse(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String text = raw.strip();
        String s = text;
        boolean aspirational = s.contains("力争");
        Operator qualifier = null;
        if (s.startsWith("控制在")) {
            s = s.substring(3);
        }
        if (s.endsWith("左右")) {
            s = s.substring(0, s.length() - 2);
            qualifier = Operator.APPROX;
            aspirational = true;
        } else if (s.endsWith("以上")) {
            s = s.substring(0, s.length() - 2);
            qualifier = Operator.GE;
        } else if (s.endsWith("以下")) {
            s = s.substring(0, s.length() - 2);
            qualifier = Operator.LE;
        }
        if (s.startsWith("[") && s.endsWith("]")) {
            s = s.substring(1, s.length() - 1); // [x] = five-year cumulative; the kind says so
        }
        s = s.strip();

        Matcher range = RANGE.matcher(s);
        if (range.matches()) {
            return new Parsed(text, Operator.RANGE, number(range.group(1), range.group(2)),
                    number(range.group(3), range.group(4)), aspirational);
        }
        Matcher single = SINGLE.matcher(s);
        if (single.matches()) {
            Operator op = single.group(1) != null ? operator(single.group(1)) : qualifier != null ? qualifier : Operator.EQ;
            return new Parsed(text, op, number(single.group(2), single.group(3)), null, aspirational);
        }
        Matcher leading = LEADING.matcher(s);
        if (leading.matches() && isWordsOnly(leading.group(4))) {
            // "12,力争达到全国平均水平" or "5个": the number is the target, the words qualify it.
            Operator op = leading.group(1) != null ? operator(leading.group(1))
                    : qualifier != null ? qualifier : Operator.EQ;
            return new Parsed(text, op, number(leading.group(2), leading.group(3)), null,
                    aspirational || leading.group(4).contains("力争"));
        }
        return new Parsed(text, null, null, null, aspirational);
    }

    /** Trailing words without further numbers; "年前…" marks a dated milestone, not a quantity. */
    private static boolean isWordsOnly(String rest) {
        return !rest.isEmpty() && !rest.matches(".*\\d.*") && !rest.startsWith("年");
    }

    private static Operator operator(String symbol) {
        return switch (symbol) {
            case ">" -> Operator.GT;
            case ">=", "≥" -> Operator.GE;
            case "<" -> Operator.LT;
            case "<=", "≤" -> Operator.LE;
            default -> Operator.EQ;
        };
    }

    private static BigDecimal number(String digits, String wan) {
        BigDecimal value = new BigDecimal(digits);
        return wan == null ? value : value.multiply(BigDecimal.valueOf(10_000));
    }
}
