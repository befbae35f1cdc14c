package cn.zhenxing.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.zhenxing.account.PortalUser.Role;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every transition of the round, allowed and refused, for a county, a city and the province's own unit. */
class ReviewRulesTest {

    static final ReviewChain.Step YANGQUAN = new ReviewChain.Step(ReviewChain.Level.CITY, "140300", "阳泉市发展和改革委员会");
    static final ReviewChain.Step PROVINCE = new ReviewChain.Step(ReviewChain.Level.PROVINCE, "140000", "山西省发展和改革委员会");
    static final ReviewChain YUXIAN = new ReviewChain("140322", "盂县发展和改革局", "140000", List.of(YANGQUAN, PROVINCE));
    static final ReviewChain CHANGZHI = new ReviewChain("140400", "长治市发展和改革委员会", "140000", List.of(PROVINCE));
    static final ReviewChain SHANXI = new ReviewChain("140000", "山西省发展和改革委员会", "140000", List.of(PROVINCE));

    static final Reviewer CITY = new Reviewer("yq-review", "阳泉审核员", Role.REVIEWER, "140300");
    static final Reviewer OTHER_CITY = new Reviewer("cz-review", "长治审核员", Role.REVIEWER, "140400");
    static final Reviewer PROV = new Reviewer("sx-review", "省审核员", Role.REVIEWER, "140000");
    static final Reviewer ADMIN = new Reviewer("admin", "管理员", Role.ADMIN, null);
    static final Reviewer YUXIAN_STAT = new Reviewer("yx", "盂县统计员", Role.STATISTICIAN, "140322");
    static final Reviewer CHANGZHI_STAT = new Reviewer("cz", "长治统计员", Role.STATISTICIAN, "140400");
    static final Reviewer LEADER = new Reviewer("leader", "领导", Role.LEADER, null);

    static ReviewState to(ReviewChain chain, ReviewState from, ReviewAction action, Reviewer who) {
        ReviewRules.Decision d = ReviewRules.decide(chain, from, action, who, action == ReviewAction.RETURN ? "请核实GDP" : null);
        assertThat(d.from()).isEqualTo(from);
        return d.to();
    }

    static void refused(ReviewChain chain, ReviewState from, ReviewAction action, Reviewer who, String because) {
        assertThatThrownBy(() -> ReviewRules.decide(chain, from, action, who, "理由")).as(chain.unitCode() + " " + from + " " + action + " " + who.username())
                .isInstanceOf(ReviewRefusedException.class).hasMessageContaining(because);
    }

    @Test
    void aCountyIsApprovedByItsCityThenTheProvince() {
        assertThat(to(YUXIAN, ReviewState.SUBMITTED, ReviewAction.APPROVE, CITY)).isEqualTo(ReviewState.CITY_APPROVED);
        assertThat(to(YUXIAN, ReviewState.CITY_APPROVED, ReviewAction.APPROVE, PROV)).isEqualTo(ReviewState.PROVINCE_APPROVED);
        assertThat(to(YUXIAN, ReviewState.CITY_APPROVED, ReviewAction.APPROVE, ADMIN)).isEqualTo(ReviewState.PROVINCE_APPROVED);
        // The province approves only after the city did; the city approves only once.
        refused(YUXIAN, ReviewState.SUBMITTED, ReviewAction.APPROVE, PROV, "须先由阳泉市发展和改革委员会审核通过");
        refused(YUXIAN, ReviewState.SUBMITTED, ReviewAction.APPROVE, ADMIN, "须先由阳泉市发展和改革委员会审核通过");
        refused(YUXIAN, ReviewState.CITY_APPROVED, ReviewAction.APPROVE, CITY, "已经市级审核通过");
        refused(YUXIAN, ReviewState.PROVINCE_APPROVED, ReviewAction.APPROVE, PROV, "已经省级审核（锁定）");
        refused(YUXIAN, ReviewState.PROVINCE_APPROVED, ReviewAction.APPROVE, CITY, "已经省级审核（锁定）");
    }

    @Test
    void anApprovalIsWithdrawnOnlyWhileTheLevelAboveHasNotApproved() {
        assertThat(to(YUXIAN, ReviewState.CITY_APPROVED, ReviewAction.UNAPPROVE, CITY)).isEqualTo(ReviewState.SUBMITTED);
        assertThat(to(YUXIAN, ReviewState.PROVINCE_APPROVED, ReviewAction.UNAPPROVE, PROV)).isEqualTo(ReviewState.CITY_APPROVED);
        refused(YUXIAN, ReviewState.PROVINCE_APPROVED, ReviewAction.UNAPPROVE, CITY, "已经省级审核通过，本级不能再撤销或退回");
        refused(YUXIAN, ReviewState.SUBMITTED, ReviewAction.UNAPPROVE, CITY, "市级尚未审核通过");
        refused(YUXIAN, ReviewState.CITY_APPROVED, ReviewAction.UNAPPROVE, PROV, "省级尚未审核通过");
        assertThat(to(CHANGZHI, ReviewState.PROVINCE_APPROVED, ReviewAction.UNAPPROVE, PROV)).isEqualTo(ReviewState.SUBMITTED);
    }

    @Test
    void aReturnIsOpenFromEveryReviewStateToALevelNothingAboveHasApproved() {
        for (ReviewState s : List.of(ReviewState.SUBMITTED, ReviewState.CITY_APPROVED, ReviewState.PROVINCE_APPROVED)) {
            assertThat(to(YUXIAN, s, ReviewAction.RETURN, PROV)).isEqualTo(ReviewState.RETURNED);
        }
        assertThat(to(YUXIAN, ReviewState.SUBMITTED, ReviewAction.RETURN, CITY)).isEqualTo(ReviewState.RETURNED);
        assertThat(to(YUXIAN, ReviewState.CITY_APPROVED, ReviewAction.RETURN, CITY)).isEqualTo(ReviewState.RETURNED);
        refused(YUXIAN, ReviewState.PROVINCE_APPROVED, ReviewAction.RETURN, CITY, "如需修改请联系山西省发展和改革委员会退回");
        assertThat(to(CHANGZHI, ReviewState.PROVINCE_APPROVED, ReviewAction.RETURN, ADMIN)).isEqualTo(ReviewState.RETURNED);
        assertThatThrownBy(() -> ReviewRules.decide(YUXIAN, ReviewState.SUBMITTED, ReviewAction.RETURN, CITY, null))
                .isInstanceOf(ReviewRefusedException.class).hasMessageContaining("退回须写明审核意见");
        assertThatThrownBy(() -> ReviewRules.decide(YUXIAN, ReviewState.SUBMITTED, ReviewAction.RETURN, CITY, "  "))
                .isInstanceOf(ReviewRefusedException.class).hasMessageContaining("退回须写明审核意见");
    }

    @Test
    void nothingHappensBeforeASubmissionOrAfterAReturnUntilTheUnitResubmits() {
        for (ReviewAction a : ReviewAction.values()) {
            refused(YUXIAN, ReviewState.UNSUBMITTED, a, CITY, "尚未报送");
            refused(YUXIAN, ReviewState.RETURNED, a, CITY, "已退回，须等该单位重新报送");
            refused(CHANGZHI, ReviewState.RETURNED, a, PROV, "已退回");
        }
    }

    @Test
    void aCityUnitGoesToTheProvinceDirectlyAndTheProvincesOwnUnitToTheAdministrator() {
        assertThat(to(CHANGZHI, ReviewState.SUBMITTED, ReviewAction.APPROVE, PROV)).isEqualTo(ReviewState.PROVINCE_APPROVED);
        assertThat(to(CHANGZHI, ReviewState.SUBMITTED, ReviewAction.APPROVE, ADMIN)).isEqualTo(ReviewState.PROVINCE_APPROVED);
        assertThat(to(SHANXI, ReviewState.SUBMITTED, ReviewAction.APPROVE, ADMIN)).isEqualTo(ReviewState.PROVINCE_APPROVED);
        assertThat(to(SHANXI, ReviewState.PROVINCE_APPROVED, ReviewAction.UNAPPROVE, ADMIN)).isEqualTo(ReviewState.SUBMITTED);
        refused(SHANXI, ReviewState.SUBMITTED, ReviewAction.APPROVE, PROV, "不能审核本单位的报表；山西省发展和改革委员会的报表由省级管理员审核");
    }

    @Test
    void onlyTheUnitsOwnReviewersMayAct() {
        for (ReviewAction a : ReviewAction.values()) {
            for (ReviewState s : List.of(ReviewState.SUBMITTED, ReviewState.CITY_APPROVED)) {
                refused(YUXIAN, s, a, OTHER_CITY, "您没有审核盂县发展和改革局报表的权限；盂县发展和改革局的报表由阳泉市发展和改革委员会、再由山西省发展和改革委员会审核");
                refused(YUXIAN, s, a, YUXIAN_STAT, "统计员不能审核报表（包括本单位的报表）");
                refused(YUXIAN, s, a, LEADER, "您没有审核");
            }
            // A city's reviewer does not review its own city's submission: the province does.
            refused(CHANGZHI, ReviewState.SUBMITTED, a, new Reviewer("cz-review", "长治审核员", Role.REVIEWER, "140400"), "不能审核本单位的报表");
            refused(CHANGZHI, ReviewState.SUBMITTED, a, CHANGZHI_STAT, "统计员不能审核报表");
            refused(CHANGZHI, ReviewState.SUBMITTED, a, CITY, "您没有审核长治市发展和改革委员会报表的权限");
        }
    }

    @Test
    void statesAreNamedAsUsersTypeThem() {
        assertThat(ReviewState.parse("已退回")).isEqualTo(ReviewState.RETURNED);
        assertThat(ReviewState.parse("已报送")).isEqualTo(ReviewState.SUBMITTED);
        assertThat(ReviewState.parse("city_approved")).isEqualTo(ReviewState.CITY_APPROVED);
        assertThatThrownBy(() -> ReviewState.parse("通过")).hasMessageContaining("审核状态“通过”无法识别");
    }
}
