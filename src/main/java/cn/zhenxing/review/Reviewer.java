package cn.zhenxing.review;

import cn.zhenxing.account.PortalUser;

/** Who acts in the round: a portal account's name, role and unit (a reviewer's unit is the one it reviews for). */
public record Reviewer(String username, String name, PortalUser.Role role, String unitCode) {

    public static Reviewer of(PortalUser user) {
        return new Reviewer(user.username(), user.displayName(), user.role(), user.unitCode());
    }
}
