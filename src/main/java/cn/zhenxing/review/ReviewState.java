package cn.zhenxing.review;

import java.util.Arrays;

/** Where a unit's quarter stands in the review round; {@link #code} is what ops_review_event and int_review_state hold. */
public enum ReviewState {
    UNSUBMITTED("unsubmitted", "未报送"),
    SUBMITTED("submitted", "已报送（待审核）"),
    CITY_APPROVED("city_approved", "市级已审核"),
    PROVINCE_APPROVED("province_approved", "省级已审核（锁定）"),
    RETURNED("returned", "已退回");

    private final String code;
    private final String labelZh;

    ReviewState(String code, String labelZh) {
        this.code = code;
        this.labelZh = labelZh;
    }

    public String code() {
        return code;
    }

    public String labelZh() {
        return labelZh;
    }

    public static ReviewState ofCode(String code) {
        return Arrays.stream(values()).filter(s -> s.code.equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown review state " + code));
    }

    /** The state a user names by code, English name or Chinese label (e.g. 已退回, returned). */
    public static ReviewState parse(String text) {
        String t = text == null ? "" : text.strip();
        return Arrays.stream(values()).filter(s -> s.code.equalsIgnoreCase(t) || s.name().equalsIgnoreCase(t) || s.labelZh.equals(t)
                        || s.labelZh.startsWith(t) && !t.isEmpty())
                .findFirst().orElseThrow(() -> new IllegalArgumentException("审核状态“" + text + "”无法识别，可选："
                        + String.join("、", Arrays.stream(values()).map(ReviewState::labelZh).toList()) + "。"));
    }
}
