package cn.zhenxing.ingest;

import cn.zhenxing.form.FormContent;
import cn.zhenxing.form.FormDefinition;
import cn.zhenxing.form.ReadForm;
import cn.zhenxing.warehouse.Quarter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A small unit's form content and hand-made rows for the pure checks' tests (no database). */
final class CheckFixtures {

    static final FormDefinition DEF = FormDefinition.load();
    static final FormContent.Unit UNIT = new FormContent.Unit(7, "140400", "长治市", "city", "140400");

    static final FormContent.Explanation LEVEL = new FormContent.Explanation("报告期末的水平。", "undefined", "level", "level", null,
            "non_negative", null, null, null, null);
    static final FormContent.IndicatorRow GDP = new FormContent.IndicatorRow("140400", "长治市", 1, "GDP01", "地区生产总值", "亿元",
            false, "level", true, LEVEL, null);
    static final FormContent.IndicatorRow URBAN = new FormContent.IndicatorRow("140400", "长治市", 2, "URB01", "常住人口城镇化率", "%",
            false, "level", true, LEVEL, null);
    static final FormContent.IndicatorRow COUNTY = new FormContent.IndicatorRow("140402", "潞州区", 1, "GDP01", "地区生产总值", "亿元",
            false, "level", false, LEVEL, null);

    static final FormContent CONTENT = new FormContent(UNIT, new Quarter(2025, 3), java.time.LocalDate.of(2025, 10, 15), List.of(GDP, URBAN, COUNTY),
            List.of(new FormContent.TaskRow(1, "T01", "推进产业转型", "市发改委"), new FormContent.TaskRow(2, "T02", "整治农村环境", "市农业农村局")),
            List.of(new FormContent.ProjectRow(1, "P001", "长治光伏产业园"), new FormContent.ProjectRow(2, "P002", "太焦高铁长治段")));

    private CheckFixtures() {
    }

    /** A data row from alternating column keys and values. */
    static ReadForm.TableRow row(int rowNo, String... keysAndValues) {
        Map<String, String> cells = new HashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            cells.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return new ReadForm.TableRow(rowNo, cells);
    }

    static ReadForm.TableRow indicator(int rowNo, FormContent.IndicatorRow spec, String value, String... more) {
        String[] base = {"region_code", spec.regionCode(), "region_name", spec.regionName(), "indicator_code", spec.indicatorCode(),
                "indicator_name", spec.indicatorName(), "unit", spec.unit(), "value", value};
        String[] all = new String[base.length + more.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return row(rowNo, all);
    }
}
