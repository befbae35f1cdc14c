package cn.zhenxing.bulk;

import cn.zhenxing.warehouse.SqlFile;

/** The bulk feature's SQL, from bulk.sql beside this package. */
final class BulkSql {
    static final SqlFile SQL = SqlFile.of(BulkSql.class, "bulk.sql");

    private BulkSql() {}

    static String sql(String name) {
        return SQL.get(name);
    }
}
