package cn.zhenxing.report;

import static cn.zhenxing.report.Sentences.integer;
import static cn.zhenxing.report.Sentences.number;

import cn.zhenxing.report.ReportDocument.Chart;
import cn.zhenxing.report.ReportDocument.Section;
import cn.zhenxing.report.ReportDocument.Table;
import cn.zhenxing.report.ReportRows.ChartPoint;
import cn.zhenxing.report.ReportRows.UnitRow;
import cn.zhenxing.warehouse.Quarter;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Who reported: the units' table and the province's rates over the year. */
@Component
class SubmissionSections {

    private final ReportQueries queries;

    SubmissionSections(ReportQueries queries) {
        this.queries = queries;
    }

    /** @param reportDate days overdue count to it */
    Section completenessSection(String heading, Quarter q, LocalDate reportDate, List<String> cities) {
        List<UnitRow> rows = new ArrayList<>();
        int expected = 0;
        int accepted = 0;
        for (Map<String, Object> r : queries.completeness(q, reportDate, cities)) {
            Object first = r.get("first_accepted_received_at") != null ? r.get("first_accepted_received_at") : r.get("first_received_at");
            rows.add(new UnitRow((String) r.get("unit_name"), Sentences.date(r.get("deadline")), (String) r.get("status_zh"),
                    Sentences.dateTime(first), integer(r.get("days_late")), integer(r.get("rejected_count")),
                    integer(r.get("versions"))));
            expected++;
            if (((Number) r.get("versions")).intValue() > 0) {
                accepted++;
            }
        }
        String text = rows.isEmpty() ? "本期尚无报送记录。" : "应报单位" + expected + "个，已接收" + accepted + "个。";
        return new Section(heading, text, null, rows.isEmpty() ? null : new Table("completeness-table", "报送情况", rows));
    }

    Chart trendRates(Quarter q) {
        List<ChartPoint> rows = new ArrayList<>();
        for (Map<String, Object> r : queries.list("provinceRateTrend", q, Map.of())) {
            rows.add(new ChartPoint("报送率", (String) r.get("period_code"), number(r.get("reporting_rate"))));
            rows.add(new ChartPoint("及时率", (String) r.get("period_code"), number(r.get("on_time_rate"))));
        }
        return rows.size() < 4 ? null : new Chart("line-chart", "全省报送率与及时率，" + q.year() + "年各季度（%）", "%", rows);
    }
}
