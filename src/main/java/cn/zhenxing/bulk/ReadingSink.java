package cn.zhenxing.bulk;

import java.util.List;

/** Where the readings of good rows go, in batches: the landing statement, or nothing in a dry run. */
interface ReadingSink {

    /** False when the sink can take no more (the landing statement stopped). */
    boolean hand(List<MonitoringReading> batch);

    /** No more batches. */
    void end();

    ReadingSink NONE = new ReadingSink() {
        @Override
        public boolean hand(List<MonitoringReading> batch) {
            return true;
        }

        @Override
        public void end() { }
    };
}
