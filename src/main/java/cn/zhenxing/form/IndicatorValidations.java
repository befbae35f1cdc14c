package cn.zhenxing.form;

import cn.zhenxing.form.FormContent.IndicatorRow;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.DataValidationConstraint.OperatorType;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.usermodel.XSSFSheet;

/**
 * 表1's data validations and input prompts, per row from the catalog's {@code value_range}: 0–100 for
 * shares, whole numbers for counts, non-negative levels, signed growth rates; the prompt names the
 * unit and the 口径. Consecutive rows with the same rule share one validation (rows are grouped by
 * indicator, so that is one per indicator and column).
 */
final class IndicatorValidations {

    static final String MAX = FormValidations.NUMBER_MAX;
    /** Units whose parts are counted: a ratio's numerator or denominator in these is a whole number. */
    private static final Set<String> WHOLE_PARTS = Set.of("个", "天", "人", "件", "户", "所", "家", "座", "项", "条");
    private static final Pattern PART_UNIT = Pattern.compile("[(（]([^()（）]+)[)）]$");

    private IndicatorValidations() {}

    /** A ratio's parts as the form names them: 城镇常住人口(万人)／常住人口(万人). */
    static String parts(IndicatorRow row) {
        FormContent.Explanation e = row.explanation();
        return e.numeratorName() == null ? null : e.numeratorName() + "／" + e.denominatorName();
    }

    /** What one validation says: constraint and the texts of its prompt and error boxes. */
    record Rule(String range, boolean whole, String promptTitle, String prompt, String error) {}

    static void write(XSSFSheet sheet, FormDefinition.Table table, FormContent content, List<IndicatorRow> rows, int firstRow) {
        String lastYearLabel = content.period().yearAgo().labelZh();
        ranges(sheet, table.column("value").index(), rows, firstRow, r -> valueRule(r, "本期值", content, null));
        ranges(sheet, table.column("prior_value").index(), rows, firstRow, r -> r.lastYear() != null ? null
                : valueRule(r, "上年同期值", content, "系统中没有" + r.regionName() + lastYearLabel + "已审核的数据，请按上年统计数据填写。"));
        ranges(sheet, table.column("numerator").index(), rows, firstRow, r -> partRule(r.ratio() ? r.explanation().numeratorName() : null, "分子值"));
        ranges(sheet, table.column("denominator").index(), rows, firstRow, r -> partRule(r.ratio() ? r.explanation().denominatorName() : null, "分母值"));
    }

    private static Rule valueRule(IndicatorRow row, String header, FormContent content, String first) {
        FormContent.Explanation e = row.explanation();
        String basis = e.basisZh(content.period());
        String range = e.valueRange() == null ? "non_negative" : e.valueRange();
        String what = switch (range) {
            case "share" -> "填写0到100之间的数字，如65.3%填65.3，不带%号";
            case "count" -> "填写不小于0的整数";
            case "signed" -> "填写-100到1000之间的数字，下降时填负数，不带%号";
            default -> "填写不小于0的数字";
        };
        String prompt = (first == null ? "" : first) + "计量单位：" + row.unit() + "；口径：" + basis + "。" + what + "。";
        return new Rule(range, range.equals("count"), header + "（" + row.unit() + "）",
                prompt, row.indicatorName() + "：" + what + "，不要带单位或文字（计量单位：" + row.unit() + "）。");
    }

    private static Rule partRule(String name, String header) {
        if (name == null) {
            return null;
        }
        Matcher m = PART_UNIT.matcher(name);
        String unit = m.find() ? m.group(1) : "";
        boolean whole = WHOLE_PARTS.contains(unit);
        String what = whole ? "填写不小于0的整数" : "填写不小于0的数字";
        return new Rule("non_negative", whole, header + (unit.isEmpty() ? "" : "（" + unit + "）"), name + "：" + what + "。",
                name + "：" + what + "，不要带单位或文字。");
    }

    /** One validation per run of consecutive rows whose rule is equal; rows without a rule get none. */
    private static void ranges(XSSFSheet sheet, int col, List<IndicatorRow> rows, int firstRow, Function<IndicatorRow, Rule> ruleOf) {
        int start = 0;
        while (start < rows.size()) {
            Rule rule = ruleOf.apply(rows.get(start));
            int end = start;
            while (end + 1 < rows.size() && Objects.equals(ruleOf.apply(rows.get(end + 1)), rule)) {
                end++;
            }
            if (rule != null) {
                add(sheet, rule, firstRow + start, firstRow + end, col);
            }
            start = end + 1;
        }
    }

    private static void add(XSSFSheet sheet, Rule rule, int firstRow, int lastRow, int col) {
        DataValidationHelper helper = sheet.getDataValidationHelper();
        String min = switch (rule.range()) {
            case "signed" -> "-100";
            default -> "0";
        };
        String max = switch (rule.range()) {
            case "share" -> "100";
            case "signed" -> "1000";
            default -> MAX;
        };
        DataValidationConstraint constraint = rule.whole()
                ? helper.createIntegerConstraint(OperatorType.BETWEEN, min, max)
                : helper.createDecimalConstraint(OperatorType.BETWEEN, min, max);
        DataValidation v = helper.createValidation(constraint, new CellRangeAddressList(firstRow, lastRow, col, col));
        v.setErrorStyle(DataValidation.ErrorStyle.STOP);
        v.createErrorBox("请输入" + (rule.whole() ? "整数" : "数字"), cut(rule.error(), 255));
        v.setShowErrorBox(true);
        v.createPromptBox(cut(rule.promptTitle(), 32), cut(rule.prompt(), 255));
        v.setShowPromptBox(true);
        v.setEmptyCellAllowed(true);
        sheet.addValidationData(v);
    }

    /** Excel refuses longer prompt titles (32) and texts (255). */
    private static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
