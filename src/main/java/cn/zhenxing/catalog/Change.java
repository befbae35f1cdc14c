package cn.zhenxing.catalog;

/** What loading one catalog row did to the warehouse. */
public enum Change {
    INSERTED, UPDATED, UNCHANGED;

    String counterKey() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
