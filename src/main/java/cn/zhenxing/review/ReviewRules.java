package cn.zhenxing.review;

import cn.zhenxing.account.PortalUser;
import java.util.stream.Collectors;

/**
 * The state machine of the round, a pure function of the unit's chain, its state, the action and the
 * actor (after DHIS2's data approval): a level approves only after the level below it approved; a
 * level may withdraw its approval (撤销) only while the level above has not approved; a return (退回,
 * with a reason) is open to any level no higher level has approved above; nothing is possible before
 * a version is submitted or after a return until the unit resubmits.
 */
final class ReviewRules {

    /** What an allowed action does: the level acting and the state before and after. */
    record Decision(ReviewChain.Step step, ReviewState from, ReviewState to) {
    }

    private ReviewRules() {
    }

    static Decision decide(ReviewChain chain, ReviewState state, ReviewAction action, Reviewer who, String reason) {
        int level = levelOf(chain, who);
        if (level < 0) {
            throw new ReviewRefusedException(notYours(chain, who));
        }
        ReviewChain.Step step = chain.steps().get(level);
        if (state == ReviewState.UNSUBMITTED) {
            throw new ReviewRefusedException(chain.unitName() + "本期尚未报送，没有可审核的报表。");
        }
        if (state == ReviewState.RETURNED) {
            throw new ReviewRefusedException(chain.unitName() + "本期的报表已退回，须等该单位重新报送后再审核。");
        }
        int approved = chain.approvedLevels(state);
        int top = chain.steps().size();
        return switch (action) {
            case APPROVE -> {
                if (approved == top) {
                    throw new ReviewRefusedException(chain.unitName() + "本期已经省级审核（锁定），无需再审核。");
                }
                if (level < approved) {
                    throw new ReviewRefusedException(chain.unitName() + "本期的报表已经" + step.level().labelZh() + "审核通过。");
                }
                if (level > approved) {
                    throw new ReviewRefusedException(chain.unitName() + "本期的报表须先由" + chain.steps().get(approved).reviewerUnitName()
                            + "审核通过，" + step.level().labelZh() + "才能审核。");
                }
                yield new Decision(step, state, chain.stateAfter(approved + 1));
            }
            case UNAPPROVE -> {
                if (level >= approved) {
                    throw new ReviewRefusedException(chain.unitName() + "本期的报表" + step.level().labelZh() + "尚未审核通过，没有可撤销的审核。");
                }
                if (level < approved - 1) {
                    throw new ReviewRefusedException(aboveApproved(chain, approved));
                }
                yield new Decision(step, state, chain.stateAfter(approved - 1));
            }
            case RETURN -> {
                if (reason == null || reason.isBlank()) {
                    throw new ReviewRefusedException("退回须写明审核意见（退回的理由和需要修改之处）。");
                }
                if (level < approved - 1) {
                    throw new ReviewRefusedException(aboveApproved(chain, approved));
                }
                yield new Decision(step, state, ReviewState.RETURNED);
            }
        };
    }

    /** The step the actor may act at for this unit, or -1: a city's reviewer at its counties' city level; the province's reviewers and the administrator at the province level, the province's own unit only by the administrator. */
    static int levelOf(ReviewChain chain, Reviewer who) {
        for (int i = chain.steps().size() - 1; i >= 0; i--) {
            ReviewChain.Step step = chain.steps().get(i);
            boolean may = switch (step.level()) {
                case CITY -> who.role() == PortalUser.Role.REVIEWER && step.reviewerUnitCode().equals(who.unitCode());
                case PROVINCE -> who.role() == PortalUser.Role.ADMIN
                        || who.role() == PortalUser.Role.REVIEWER && chain.provinceUnitCode().equals(who.unitCode()) && !chain.isProvinceUnit();
            };
            if (may) {
                return i;
            }
        }
        return -1;
    }

    private static String notYours(ReviewChain chain, Reviewer who) {
        String reviewers = chain.isProvinceUnit() ? "省级管理员" : chain.steps().stream().map(ReviewChain.Step::reviewerUnitName)
                .collect(Collectors.joining("、再由"));
        String tail = chain.unitName() + "的报表由" + reviewers + "审核。";
        if (who.role() == PortalUser.Role.STATISTICIAN) {
            return "统计员不能审核报表（包括本单位的报表）；" + tail;
        }
        if (who.role() == PortalUser.Role.REVIEWER && chain.unitCode().equals(who.unitCode())) {
            return "不能审核本单位的报表；" + tail;
        }
        return "您没有审核" + chain.unitName() + "报表的权限；" + tail;
    }

    private static String aboveApproved(ReviewChain chain, int approved) {
        ReviewChain.Step above = chain.steps().get(approved - 1);
        return chain.unitName() + "本期的报表已经" + above.level().labelZh() + "审核通过，本级不能再撤销或退回；如需修改请联系"
                + above.reviewerUnitName() + "退回。";
    }
}
