package dev.moss.format.internal;

import java.util.Arrays;

/** A growable big-endian byte buffer that records encode themselves into. */
public final class RecordOutput {
    private byte[] buf;
    private int size;

    public RecordOutput(int initialCapacity) {
        buf = new byte[Math.max(16, initialCapacity)];
    }

    public RecordOutput() {
        this(4096);
    }

    private void ensure(int n) {
        if (buf.length - size < n) {
            int want = Math.max(buf.length * 2, Math.addExact(size, n));
            buf = Arrays.copyOf(buf, want);
        }
    }

    public RecordOutput u8(int v) {
        ensure(1);
        buf[size++] = (byte) v;
        return this;
    }

    public RecordOutput u16(int v) {
        ensure(2);
        BigEndian.SHORT.set(buf, size, (short) v);
        size += 2;
        return this;
    }

    public RecordOutput u32(long v) {
        ensure(4);
        BigEndian.INT.set(buf, size, (int) v);
        size += 4;
        return this;
    }

    public RecordOutput u64(long v) {
        ensure(8);
        BigEndian.LONG.set(buf, size, v);
        size += 8;
        return this;
    }

    public RecordOutput bytes(byte[] b) {
        return bytes(b, 0, b.length);
    }

    public RecordOutput bytes(byte[] b, int off, int len) {
        ensure(len);
        System.arraycopy(b, off, buf, size, len);
        size += len;
        return this;
    }

    public RecordOutput zeros(int n) {
        ensure(n);
        Arrays.fill(buf, size, size + n, (byte) 0);
        size += n;
        return this;
    }

    public int size() {
        return size;
    }

    public byte[] array() {
        return buf;
    }

    public byte[] toByteArray() {
        return Arrays.copyOf(buf, size);
    }
}
