package cn.zhenxing.warehouse;

/**
 * Named points where crash tests stop the process the way {@code kill -9} would: when the system
 * property {@code zhenxing.fault.halt-at} names the point, the JVM halts at once (no shutdown hooks,
 * no rollback handlers, no commit). When {@code zhenxing.fault.fail-at} names it, the point throws
 * instead, as a step that fails the same way on every try would. Unset in normal runs, where a point
 * costs a property lookup.
 */
public final class FaultPoint {

    public static final String PROPERTY = "zhenxing.fault.halt-at";
    public static final String FAIL_PROPERTY = "zhenxing.fault.fail-at";

    private FaultPoint() {}

    public static void reach(String name) {
        if (name.equals(System.getProperty(PROPERTY))) {
            Runtime.getRuntime().halt(137);
        }
        if (name.equals(System.getProperty(FAIL_PROPERTY))) {
            throw new IllegalStateException("fault injected at " + name);
        }
    }
}
