package cn.zhenxing.warehouse;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Resolves a region code to the dim_region version valid on a date. Facts are keyed by the version
 * valid at the end of their period, so a renamed county's old facts keep its old name.
 */
@Repository
public class RegionVersions {

    private static final SqlFile SQL = SqlFile.of(RegionVersions.class, "warehouse.sql");

    private final JdbcTemplate jdbc;

    public RegionVersions(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Integer> keyAt(String regionCode, LocalDate date) {
        List<Integer> keys = jdbc.queryForList(SQL.get("regionKeyAt"), Integer.class, regionCode, date);
        return keys.stream().findFirst();
    }
}
