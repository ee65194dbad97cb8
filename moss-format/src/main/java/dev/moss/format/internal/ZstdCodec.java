package dev.moss.format.internal;

import com.github.luben.zstd.Zstd;
import com.github.luben.zstd.ZstdCompressCtx;
import com.github.luben.zstd.ZstdDecompressCtx;
import com.github.luben.zstd.ZstdException;
import com.github.luben.zstd.ZstdInputStreamNoFinalizer;
import dev.moss.format.CorruptStoneException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/** zstd for whole record payloads, with the output capped at the declared plain size. */
public final class ZstdCodec {
    /** Upstream raises the decoder window limit to 2^31 because its writer uses windowLog 31. */
    public static final int WINDOW_LOG_MAX = 31;

    /**
     * Largest plain/stored ratio for which {@link #decompressExact} allocates the declared size
     * up front. Real record payloads compress 2-10x; a body claiming more is decoded the slow,
     * growing way, so a lying header still cannot make us allocate much more than the file holds.
     */
    static final int ONE_SHOT_MAX_RATIO = 64;

    /**
     * Decoder contexts for reuse. Reading a stone decodes three small record payloads, and an
     * install reads hundreds of stones on several threads: making and freeing a context (native
     * tables of ~100 KiB) for each payload showed in profiles. At most {@link #POOLED} are kept, so
     * the native memory held stays bounded whatever the threads do; none is ever shared by two
     * decodes at once.
     */
    private static final ConcurrentLinkedQueue<ZstdDecompressCtx> CONTEXTS = new ConcurrentLinkedQueue<>();
    private static final AtomicInteger POOLED_NOW = new AtomicInteger();
    static final int POOLED = Math.max(2, Runtime.getRuntime().availableProcessors());

    private ZstdCodec() {}

    private static ZstdDecompressCtx takeContext() {
        ZstdDecompressCtx ctx = CONTEXTS.poll();
        if (ctx == null) {
            return new ZstdDecompressCtx();
        }
        POOLED_NOW.decrementAndGet();
        return ctx;
    }

    private static void giveBack(ZstdDecompressCtx ctx) {
        if (POOLED_NOW.incrementAndGet() <= POOLED) {
            ctx.reset(); // a failed decode may have left a frame half-read
            CONTEXTS.add(ctx);
        } else {
            POOLED_NOW.decrementAndGet();
            ctx.close();
        }
    }

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
        if (plainSize <= (long) ONE_SHOT_MAX_RATIO * stored.length + (1 << 16)) {
            return decompressOneShot(stored, plainSize, where);
        }
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

    /**
     * Decodes straight into an array of {@code plainSize + 1} bytes: 15-20 % faster than the
     * stream decoder, which decodes into its window buffer and copies out from there. The extra
     * byte, and zstd's refusal to write past the array, catch bodies that expand further.
     */
    private static byte[] decompressOneShot(byte[] stored, int plainSize, String where) throws CorruptStoneException {
        byte[] out = new byte[plainSize + 1];
        long n;
        ZstdDecompressCtx ctx = takeContext();
        try {
            n = ctx.decompressByteArray(out, 0, out.length, stored, 0, stored.length);
        } catch (ZstdException e) {
            if (e.getErrorCode() == Zstd.errDstSizeTooSmall()) {
                n = out.length;
            } else {
                throw new CorruptStoneException(where + ": invalid zstd data: " + e.getMessage(), e);
            }
        } finally {
            giveBack(ctx);
        }
        if (n != plainSize) {
            throw new CorruptStoneException(where + ": decompresses to "
                    + (n > plainSize ? "more than " + plainSize : Long.toString(n))
                    + " bytes, but plain_size is " + plainSize);
        }
        return out;
    }
}
