package cn.zhenxing.warehouse;

/**
 * Named points where crash tests stop the process the way {@code kill -9} would: when the system
 * property {@code zhenxing.fault.halt-at} names the point, the JVM halts at once (no shutdown hooks,
 * no rollback handlers, no commit). Unset in normal runs, where a point costs one property lookup.
 */
public final class FaultPoint {

    public static final String PROPERTY = "zhenxing.fault.halt-at";

    private FaultPoint() {}

    public static void reach(String name) {
        if (name.equals(System.getProperty(PROPERTY))) {
            Runtime.getRuntime().halt(137);
        }
    }
}
