package cn.zhenxing.report;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How reports treat figures from data not yet approved in the review round (逐级审核).
 *
 * @param preliminary {@code mark} (default): such figures are shown and marked 初步数 (PDF column 审核,
 *                    XLSX column 审核); {@code omit}: they are left out and the data note names the units
 *                    whose figures are missing
 */
@ConfigurationProperties("zhenxing.reports")
public record ReportSettings(Preliminary preliminary) {

    /** What a report does with a 初步数. */
    public enum Preliminary { MARK, OMIT }

    public ReportSettings {
        if (preliminary == null) {
            preliminary = Preliminary.MARK;
        }
    }
}
