package dev.moss.format.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ReadAheadInputStreamTest {
    private static byte[] data(int size) {
        byte[] b = new byte[size];
        new Random(size).nextBytes(b);
        return b;
    }

    /** Hands out at most {@code step} bytes per read, as a decompressor does. */
    private static InputStream trickle(byte[] data, int step) {
        return new ByteArrayInputStream(data) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, step));
            }
        };
    }

    @Test
    void deliversEveryByteInOrderWhateverTheReadSizes() throws IOException {
        for (int size : new int[] {0, 1, 1000, 4096, 4097, 100_000, 1 << 20}) {
            byte[] in = data(size);
            byte[] out = new byte[size];
            try (ReadAheadInputStream s = new ReadAheadInputStream(trickle(in, 777), 4096, 3, "test")) {
                int n = 0;
                int ask = 1;
                while (true) {
                    int r = s.read(out, n, Math.min(ask, size - n));
                    if (r <= 0 && n == size) {
                        break;
                    }
                    n += r;
                    ask = ask * 3 % 10_007 + 1; // varied lengths, 1 byte to ~10 KB
                }
                assertThat(s.read(new byte[1], 0, 1)).isEqualTo(-1);
                assertThat(s.read()).isEqualTo(-1);
            }
            assertThat(out).as("size " + size).isEqualTo(in);
        }
    }

    @Test
    void staysAtMostDepthChunksAhead() throws Exception {
        AtomicLong served = new AtomicLong();
        InputStream endless = new InputStream() {
            @Override
            public int read() {
                return 0;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                served.addAndGet(len);
                return len;
            }
        };
        try (ReadAheadInputStream s = new ReadAheadInputStream(endless, 1000, 4, "test")) {
            s.read(new byte[10], 0, 10);
            Thread.sleep(200);
            // the chunk being read plus four ahead
            assertThat(served.get()).isLessThanOrEqualTo(5 * 1000);
        }
    }

    @Test
    void theSourcesFailureReachesTheReaderAfterTheDataBeforeIt() throws IOException {
        byte[] good = data(10_000);
        InputStream failing = new InputStream() {
            private final InputStream in = new ByteArrayInputStream(good);

            @Override
            public int read() {
                throw new UnsupportedOperationException();
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n = in.read(b, off, len);
                if (n < 0) {
                    throw new IOException("checksum mismatch at the end");
                }
                return n;
            }
        };
        try (ReadAheadInputStream s = new ReadAheadInputStream(failing, 3000, 2, "test")) {
            assertThat(s.readNBytes(good.length)).isEqualTo(good);
            assertThatThrownBy(() -> s.read(new byte[1], 0, 1)).isInstanceOf(IOException.class)
                    .hasMessage("checksum mismatch at the end");
            assertThat(s.read(new byte[1], 0, 1)).isEqualTo(-1);
        }
    }

    @Test
    void closingEarlyStopsTheThreadAndClosesTheSource() throws Exception {
        AtomicBoolean closed = new AtomicBoolean();
        InputStream endless = new InputStream() {
            @Override
            public int read() {
                return 1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                return len;
            }

            @Override
            public void close() {
                closed.set(true);
            }
        };
        ReadAheadInputStream s = new ReadAheadInputStream(endless, 100, 2, "read-ahead-close-test");
        s.read(new byte[50], 0, 50);
        s.close();
        assertThat(closed).isTrue();
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().equals("read-ahead-close-test"));
        assertThatThrownBy(() -> s.read(new byte[1], 0, 1)).isInstanceOf(IOException.class);
    }
}
