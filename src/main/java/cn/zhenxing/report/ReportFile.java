package cn.zhenxing.report;

import cn.zhenxing.warehouse.Quarter;
import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A rendered report's file name, {@code <name>-<period>[-<region>].pdf|xlsx}: the one place that
 * writes it ({@link #fileName()}) and reads it back ({@link #parse}).
 *
 * @param region a city edition's region code, or null for the province's
 * @param format pdf or xlsx
 */
public record ReportFile(ReportName name, Quarter period, String region, String format) {

    static final Pattern NAME = Pattern.compile("(" + Arrays.stream(ReportName.values()).map(n -> Pattern.quote(n.code())).collect(Collectors.joining("|"))
            + ")-(" + Quarter.CODE_REGEX + ")(?:-(\\d{6}))?\\.(pdf|xlsx)");

    public ReportFile {
        if (!format.equals("pdf") && !format.equals("xlsx")) {
            throw new IllegalArgumentException("Unknown format '" + format + "': pdf or xlsx");
        }
    }

    public String fileName() {
        return name.code() + "-" + period.code() + (region == null ? "" : "-" + region) + "." + format;
    }

    /**
     * The Chinese name a download is saved under (革命老区振兴发展季度监测报告_2025年第四季度_长治市版.pdf);
     * the ASCII {@link #fileName()} stays the name on disk and in URLs.
     *
     * @param regionName the city edition's city name, ignored for a province edition
     */
    public String downloadName(String regionName) {
        String title = name.titleZh().replaceFirst("^山西省", "").replaceAll("[“”]", "");
        return title + "_" + period.labelZh() + (region == null ? "" : "_" + (regionName == null ? region : regionName) + "版") + "." + format;
    }

    /** The file name's report, or empty for any other name. */
    public static Optional<ReportFile> parse(String fileName) {
        Matcher m = NAME.matcher(fileName);
        return m.matches() ? Optional.of(new ReportFile(ReportName.of(m.group(1)), Quarter.parse(m.group(2)), m.group(3), m.group(4)))
                : Optional.empty();
    }

    @Override
    public String toString() {
        return fileName();
    }
}
