package cn.zhenxing.form;

/**
 * What the very hidden metadata sheet of a generated form says: column A holds the keys below,
 * column B their values, one per row from row 1. The file is recognised by this, whatever its name.
 */
public record FormMeta(String templateVersion, String unitCode, String periodCode) {

    public static final String KEY_MARKER = "zhenxing_form";
    public static final String KEY_TEMPLATE_VERSION = "template_version";
    public static final String KEY_UNIT_CODE = "unit_code";
    public static final String KEY_PERIOD = "period";
    public static final String KEY_GENERATED_AT = "generated_at";

    /** Row order in the metadata sheet (row 1 = marker, value "1"). */
    public static final String[] KEYS = {KEY_MARKER, KEY_TEMPLATE_VERSION, KEY_UNIT_CODE, KEY_PERIOD, KEY_GENERATED_AT};
}
