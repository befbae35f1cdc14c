package cn.zhenxing.review;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;

/**
 * One 表1 value of a version as a reviewer weighs it: against last year (the 上年同期值 typed and the
 * warehouse's value a year earlier) and against the same indicator in the sibling regions (the other
 * counties of the city, or the other cities), with the unit's 说明 and the data-quality mart's warnings.
 *
 * @param peers the sibling values (empty for the province, or when none reported)
 */
public record ComparedValue(String regionCode, String regionName, String indicatorCode, String indicatorName, String unit,
                            BigDecimal value, BigDecimal priorYearValue, BigDecimal lastYearValue, BigDecimal changePct, String note,
                            String qualityNote, String peersLabelZh, List<BigDecimal> peers) {

    public ComparedValue {
        peers = peers.stream().sorted().toList();
    }

    public int peerCount() {
        return peers.size();
    }

    public BigDecimal peerMin() {
        return peers.isEmpty() ? null : peers.get(0);
    }

    public BigDecimal peerMax() {
        return peers.isEmpty() ? null : peers.get(peers.size() - 1);
    }

    public BigDecimal peerMedian() {
        int n = peers.size();
        if (n == 0) {
            return null;
        }
        return n % 2 == 1 ? peers.get(n / 2) : peers.get(n / 2 - 1).add(peers.get(n / 2)).divide(BigDecimal.valueOf(2), MathContext.DECIMAL64);
    }

    /** How far the value lies from the siblings' median, in % of the median (null without both). */
    public BigDecimal fromMedianPct() {
        BigDecimal median = peerMedian();
        if (value == null || median == null || median.signum() == 0) {
            return null;
        }
        return value.subtract(median).multiply(BigDecimal.valueOf(100)).divide(median.abs(), 1, RoundingMode.HALF_UP);
    }

    /** Whether the value lies outside every sibling's: above the highest or below the lowest. */
    public boolean outsidePeers() {
        return value != null && peers.size() >= 2 && (value.compareTo(peerMax()) > 0 || value.compareTo(peerMin()) < 0);
    }
}
