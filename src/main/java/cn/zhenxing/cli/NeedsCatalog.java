package cn.zhenxing.cli;

/**
 * A command that reads the loaded catalog (units, regions, quarters): it is refused with
 * "尚未导入规划目录，请先执行 catalog load" on a database where the catalog is not loaded yet.
 */
interface NeedsCatalog {

    /** Decided after parsing, so a command can need the catalog for some options only. */
    default boolean needsCatalog() {
        return true;
    }
}
