package dev.moss.format.internal;

import com.github.luben.zstd.ZstdCompressCtx;
import com.github.luben.zstd.ZstdException;
import com.github.luben.zstd.ZstdInputStreamNoFinalizer;
import dev.moss.format.CorruptStoneException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/** zstd for whole record payloads, with the output capped at the declared plain size. */
public final class ZstdCodec {
    /** Upstream raises the decoder window limit to 2^31 because its writer uses windowLog 31. */
    public static final int WINDOW_LOG_MAX = 31;

    private ZstdCodec() {}

    public static byte[] compress(byte[] plain, int level) {
        try (ZstdCompressCtx ctx = new ZstdCompressCtx()) {
            ctx.setLevel(level);
            ctx.setContentSize(true);
            ctx.setChecksum(false);
            return ctx.compress(plain);
        }
    }

    /** Opens a decoder that accepts upstream's large windows (and concatenated frames). */
    public static InputStream decoder(InputStream compressed) throws IOException {
        ZstdInputStreamNoFinalizer in = new ZstdInputStreamNoFinalizer(compressed);
        in.setLongMax(WINDOW_LOG_MAX);
        return in;
    }

    /**
     * Decompresses {@code stored}, which must expand to exactly {@code plainSize} bytes. Memory
     * grows with the bytes actually produced, never with the declared size, and decoding stops
     * one byte past {@code plainSize}, so a zstd bomb cannot exhaust the heap.
     *
     * @return a buffer whose first {@code plainSize} bytes are the plain body (it may be longer)
     */
    public static byte[] decompressExact(byte[] stored, int plainSize, String where)
            throws CorruptStoneException {
        byte[] out = new byte[Math.min(plainSize, Math.max(1 << 16, stored.length * 4)) + 1];
        int n = 0;
        try (InputStream in = decoder(new ByteArrayInputStream(stored))) {
            while (true) {
                if (n == out.length) {
                    if (n > plainSize) {
                        break;
                    }
                    out = Arrays.copyOf(out, (int) Math.min((long) plainSize + 1, (long) n * 2));
                }
                int r = in.read(out, n, out.length - n);
                if (r < 0) {
                    break;
                }
                n += r;
            }
        } catch (ZstdException e) {
            throw new CorruptStoneException(where + ": invalid zstd data: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new CorruptStoneException(where + ": invalid zstd data: " + e.getMessage(), e);
        }
        if (n != plainSize) {
            throw new CorruptStoneException(where + ": decompresses to "
                    + (n > plainSize ? "more than " + plainSize : Integer.toString(n))
                    + " bytes, but plain_size is " + plainSize);
        }
        return out;
    }
}
