package cn.zhenxing.review;

/** What a reviewer does to a unit's current version: 审核通过, 退回 (with 审核意见), 撤销审核. */
public enum ReviewAction {
    APPROVE("approve", "审核通过"),
    RETURN("return", "退回"),
    UNAPPROVE("unapprove", "撤销审核");

    private final String code;
    private final String labelZh;

    ReviewAction(String code, String labelZh) {
        this.code = code;
        this.labelZh = labelZh;
    }

    public String code() {
        return code;
    }

    public String labelZh() {
        return labelZh;
    }
}
