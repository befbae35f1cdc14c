package cn.zhenxing.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The reviewer's comparison with the sibling regions: median, range, distance, outside all of them. */
class ComparedValueTest {

    static ComparedValue value(String value, String... peers) {
        return new ComparedValue("140322", "盂县", "FYP14-03", "规上工业企业数量", "户", new BigDecimal(value), null, null, null, null, null,
                "同市其他县（市、区）", java.util.Arrays.stream(peers).map(BigDecimal::new).toList());
    }

    @Test
    void theMedianOfAnEvenOrOddNumberOfSiblingsAndTheDistanceFromIt() {
        ComparedValue odd = value("150", "120", "80", "100");
        assertThat(odd.peerCount()).isEqualTo(3);
        assertThat(odd.peerMedian()).isEqualByComparingTo("100");
        assertThat(odd.peerMin()).isEqualByComparingTo("80");
        assertThat(odd.peerMax()).isEqualByComparingTo("120");
        assertThat(odd.fromMedianPct()).isEqualByComparingTo("50.0");
        assertThat(odd.outsidePeers()).isTrue();
        ComparedValue even = value("95", "120", "80", "100", "90");
        assertThat(even.peerMedian()).isEqualByComparingTo("95");
        assertThat(even.fromMedianPct()).isEqualByComparingTo("0.0");
        assertThat(even.outsidePeers()).isFalse();
        assertThat(value("79.9", "80", "100").outsidePeers()).isTrue();
    }

    @Test
    void withoutSiblingsThereIsNothingToCompare() {
        ComparedValue alone = value("10");
        assertThat(alone.peerCount()).isZero();
        assertThat(alone.peerMedian()).isNull();
        assertThat(alone.fromMedianPct()).isNull();
        assertThat(alone.outsidePeers()).isFalse();
        // One sibling is no range to lie outside of; a zero median gives no percentage.
        assertThat(value("10", "5").outsidePeers()).isFalse();
        assertThat(value("10", "0").fromMedianPct()).isNull();
        assertThat(List.of(value("1", "3", "2").peers())).containsExactly(List.of(new BigDecimal("2"), new BigDecimal("3")));
    }
}
