package cn.zhenxing.review;

import java.time.LocalDateTime;

/** One row of ops_review_event: who (account, name, role, unit) did what to which version, when, and why. */
public record ReviewEvent(long eventId, long submissionId, int version, ReviewAction action, ReviewChain.Level level, ReviewState from,
                          ReviewState to, String reasonZh, String actorUsername, String actorName, String actorRole, String actorUnitCode,
                          LocalDateTime at) {
}
