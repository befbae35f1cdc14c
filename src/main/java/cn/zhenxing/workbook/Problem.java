package cn.zhenxing.workbook;

/**
 * One finding in a received file, for the submitter: where (sheet, cell), which row in words
 * (region and indicator/task names, never internal ids), what is wrong and how to fix it.
 */
public record Problem(Severity severity, String sheet, String cell, String contextZh, String messageZh, String fixZh, Rule rule) {

    public enum Severity { ERROR, WARNING }

    /**
     * The validation rule (etl/rules) behind a finding, the row it is about and, for a 核实 finding,
     * the 说明 that was accepted; null for the form's own checks.
     */
    public record Rule(String code, String nameZh, String severityZh, String regionCode, String itemCode, String explanationZh) {}

    public Problem(Severity severity, String sheet, String cell, String contextZh, String messageZh, String fixZh) {
        this(severity, sheet, cell, contextZh, messageZh, fixZh, null);
    }

    public static Problem error(String sheet, String cell, String context, String message, String fix) {
        return new Problem(Severity.ERROR, sheet, cell, context, message, fix);
    }

    public static Problem warning(String sheet, String cell, String context, String message, String fix) {
        return new Problem(Severity.WARNING, sheet, cell, context, message, fix);
    }

    public static Problem finding(Severity severity, String sheet, String cell, String context, String message, String fix, Rule rule) {
        return new Problem(severity, sheet, cell, context, message, fix, rule);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** One line as printed by the CLI and listed in the feedback workbook. */
    public String describeZh() {
        StringBuilder s = new StringBuilder(isError() ? "错误" : "提示");
        if (sheet != null) {
            s.append(" [").append(sheet).append(cell != null ? " " + cell : "").append("]");
        }
        if (contextZh != null) {
            s.append(" ").append(contextZh).append("：");
        } else {
            s.append(" ");
        }
        s.append(messageZh);
        if (fixZh != null) {
            s.append(" 修改方法：").append(fixZh);
        }
        return s.toString();
    }
}
