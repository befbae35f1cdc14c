package cn.zhenxing.catalog;

import static cn.zhenxing.catalog.CatalogSql.sql;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * regions.csv → dim_region as a type-2 dimension. Name, level and parent are versioned: a change
 * closes the current row the day before the load's effective date and opens a new one. Notes are
 * corrected in place. Regions present from the very first load are valid from 1900-01-01 so facts of
 * any past period find them.
 */
class RegionWriter extends CatalogWriter {

    static final LocalDate BEGINNING = LocalDate.of(1900, 1, 1);
    private static final List<String> LEVELS = List.of("province", "city", "county");

    RegionWriter(JdbcTemplate jdbc, CatalogSource source) {
        super(jdbc, source);
    }

    @Override
    protected Change writeRow(CsvRow row) {
        String code = row.require("code");
        if (!code.matches("\\d{6}")) {
            throw new CatalogException(row.file() + " line " + row.line() + ": region code '" + code + "' is not a 6-digit GB/T 2260 code");
        }
        String name = row.require("name_zh");
        String level = row.require("level");
        if (!LEVELS.contains(level)) {
            throw new CatalogException(row.file() + " line " + row.line() + ": level must be one of " + LEVELS);
        }
        String parent = row.get("parent_code");
        String cityCode = switch (level) {
            case "county" -> parent;
            case "city" -> code;
            default -> null;
        };
        String notes = row.get("notes");
        String hash = UpsertTable.sha256(name + "|" + level + "|" + parent);

        List<Map<String, Object>> current = jdbc.queryForList(sql("regionCurrent"), code);
        if (current.isEmpty()) {
            Long versions = jdbc.queryForObject(sql("regionVersionCount"), Long.class, code);
            LocalDate validFrom = initialLoad() && versions == 0 ? BEGINNING : effectiveDate();
            jdbc.update(sql("regionInsert"), code, name, level, parent, cityCode, notes, validFrom, hash, catalogLoadId());
            return Change.INSERTED;
        }
        Map<String, Object> existing = current.get(0);
        Number key = (Number) existing.get("region_key");
        if (hash.equals(existing.get("row_hash"))) {
            if (Objects.equals(notes, existing.get("notes"))) {
                return Change.UNCHANGED;
            }
            jdbc.update(sql("regionNotes"), notes, key);
            return Change.UPDATED;
        }
        LocalDate currentFrom = toLocalDate(existing.get("valid_from"));
        if (!effectiveDate().isAfter(currentFrom)) {
            throw new CatalogException(row.file() + " line " + row.line() + ": region " + code + " changed, but its current version is already valid from "
                    + currentFrom + "; load the new catalog with a later --effective-date");
        }
        jdbc.update(sql("regionClose"), effectiveDate().minusDays(1), key);
        jdbc.update(sql("regionInsert"), code, name, level, parent, cityCode, notes, effectiveDate(), hash, catalogLoadId());
        return Change.UPDATED;
    }

    static LocalDate toLocalDate(Object value) {
        return value instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) value;
    }
}
