package cn.zhenxing.bulk;

import java.io.InputStream;
import java.util.List;
import java.util.concurrent.BlockingQueue;

/** The driver reads the landing data from here: batches from the queue, encoded on the landing thread. */
final class QueueTsvStream extends InputStream {

    /** Put on the queue after the last batch: the end of the stream. */
    static final List<MonitoringReading> END = List.of();

    private final BlockingQueue<List<MonitoringReading>> queue;
    private final TsvBuffer buffer = new TsvBuffer(1 << 17);
    private int pos;
    private boolean ended;

    QueueTsvStream(BlockingQueue<List<MonitoringReading>> queue) {
        this.queue = queue;
    }

    @Override
    public int read() {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) {
        if (len == 0) {
            return 0;
        }
        while (pos == buffer.length()) {
            if (ended) {
                return -1;
            }
            List<MonitoringReading> batch;
            try {
                batch = queue.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                ended = true; // the sheet's rows are incomplete: the count check rejects the load
                return -1;
            }
            if (batch == END) {
                ended = true;
                return -1;
            }
            buffer.reset();
            pos = 0;
            for (MonitoringReading reading : batch) {
                buffer.append(reading);
            }
        }
        int n = Math.min(len, buffer.length() - pos);
        System.arraycopy(buffer.bytes(), pos, b, off, n);
        pos += n;
        return n;
    }
}
