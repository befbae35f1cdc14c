package cn.zhenxing.bulk;

import static cn.zhenxing.bulk.RowText.cellAt;
import static cn.zhenxing.bulk.RowText.text;

import cn.zhenxing.workbook.NumberCell;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.Row;

/**
 * Checks each data row of a monitoring form against the form definition and the unit's points, and turns
 * a good row into its readings (one per parameter column). Every problem names the cell, in Chinese.
 * Memory: one bit per point and day for the duplicate check, nothing per row.
 */
final class MonitoringRows {

    /** Excel's day 0 in the 1900 date system (serial 1 = 1900-01-01, with the 1900 leap-year bug). */
    private static final long EXCEL_EPOCH_DAY = LocalDate.of(1899, 12, 30).toEpochDay();
    private static final long EXCEL_1904_EPOCH_DAY = LocalDate.of(1904, 1, 1).toEpochDay();

    /** A point the unit may report: its position (for the duplicate bits) and catalog name. */
    record Point(int index, String name) { }

    private final MonitoringForm form;
    private final Map<String, Point> points;
    private final YearMonth month;
    private final SheetProblems problems;
    private final boolean date1904;
    private final BitSet seen = new BitSet();
    private final MonitoringForm.Column code;
    private final MonitoringForm.Column name;
    private final MonitoringForm.Column date;
    private final List<MonitoringForm.Column> parameters;

    MonitoringRows(MonitoringForm form, Map<String, Point> points, YearMonth month, SheetProblems problems, boolean date1904) {
        this.form = form;
        this.points = points;
        this.month = month;
        this.problems = problems;
        this.date1904 = date1904;
        this.code = form.column("point_code");
        this.name = form.column("point_name");
        this.date = form.column("date");
        this.parameters = form.parameters();
    }

    /** The row's readings, or null (and its problems recorded) when the row cannot be loaded. */
    List<MonitoringReading> check(Row row) {
        int r = row.getRowNum();
        long before = problems.errors();
        String w = form.pointWord();
        String pointCode = strip(text(row, code.index()));
        Point point = null;
        if (pointCode == null) {
            problems.error(code.col() + r, null, w + "编码未填写。", "请填写本单位名录中的" + w + "编码；空行请整行删除。");
        } else if ((point = points.get(pointCode)) == null) {
            problems.error(code.col() + r, pointCode, w + "编码“" + pointCode + "”不在本单位的监测" + w + "名录中。",
                    "请核对编码（见模板预填的" + w + "）；新设" + w + "须先由省生态环境厅列入名录。");
        }
        String pointName = strip(text(row, name.index()));
        if (point != null && !point.name().equals(pointName)) {
            problems.error(name.col() + r, pointCode, w + "名称“" + (pointName == null ? "" : pointName) + "”与编码不符。",
                    "请恢复为“" + point.name() + "”。");
        }
        LocalDate day = date(row, r);
        if (point != null && day != null) {
            int bit = point.index() * 32 + day.getDayOfMonth();
            if (seen.get(bit)) {
                problems.error(date.col() + r, pointCode + " " + day, "同一" + w + "同一监测日期重复填报。", "请删除重复的行，每个" + w + "每天只填一行。");
            }
            seen.set(bit);
        }
        List<MonitoringReading> readings = new ArrayList<>(parameters.size());
        BigDecimal[] values = new BigDecimal[parameters.size()];
        for (int i = 0; i < parameters.size(); i++) {
            MonitoringForm.Column p = parameters.get(i);
            BigDecimal v = "class".equals(p.type()) ? choice(row, r, p, pointCode) : number(row, r, p, pointCode);
            values[i] = v;
            if (v != null && p.agreesWith() != null) {
                agrees(r, p, v, values, pointCode);
            }
            if (v != null) {
                readings.add(new MonitoringReading(r, pointCode, day, p.key(), v));
            }
        }
        return problems.errors() > before ? null : readings;
    }

    private LocalDate date(Row row, int r) {
        Cell cell = cellAt(row, date.index());
        String text = text(cell);
        if (text == null || text.isBlank()) {
            problems.error(date.col() + r, null, "监测日期未填写。", "请填写如" + month.atDay(1) + "的日期。");
            return null;
        }
        LocalDate d = null;
        if (cell.getType() == CellType.NUMBER) {
            BigDecimal serial = (BigDecimal) cell.getValue();
            if (serial.signum() > 0 && serial.compareTo(BigDecimal.valueOf(2_958_465)) <= 0) {
                d = LocalDate.ofEpochDay((date1904 ? EXCEL_1904_EPOCH_DAY : EXCEL_EPOCH_DAY) + serial.longValue());
            }
        } else {
            d = parseDateText(text.strip());
        }
        if (d == null) {
            problems.error(date.col() + r, null, "监测日期“" + text.strip() + "”不是有效日期。", "请填写如" + month.atDay(1) + "的日期（日期格式或“年-月-日”）。");
            return null;
        }
        if (!YearMonth.from(d).equals(month)) {
            problems.error(date.col() + r, null, "监测日期" + d + "不在报告期" + month.getYear() + "年" + month.getMonthValue() + "月内。",
                    "本表只填报告期内的监测数据；其他月份请用该月的模板报送。");
            return null;
        }
        return d;
    }

    private BigDecimal number(Row row, int r, MonitoringForm.Column p, String point) {
        String text = text(row, p.index());
        NumberCell.Result parsed = NumberCell.parse(text, p.unit());
        String cell = p.col() + r;
        if (parsed.blank()) {
            problems.error(cell, point, p.header() + "未填写。", "本表各监测项目均为必填；未能监测的请在备注中说明原因并联系省生态环境监测中心。");
            return null;
        }
        if (!parsed.ok()) {
            problems.error(cell, point, p.header() + parsed.errorZh(), "请只填写数字（单位见表头）。");
            return null;
        }
        BigDecimal v = parsed.value().scale() > 6 ? parsed.value().setScale(6, RoundingMode.HALF_UP) : parsed.value();
        if ((p.min() != null && v.compareTo(p.min()) < 0) || (p.max() != null && v.compareTo(p.max()) > 0)) {
            problems.error(cell, point, p.header() + "“" + v.toPlainString() + "”超出合理范围" + p.min().toPlainString() + "～"
                    + p.max().toPlainString() + "。", "请核对数值和单位（表头所列单位）。");
            return null;
        }
        return v;
    }

    /** A class cell: its 1-based position among the choices ("Ⅲ" for "Ⅲ类" too). */
    private BigDecimal choice(Row row, int r, MonitoringForm.Column p, String point) {
        String text = strip(text(row, p.index()));
        String cell = p.col() + r;
        if (text == null) {
            problems.error(cell, point, p.header() + "未填写。", "请从下拉列表中选择：" + String.join("、", p.choices()) + "。");
            return null;
        }
        for (int i = 0; i < p.choices().size(); i++) {
            String c = p.choices().get(i);
            if (c.equals(text) || (c.endsWith("类") && c.substring(0, c.length() - 1).equals(text))) {
                return BigDecimal.valueOf(i + 1);
            }
        }
        problems.error(cell, point, p.header() + "“" + text + "”不是可选值。", "请从下拉列表中选择：" + String.join("、", p.choices()) + "。");
        return null;
    }

    /** A class that follows from a number (空气质量级别 from AQI): the bands are the classes' upper bounds. */
    private void agrees(int r, MonitoringForm.Column p, BigDecimal cls, BigDecimal[] values, String point) {
        int at = -1;
        for (int i = 0; i < parameters.size(); i++) {
            if (parameters.get(i).key().equals(p.agreesWith())) {
                at = i;
            }
        }
        if (at < 0 || values[at] == null) {
            return;
        }
        int expected = 1;
        while (expected <= p.bands().size() && values[at].compareTo(p.bands().get(expected - 1)) > 0) {
            expected++;
        }
        if (cls.intValue() != expected) {
            MonitoringForm.Column by = parameters.get(at);
            problems.error(p.col() + r, point, p.header() + "“" + p.choices().get(cls.intValue() - 1) + "”与" + by.header() + "（"
                    + values[at].toPlainString() + "）不符。", "按" + by.header() + "应为“" + p.choices().get(expected - 1) + "”，请核对。");
        }
    }

    private static String strip(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** yyyy-M-d, yyyy/M/d, yyyy.M.d, yyyy年M月d日 or yyyyMMdd; null if not a real calendar date. */
    static LocalDate parseDateText(String s) {
        try {
            if (s.length() == 8 && s.chars().allMatch(Character::isDigit)) {
                return LocalDate.of(Integer.parseInt(s.substring(0, 4)), Integer.parseInt(s.substring(4, 6)), Integer.parseInt(s.substring(6)));
            }
            String[] parts = s.replace('年', '-').replace('月', '-').replace("日", "").replace('/', '-').replace('.', '-').split("-", -1);
            if (parts.length != 3 || parts[0].length() != 4 || parts[1].isEmpty() || parts[1].length() > 2
                    || parts[2].isEmpty() || parts[2].length() > 2) {
                return null;
            }
            return LocalDate.of(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), Integer.parseInt(parts[2]));
        } catch (RuntimeException e) {
            return null; // NumberFormatException, DateTimeException (e.g. 2025-02-30)
        }
    }
}
