package cn.zhenxing.form;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.poi.ss.util.CellReference;

/**
 * The quarterly form's layout, read from {@code etl/forms/quarterly.yml} (bundled as
 * {@code forms/quarterly.yml}): the one place that says which sheet, row and column holds what.
 * The template writer and the ingest reader both work from it.
 */
@JsonIgnoreProperties(ignoreUnknown = false)
public record FormDefinition(
        String templateVersion,
        List<String> retiredVersions,
        String title,
        String issuer,
        String approver,
        String approvalNo,
        String validUntil,
        String reportFrequency,
        List<String> channels,
        String metaSheet,
        Cover cover,
        List<Table> tables,
        String footer) {

    public static final String RESOURCE = "forms/quarterly.yml";

    public enum ColumnType {
        @JsonProperty("text") TEXT,
        @JsonProperty("number") NUMBER,
        @JsonProperty("percent") PERCENT,
        @JsonProperty("choice") CHOICE,
        @JsonProperty("date") DATE,
        @JsonProperty("phone") PHONE
    }

    /** How 表1's rows are ordered: an indicator's regions together, or a region's indicators together. */
    public enum GroupBy {
        @JsonProperty("indicator") INDICATOR,
        @JsonProperty("region") REGION
    }

    /** @param catalogueRow the 1-based row where the 报表目录 starts */
    public record Cover(String sheet, int catalogueRow, List<Field> fields) {
        public Field field(String key) {
            return fields.stream().filter(f -> f.key().equals(key)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no cover field " + key));
        }
    }

    public record Field(String key, String label, String cell, boolean prefilled, boolean required, ColumnType type) {
        public CellReference ref() {
            return new CellReference(cell);
        }
    }

    /**
     * @param tableNo    the table's 表号 (晋振兴季1表)
     * @param headerRow  1-based row of the column headers; the 栏次 row (甲 乙 丙 … 1 2 3 …) is right below
     * @param groupBy    表1's row order; null for the other tables (content order)
     */
    public record Table(String key, String sheet, String tableNo, String caption, String unitLine, int headerRow, GroupBy groupBy,
                        int firstDataRow, int openRows, List<Column> columns) {
        public Column column(String key) {
            return columns.stream().filter(c -> c.key().equals(key)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no column " + key + " in " + sheet));
        }

        /** The A1 address of a column in the {@code index}-th (0-based) pre-filled row, where the template writer puts it. */
        public String cell(String columnKey, int index) {
            return column(columnKey).col() + (firstDataRow + index);
        }
    }

    /** @param code the column's 栏次: 甲, 乙, 丙 … for descriptive columns, 1, 2, 3 … for value columns */
    public record Column(String key, String header, String code, String col, boolean prefilled, boolean required, ColumnType type,
                         List<String> choices, int width, String note) {
        /** 0-based column index. */
        public int index() {
            return CellReference.convertColStringToIndex(col);
        }

        public ColumnType typeOrText() {
            return type == null ? ColumnType.TEXT : type;
        }
    }

    /** A version this definition replaced: its files are refused with a request to download the current one. */
    public boolean retired(String version) {
        return retiredVersions != null && retiredVersions.contains(version);
    }

    public Table table(String key) {
        return tables.stream().filter(t -> t.key().equals(key)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no table " + key));
    }

    public static FormDefinition load() {
        try (InputStream in = FormDefinition.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Form definition missing from the classpath: " + RESOURCE);
            }
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static FormDefinition read(InputStream in) throws IOException {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
                .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
        return yaml.readValue(in, FormDefinition.class);
    }
}
