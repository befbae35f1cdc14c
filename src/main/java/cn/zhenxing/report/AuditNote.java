package cn.zhenxing.report;

import cn.zhenxing.warehouse.Quarter;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The data note's sentence on 数据审核: how many findings the validation rules (etl/rules) keep for the
 * quarter's accepted data, and each 核实 finding the units explained, with the 说明 and who gave it,
 * so a reader knows which unusual figures were confirmed and why.
 */
@Component
class AuditNote {

    /** More than this many explained findings are counted, not listed. */
    static final int LISTED = 8;

    private final ReportQueries queries;

    AuditNote(ReportQueries queries) {
        this.queries = queries;
    }

    String sentence(Quarter q, List<String> cities) {
        List<Map<String, Object>> findings = queries.list("auditFindings", q, Map.of("cities", ReportQueries.withProvince(cities)));
        if (findings.isEmpty()) {
            return "数据审核：本期已接收数据经审核规则检查，未发现问题。";
        }
        List<Map<String, Object>> explained = findings.stream().filter(f -> f.get("explanation_zh") != null).toList();
        StringBuilder s = new StringBuilder("数据审核：本期已接收数据经审核规则检查，有").append(findings.size()).append("处需关注");
        if (!explained.isEmpty()) {
            s.append("，其中").append(explained.size()).append("处为核实性问题，填报单位已说明原因：");
            for (int i = 0; i < Math.min(LISTED, explained.size()); i++) {
                Map<String, Object> f = explained.get(i);
                s.append(i == 0 ? "" : "；").append(f.get("region_name")).append("“").append(f.get("item_name")).append("”")
                        .append(strip((String) f.get("message_zh"))).append("，说明：").append(strip((String) f.get("explanation_zh")))
                        .append("（").append(f.get("unit_name") == null ? "" : f.get("unit_name"))
                        .append(f.get("filler") == null ? "" : "，填表人" + f.get("filler")).append("）");
            }
            if (explained.size() > LISTED) {
                s.append("等");
            }
        }
        long unexplained = findings.size() - explained.size();
        if (unexplained > 0) {
            s.append(explained.isEmpty() ? "" : "；").append("另有").append(unexplained)
                    .append("处未说明，详见数据质量表，已请有关单位核实");
        }
        return s.append("。").toString();
    }

    /** A finding's message without its closing 。, to sit inside the sentence. */
    private static String strip(String text) {
        return text == null ? "" : text.replaceAll("[。；;\\s]+$", "");
    }
}
