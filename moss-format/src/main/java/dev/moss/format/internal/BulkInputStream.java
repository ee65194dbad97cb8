package dev.moss.format.internal;

import java.io.IOException;
import java.io.InputStream;

/**
 * A stream that only implements the bulk {@link #read(byte[], int, int)}: the format's streams
 * work in chunks, and a single-byte read is just a one-byte chunk.
 */
public abstract class BulkInputStream extends InputStream {
    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public abstract int read(byte[] b, int off, int len) throws IOException;
}
