package cn.zhenxing.review;

import java.time.LocalDateTime;

/**
 * A unit's quarter as the round sees it: its state, the current version (null while 未报送), since when
 * it is in that state, the latest 审核意见 on any version of the quarter, and who reviews it.
 */
public record UnitReview(String periodCode, String unitCode, String unitName, ReviewState state, Integer version, Long submissionId,
                         LocalDateTime since, String lastReasonZh, ReviewChain chain) {

    /** The city whose units it belongs to for the reviewers' filter: the city unit of a county, else itself. */
    public String cityUnitCode() {
        return chain.steps().get(0).level() == ReviewChain.Level.CITY ? chain.steps().get(0).reviewerUnitCode() : unitCode;
    }

    /** Whether {@code who} reviews this unit at some level (may see it and its history). */
    public boolean reviewableBy(Reviewer who) {
        return ReviewRules.levelOf(chain, who) >= 0;
    }

    /** Whether the rules allow {@code who} the action now (the portal shows only the buttons that work). */
    public boolean allows(ReviewAction action, Reviewer who) {
        try {
            ReviewRules.decide(chain, state, action, who, "-");
            return true;
        } catch (ReviewRefusedException e) {
            return false;
        }
    }

    /** Whether {@code who} may approve it now (it is in the actor's queue). */
    public boolean awaits(Reviewer who) {
        if (state != ReviewState.SUBMITTED && state != ReviewState.CITY_APPROVED) {
            return false;
        }
        int level = ReviewRules.levelOf(chain, who);
        return level >= 0 && level == chain.approvedLevels(state);
    }
}
