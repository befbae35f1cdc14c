package cn.zhenxing.bulk;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.dhatim.fastexcel.VisibilityState;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * Writes a monitoring form workbook, streaming (fastexcel): title, header row, one row per reading row,
 * and the very hidden _meta sheet that identifies form, template version, unit and period. Used for the
 * templates, the demo's samples, the tests and the benchmark.
 */
public final class MonitoringWorkbook {

    private MonitoringWorkbook() {}

    /**
     * @param rows      each row's cells in the order of {@code form.columns()}: String, LocalDate, BigDecimal or null
     * @param overrides cells replaced by A1 reference ("E12" → "12mg/L", written as text; "" leaves the cell empty),
     *                  for files with mistakes
     */
    public static void write(Path file, MonitoringForm form, String unitCode, String period, Iterator<List<Object>> rows,
                             Map<String, String> overrides) throws IOException {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            Workbook workbook = new Workbook(out, "Zhenxing", "1.0");
            Worksheet sheet = workbook.newWorksheet(form.sheet());
            sheet.value(0, 0, form.title());
            sheet.style(0, 0).bold().fontSize(14).set();
            sheet.value(1, 0, "报告期：" + period + "    填报单位代码：" + unitCode + "    每行一个" + form.pointWord() + "一个监测日期；各监测项目均为必填。");
            int header = form.headerRow() - 1;
            List<MonitoringForm.Column> columns = form.columns();
            for (int c = 0; c < columns.size(); c++) {
                MonitoringForm.Column col = columns.get(c);
                sheet.value(header, col.index(), overrides.getOrDefault(col.col() + form.headerRow(), col.header()));
                sheet.style(header, col.index()).bold().fillColor("DDEBF7").set();
                sheet.width(col.index(), col.type().equals("point_name") ? 24 : 13);
            }
            int r = form.firstDataRow() - 1;
            while (rows.hasNext()) {
                List<Object> cells = rows.next();
                for (int c = 0; c < columns.size(); c++) {
                    MonitoringForm.Column col = columns.get(c);
                    String override = overrides.isEmpty() ? null : overrides.get(col.col() + (r + 1));
                    Object v = override != null ? (override.isEmpty() ? null : override) : cells.get(c);
                    if (v instanceof LocalDate d) {
                        sheet.value(r, col.index(), d);
                        sheet.style(r, col.index()).format("yyyy-mm-dd").set();
                    } else if (v instanceof BigDecimal n) {
                        sheet.value(r, col.index(), n);
                    } else if (v instanceof Number n) {
                        sheet.value(r, col.index(), n);
                    } else if (v != null) {
                        sheet.value(r, col.index(), v.toString());
                    }
                }
                r++;
                if (r % 2048 == 0) {
                    sheet.flush();
                }
            }
            sheet.finish();
            Worksheet meta = workbook.newWorksheet(form.metaSheet());
            String[][] pairs = {{"marker", MonitoringForm.MARKER}, {"form", form.formCode()}, {"template_version", form.templateVersion()},
                    {"unit_code", unitCode}, {"period", period}, {"generated_at", LocalDateTime.now().withNano(0).toString()}};
            for (int i = 0; i < pairs.length; i++) {
                meta.value(i, 0, pairs[i][0]);
                meta.value(i, 1, pairs[i][1]);
            }
            meta.setVisibilityState(VisibilityState.VERY_HIDDEN);
            meta.finish();
            workbook.finish();
        }
    }
}
