package cn.zhenxing.report;

import java.util.Arrays;

/** The quarterly reports Zhenxing renders. */
public enum ReportName {
    REVITALIZATION("revitalization", "山西省革命老区振兴发展季度监测报告"),
    YELLOW_RIVER("yellow-river", "山西省黄河流域生态保护和高质量发展季度监测报告"),
    FYP_INDICATORS("fyp-indicators", "“十四五”规划主要指标监测季报"),
    COMPLETENESS("completeness", "数据报送情况通报");

    private final String code;
    private final String titleZh;

    ReportName(String code, String titleZh) {
        this.code = code;
        this.titleZh = titleZh;
    }

    public String code() {
        return code;
    }

    public String titleZh() {
        return titleZh;
    }

    public static ReportName of(String code) {
        return Arrays.stream(values()).filter(n -> n.code.equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("没有名为“" + code + "”的报告，可选：revitalization（革命老区振兴）、yellow-river（黄河流域）、"
                        + "fyp-indicators（“十四五”主要指标）、completeness（报送情况）。"));
    }
}
