package cn.zhenxing.bulk;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * Deterministic, plausible rows of a monitoring form (samples, tests, the benchmark): for each day of the
 * month and each point, the parameters drawn from a hash of (point, day), with the class columns
 * consistent with the values (水质类别 from a per-point quality level, 空气质量级别 from AQI). Row {@code i}
 * is always the same, so a workbook and a TSV file of the same rows hold the same readings.
 */
public final class MonitoringSamples {

    private static final int[] AQI_BANDS = {50, 100, 150, 200, 300};

    private final MonitoringForm form;
    private final List<String> codes;
    private final List<String> names;
    private final YearMonth month;
    private final int rows;

    /** {@code rows} rows over the points (in the map's order) and the month's days: point varies fastest. */
    public MonitoringSamples(MonitoringForm form, Map<String, String> points, YearMonth month, int rows) {
        this.form = form;
        this.codes = List.copyOf(points.keySet());
        this.names = List.copyOf(points.values());
        this.month = month;
        this.rows = rows;
        if ((long) codes.size() * days() < rows) {
            throw new IllegalArgumentException(rows + " rows need more than " + codes.size() + " points x " + days() + " days");
        }
    }

    /** Every point on every sampled day: water sections once a month (day 10), air stations daily. */
    public static MonitoringSamples month(MonitoringForm form, Map<String, String> points, YearMonth month) {
        int days = "water".equals(form.pointKind()) ? 1 : month.lengthOfMonth();
        return new MonitoringSamples(form, points, month, points.size() * days);
    }

    private int days() {
        return "water".equals(form.pointKind()) ? 1 : month.lengthOfMonth();
    }

    public int rows() {
        return rows;
    }

    /** Readings per row (the form's parameter columns). */
    public int readingsPerRow() {
        return form.parameters().size();
    }

    /** Row {@code i}'s cells in the order of the form's columns. */
    public List<Object> row(int i) {
        int point = i % codes.size();
        int dayIndex = i / codes.size();
        LocalDate date = "water".equals(form.pointKind()) ? month.atDay(10) : month.atDay(dayIndex + 1);
        long h = mix(((long) codes.get(point).hashCode() << 20) ^ date.toEpochDay());
        List<Object> cells = new ArrayList<>(form.columns().size());
        for (MonitoringForm.Column c : form.columns()) {
            cells.add(switch (c.key()) {
                case "point_code" -> codes.get(point);
                case "point_name" -> names.get(point);
                case "date" -> date;
                case "note", "aqi_class" -> null; // 空气质量级别 follows from AQI below
                default -> value(c, h, point);
            });
        }
        if ("air".equals(form.pointKind())) {
            int aqi = ((BigDecimal) cells.get(form.columns().indexOf(form.column("aqi")))).intValue();
            int cls = 1;
            while (cls <= AQI_BANDS.length && aqi > AQI_BANDS[cls - 1]) {
                cls++;
            }
            cells.set(form.columns().indexOf(form.column("aqi_class")), form.column("aqi_class").choices().get(cls - 1));
        }
        return cells;
    }

    private Object value(MonitoringForm.Column c, long h, int point) {
        long k = mix(h ^ c.key().hashCode());
        double f = (k >>> 11) * 0x1.0p-53;
        return switch (c.key()) {
            // A section's class is mostly its own level (some sections are poor), sometimes one worse.
            case "water_class" -> c.choices().get(Math.min(5, (point * 7 % 5) + ((k & 7) == 0 ? 1 : 0)));
            case "do" -> BigDecimal.valueOf(Math.round((4 + f * 7) * 100), 2);
            case "codmn" -> BigDecimal.valueOf(Math.round((1.5 + f * 8) * 10), 1);
            case "cod" -> BigDecimal.valueOf(Math.round((8 + f * 30) * 10), 1);
            case "nh3n" -> BigDecimal.valueOf(Math.round((0.05 + f * 2) * 1000), 3);
            case "tp" -> BigDecimal.valueOf(Math.round((0.02 + f * 0.4) * 1000), 3);
            case "pm25" -> BigDecimal.valueOf(Math.round(15 + f * 70));
            case "pm10" -> BigDecimal.valueOf(Math.round(40 + f * 110));
            case "o3_8h" -> BigDecimal.valueOf(Math.round(60 + f * 130));
            case "so2" -> BigDecimal.valueOf(Math.round(5 + f * 25));
            case "no2" -> BigDecimal.valueOf(Math.round(15 + f * 40));
            case "co" -> BigDecimal.valueOf(Math.round((0.4 + f * 1.4) * 10), 1);
            case "aqi" -> BigDecimal.valueOf(Math.round(30 + f * f * 150));
            default -> throw new IllegalStateException("no sample for column " + c.key());
        };
    }

    public Iterator<List<Object>> iterator() {
        return new Iterator<>() {
            private int i;

            @Override
            public boolean hasNext() {
                return i < rows;
            }

            @Override
            public List<Object> next() {
                if (i >= rows) {
                    throw new NoSuchElementException();
                }
                return row(i++);
            }
        };
    }

    /** The readings of all rows, as the ingest lands them (the Excel row of row i is firstDataRow + i). */
    public Iterable<MonitoringReading> readings() {
        List<MonitoringForm.Column> params = form.parameters();
        return () -> new Iterator<>() {
            private int i;
            private int p;
            private List<Object> row;

            @Override
            public boolean hasNext() {
                return i < rows;
            }

            @Override
            public MonitoringReading next() {
                if (row == null) {
                    row = row(i);
                }
                MonitoringForm.Column c = params.get(p);
                Object v = row.get(form.columns().indexOf(c));
                BigDecimal value = "class".equals(c.type()) ? BigDecimal.valueOf(c.choices().indexOf(v) + 1) : (BigDecimal) v;
                MonitoringReading r = new MonitoringReading(form.firstDataRow() + i, (String) row.get(0), (LocalDate) row.get(2), c.key(), value);
                if (++p == params.size()) {
                    p = 0;
                    i++;
                    row = null;
                }
                return r;
            }
        };
    }

    private static long mix(long x) {
        x = (x ^ (x >>> 33)) * 0xff51afd7ed558ccdL + 0x9E3779B97F4A7C15L;
        x = (x ^ (x >>> 33)) * 0xc4ceb9fe1a85ec53L;
        return x ^ (x >>> 33);
    }
}
