package cn.zhenxing.bulk;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * A unit's monitoring workbooks for a month, as files: the blank templates ({@code template --period 2025M10}),
 * pre-filled with the unit's points (and, for the daily form, every day of the month) so a submitter only
 * types the readings; the samples package writes filled ones through {@link #write}.
 */
@Component
public class MonitoringFiles {

    /** One written workbook: which form, how many rows, where. */
    public record Written(MonitoringForm form, String unitCode, String period, int rows, Path file) { }

    private final MonitoringIngest monitoring;

    public MonitoringFiles(MonitoringIngest monitoring) {
        this.monitoring = monitoring;
    }

    /** The period code of a month (2025M07). */
    public static String period(YearMonth month) {
        return month.getYear() + "M" + String.format("%02d", month.getMonthValue());
    }

    /** 2025M07 → the month, or an IllegalArgumentException saying what a month looks like. */
    public static YearMonth month(String period) {
        if (period == null || !period.matches("\\d{4}M(0[1-9]|1[0-2])")) {
            throw new IllegalArgumentException("月份“" + period + "”无法识别，请写成 2025M07 这样的年月。");
        }
        return YearMonth.of(Integer.parseInt(period.substring(0, 4)), Integer.parseInt(period.substring(5)));
    }

    /** The forms by code, all when {@code codes} is empty. */
    public List<MonitoringForm> forms(List<String> codes) {
        return codes == null || codes.isEmpty() ? MonitoringForm.CODES.stream().map(monitoring::form).toList()
                : codes.stream().map(monitoring::form).toList();
    }

    /** Blank templates; a form for which the unit has no points is left out. */
    public List<Written> templates(String unit, YearMonth month, List<MonitoringForm> forms, Path dir) throws IOException {
        List<Written> written = new ArrayList<>();
        for (MonitoringForm form : forms) {
            Map<String, String> points = monitoring.pointNames(unit, form.pointKind());
            if (points.isEmpty()) {
                continue;
            }
            List<List<Object>> rows = new ArrayList<>();
            int days = "water".equals(form.pointKind()) ? 1 : month.lengthOfMonth();
            for (int d = 1; d <= days; d++) {
                for (Map.Entry<String, String> p : points.entrySet()) {
                    Object[] cells = new Object[form.columns().size()];
                    cells[form.columns().indexOf(form.column("point_code"))] = p.getKey();
                    cells[form.columns().indexOf(form.column("point_name"))] = p.getValue();
                    // A section is sampled once a month on a day of its own: the submitter writes the date.
                    cells[form.columns().indexOf(form.column("date"))] = days == 1 ? null : month.atDay(d);
                    rows.add(Arrays.asList(cells));
                }
            }
            written.add(write(form, unit, month, rows.iterator(), rows.size(), dir, "模板"));
        }
        return written;
    }

    /** Writes one workbook of {@code rows} into {@code dir}, named unit_period_form[_suffix].xlsx. */
    public Written write(MonitoringForm form, String unit, YearMonth month, Iterator<List<Object>> rows, int count, Path dir, String suffix)
            throws IOException {
        Files.createDirectories(dir);
        String period = period(month);
        Path file = dir.resolve(unit + "_" + period + "_" + form.title().replace("山西省", "") + (suffix == null ? "" : "_" + suffix) + ".xlsx");
        MonitoringWorkbook.write(file, form, unit, period, rows, Map.of());
        return new Written(form, unit, period, count, file);
    }
}
