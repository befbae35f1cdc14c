package cn.zhenxing.catalog;

import java.util.Map;

/** One data row of a catalog CSV file, with its position for error messages. */
public record CsvRow(String file, long line, Map<String, String> values) {

    /** The trimmed value, or null when the cell is blank. */
    public String get(String column) {
        if (!values.containsKey(column)) {
            throw new CatalogException(file + ": column '" + column + "' is missing from the header");
        }
        String value = values.get(column);
        return value == null || value.isBlank() ? null : value.strip();
    }

    public String require(String column) {
        String value = get(column);
        if (value == null) {
            throw new CatalogException(file + " line " + line + ": column '" + column + "' must not be blank");
        }
        return value;
    }

    public boolean flag(String column) {
        return "1".equals(get(column));
    }
}
