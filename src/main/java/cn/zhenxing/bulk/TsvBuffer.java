package cn.zhenxing.bulk;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.util.Arrays;

/**
 * Encodes readings as the text {@code LOAD DATA} reads with its defaults: fields separated by tab,
 * lines ended by newline, backslash as escape character ({@code \t \n \r \\ \0} escaped), {@code \N}
 * for NULL, UTF-8. Writes straight into a growable byte array (no intermediate strings).
 */
final class TsvBuffer {

    private byte[] buf;
    private int len;

    TsvBuffer(int initialCapacity) {
        buf = new byte[initialCapacity];
    }

    byte[] bytes() {
        return buf;
    }

    int length() {
        return len;
    }

    void reset() {
        len = 0;
    }

    void writeTo(OutputStream out) throws IOException {
        out.write(buf, 0, len);
    }

    /** One reading as a line; the order of the fields is the column list of {@code loadData} in bulk.sql. */
    void append(MonitoringReading r) {
        date(r.date());
        tab();
        text(r.pointCode());
        tab();
        text(r.parameter());
        tab();
        text(r.value().toPlainString());
        tab();
        integer(r.rowNo());
        ensure(1);
        buf[len++] = '\n';
    }

    private void tab() {
        ensure(1);
        buf[len++] = '\t';
    }

    private void integer(int v) {
        text(Integer.toString(v));
    }

    private void date(LocalDate d) {
        ensure(10);
        int y = d.getYear();
        if (y < 1000 || y > 9999) {
            text(d.toString());
            return;
        }
        buf[len++] = (byte) ('0' + y / 1000);
        buf[len++] = (byte) ('0' + y / 100 % 10);
        buf[len++] = (byte) ('0' + y / 10 % 10);
        buf[len++] = (byte) ('0' + y % 10);
        buf[len++] = '-';
        buf[len++] = (byte) ('0' + d.getMonthValue() / 10);
        buf[len++] = (byte) ('0' + d.getMonthValue() % 10);
        buf[len++] = '-';
        buf[len++] = (byte) ('0' + d.getDayOfMonth() / 10);
        buf[len++] = (byte) ('0' + d.getDayOfMonth() % 10);
    }

    /** A text field, escaped; null becomes {@code \N}. */
    private void text(String s) {
        if (s == null) {
            ensure(2);
            buf[len++] = '\\';
            buf[len++] = 'N';
            return;
        }
        int n = s.length();
        ensure(n * 4);
        byte[] b = buf;
        int p = len;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                switch (c) {
                    case '\t' -> { b[p++] = '\\'; b[p++] = 't'; }
                    case '\n' -> { b[p++] = '\\'; b[p++] = 'n'; }
                    case '\r' -> { b[p++] = '\\'; b[p++] = 'r'; }
                    case '\\' -> { b[p++] = '\\'; b[p++] = '\\'; }
                    case '\0' -> { b[p++] = '\\'; b[p++] = '0'; }
                    default -> b[p++] = (byte) c;
                }
            } else if (c < 0x800) {
                b[p++] = (byte) (0xC0 | c >> 6);
                b[p++] = (byte) (0x80 | c & 0x3F);
            } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                int cp = Character.toCodePoint(c, s.charAt(++i));
                b[p++] = (byte) (0xF0 | cp >> 18);
                b[p++] = (byte) (0x80 | cp >> 12 & 0x3F);
                b[p++] = (byte) (0x80 | cp >> 6 & 0x3F);
                b[p++] = (byte) (0x80 | cp & 0x3F);
            } else {
                char e = Character.isSurrogate(c) ? '\uFFFD' : c;
                b[p++] = (byte) (0xE0 | e >> 12);
                b[p++] = (byte) (0x80 | e >> 6 & 0x3F);
                b[p++] = (byte) (0x80 | e & 0x3F);
            }
        }
        len = p;
    }

    private void ensure(int extra) {
        if (len + extra > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + extra));
        }
    }
}
