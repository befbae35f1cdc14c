package cn.zhenxing.security;

import java.time.LocalDateTime;

/** One row of the security audit log: who, role, address, what, target, when, outcome. */
public record SecurityEvent(long id, LocalDateTime occurredAt, String username, String role, String address, SecurityAction action,
                            String target, Outcome outcome, String detail) {

    public enum Outcome {
        SUCCESS("成功"), FAILURE("失败"), REFUSED("拒绝");

        private final String labelZh;

        Outcome(String labelZh) {
            this.labelZh = labelZh;
        }

        public String labelZh() {
            return labelZh;
        }
    }
}
