package cn.zhenxing.audit;

import cn.zhenxing.workbook.Problem;
import java.math.BigDecimal;

/**
 * A row that breaks a rule, with the numbers involved. {@code explanation}: the row's 说明 when it
 * counts as one (then a 核实 finding is accepted and kept on record), else null.
 */
public record Finding(Rule rule, String sheet, String cell, String regionCode, String regionName, String itemCode, String itemName,
                      BigDecimal left, BigDecimal right, String messageZh, String fixZh, String note, String explanation,
                      String unitCode, Long submissionId) {

    /** A 强制 finding always blocks the file; a 核实 one unless it was explained. */
    public boolean blocks() {
        return rule.severity() == Rule.Severity.MANDATORY || explanation == null;
    }

    /** The finding as the submitter reads it in the feedback and the portal. */
    public Problem problem(Explanations policy) {
        String context = regionName == null ? itemName : regionName + "“" + itemName + "”";
        Problem.Rule ref = new Problem.Rule(rule.code(), rule.nameZh(), rule.severity().zh, regionCode, itemCode, explanation);
        String message = "【" + rule.severity().zh + "性审核 " + rule.code() + " " + rule.nameZh() + "】" + messageZh;
        if (rule.severity() == Rule.Severity.MANDATORY) {
            return Problem.finding(Problem.Severity.ERROR, sheet, cell, context, message, fixZh, ref);
        }
        if (explanation == null) {
            String given = note == null ? "" : "备注“" + note.strip() + "”不是具体说明。";
            return Problem.finding(Problem.Severity.ERROR, sheet, cell, context, message + given,
                    fixZh + policy.requestZh(), ref);
        }
        return Problem.finding(Problem.Severity.WARNING, sheet, cell, context, message + "已说明：" + explanation, null, ref);
    }
}
