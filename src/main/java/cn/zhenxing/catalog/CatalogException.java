package cn.zhenxing.catalog;

/** A catalog file that cannot be loaded as it is; the message names the file, row and fix. */
public class CatalogException extends RuntimeException {
    public CatalogException(String message) {
        super(message);
    }
}
