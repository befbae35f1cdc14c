package cn.zhenxing.workbook;

/**
 * One finding in a received file, for the submitter: where (sheet, cell), which row in words
 * (region and indicator/task names, never internal ids), what is wrong and how to fix it.
 */
public record Problem(Severity severity, String sheet, String cell, String contextZh, String messageZh, String fixZh) {

    public enum Severity { ERROR, WARNING }

    public static Problem error(String sheet, String cell, String context, String message, String fix) {
        return new Problem(Severity.ERROR, sheet, cell, context, message, fix);
    }

    public static Problem warning(String sheet, String cell, String context, String message, String fix) {
        return new Problem(Severity.WARNING, sheet, cell, context, message, fix);
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
