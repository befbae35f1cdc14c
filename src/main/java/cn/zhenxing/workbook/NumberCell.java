package cn.zhenxing.workbook;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.util.regex.Pattern;

/**
 * Reads what a statistician typed into a number cell. Accepted and normalised: plain numbers,
 * numbers stored as text, thousands separators, full-width digits, and a trailing % where the
 * indicator is a percentage. Anything else (units such as "12万元", words such as "约30") is an error
 * with a Chinese explanation, never guessed.
 */
public final class NumberCell {

    public record Result(BigDecimal value, String errorZh) {
        public boolean blank() {
            return value == null && errorZh == null;
        }

        public boolean ok() {
            return errorZh == null;
        }
    }

    private static final Pattern PLAIN = Pattern.compile("[-+]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][-+]?\\d+)?");
    private static final Pattern GROUPED = Pattern.compile("[-+]?\\d{1,3}(,\\d{3})+(\\.\\d+)?");

    /** The warehouse's DECIMAL(20,6) holds 14 integer digits. */
    private static final BigDecimal LIMIT = BigDecimal.TEN.pow(14);

    private NumberCell() {}

    /**
     * @param unit the indicator's unit, so the message can name it and "%" may trail a percentage
     */
    public static Result parse(String raw, String unit) {
        if (raw == null || raw.isBlank()) {
            return new Result(null, null);
        }
        // NFKC turns full-width digits, ．，％ and － into their ASCII forms.
        String s = Normalizer.normalize(raw, Normalizer.Form.NFKC).strip().replace('\u2212', '-');
        boolean percentUnit = "%".equals(unit) || "％".equals(unit);
        if (s.endsWith("%") && percentUnit) {
            s = s.substring(0, s.length() - 1).strip();
        }
        if (GROUPED.matcher(s).matches()) {
            s = s.replace(",", "");
        }
        if (PLAIN.matcher(s).matches()) {
            int e = Math.max(s.indexOf('e'), s.indexOf('E'));
            if (e >= 0 && (s.length() - e > 4)) {
                return new Result(null, "“" + raw.strip() + "”的数量级超出报表可填写的范围。请填写普通写法的数字（如1234.5），不要用科学计数法。");
            }
            BigDecimal value = new BigDecimal(s.startsWith("+") ? s.substring(1) : s);
            if (value.abs().compareTo(LIMIT) >= 0) {
                return new Result(null, "“" + raw.strip() + "”过大，超出报表可填写的范围（整数部分最多14位）。请核实数值和计量单位。");
            }
            // The warehouse keeps six decimals; rounding here keeps what is checked equal to what is stored.
            return new Result(value.scale() > 6 ? value.setScale(6, java.math.RoundingMode.HALF_UP) : value, null);
        }
        String unitHint = unit == null || unit.isBlank() ? "" : "（本行计量单位为“" + unit + "”，已在“计量单位”列中注明）";
        return new Result(null, "“" + raw.strip() + "”不是数字。请只填写阿拉伯数字，不要带单位、文字或“约”“左右”等字样" + unitHint
                + "；确实无法填报的请留空并在“备注”中说明原因。");
    }
}
