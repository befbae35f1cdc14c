package cn.zhenxing.bulk;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;

/**
 * A monitoring form's layout, read from {@code etl/forms/<form_code>.yml} (bundled under forms/): the
 * data sheet, its header row and columns. Columns of type number or class are parameters: each of
 * their cells is one reading.
 */
@JsonIgnoreProperties(ignoreUnknown = false)
public record MonitoringForm(String formCode, String templateVersion, String title, String pointKind, String periodType,
                             String metaSheet, String sheet, int headerRow, int firstDataRow, List<Column> columns) {

    /** The forms there are, by code. */
    public static final List<String> CODES = List.of("water_monthly", "air_daily");

    /** The marker the template writes into _meta (key "marker"), the same for all monitoring forms. */
    public static final String MARKER = "zhenxing-monitoring";

    /**
     * @param type point_code, point_name, date, number, class (one of {@code choices}, stored as its 1-based
     *             position), text
     * @param agreesWith for a class: the number column whose value decides the class by {@code bands}
     *                   (upper bounds of classes 1..n-1)
     */
    public record Column(String key, String header, String col, String type, List<String> choices, String unit, BigDecimal min,
                         BigDecimal max, String agreesWith, List<BigDecimal> bands) {

        public boolean parameter() {
            return "number".equals(type) || "class".equals(type);
        }

        /** 0-based column index of the letter(s). */
        public int index() {
            int n = 0;
            for (char c : col.toCharArray()) {
                n = n * 26 + (c - 'A' + 1);
            }
            return n - 1;
        }
    }

    public List<Column> parameters() {
        return columns.stream().filter(Column::parameter).toList();
    }

    public Column column(String key) {
        return columns.stream().filter(c -> c.key().equals(key)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(formCode + " has no column " + key));
    }

    /** 断面 or 站点, as the forms' texts name a point. */
    public String pointWord() {
        return "water".equals(pointKind) ? "断面" : "站点";
    }

    public static MonitoringForm load(String formCode) {
        String resource = "forms/" + formCode + ".yml";
        try (InputStream in = MonitoringForm.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Monitoring form definition missing from the classpath: " + resource);
            }
            return new ObjectMapper(new YAMLFactory()).setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                    .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true).readValue(in, MonitoringForm.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<MonitoringForm> all() {
        return CODES.stream().map(MonitoringForm::load).toList();
    }
}
