package cn.zhenxing.cli;

/** Process exit codes shared by all commands. */
public final class ExitCodes {
    public static final int OK = 0;
    public static final int SYSTEM_FAILURE = 1;
    public static final int REJECTED = 2;

    private ExitCodes() {}
}
