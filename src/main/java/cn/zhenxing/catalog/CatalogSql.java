package cn.zhenxing.catalog;

import cn.zhenxing.warehouse.SqlFile;

/** The catalog feature's SQL, from catalog.sql beside this package. */
final class CatalogSql {
    static final SqlFile SQL = SqlFile.of(CatalogSql.class, "catalog.sql");

    private CatalogSql() {}

    static String sql(String name) {
        return SQL.get(name);
    }
}
