package dev.moss.format.internal;

import com.github.luben.zstd.EndDirective;
import com.github.luben.zstd.ZstdCompressCtx;
import dev.moss.format.digest.Xxh3;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.WritableByteChannel;

/**
 * Compresses the content payload as one zstd frame the way boulder does: the total size is
 * pledged up front (so zstd sizes its window to the input and records the content size),
 * windowLog 31, and {@code workers} threads. Output is hashed with XXH3-64 as it is written.
 */
public final class ContentCompressor implements AutoCloseable {
    private static final int BUFFER = 1 << 20;

    private final ZstdCompressCtx ctx = new ZstdCompressCtx();
    private final ByteBuffer src = ByteBuffer.allocateDirect(BUFFER);
    private final ByteBuffer dst = ByteBuffer.allocateDirect(BUFFER);
    private final byte[] copy = new byte[BUFFER];
    private final WritableByteChannel out;
    private final Xxh3.Stream64 checksum = Xxh3.stream64();
    private long written;

    public ContentCompressor(WritableByteChannel out, long totalSize, int level, int workers) {
        this.out = out;
        ctx.setLevel(level);
        ctx.setWindowLog(31);
        ctx.setContentSize(true);
        ctx.setChecksum(false);
        if (workers > 0) {
            ctx.setWorkers(workers);
        }
        ctx.setPledgedSrcSize(totalSize);
    }

    public void write(byte[] b, int off, int len) throws IOException {
        while (len > 0) {
            int n = Math.min(len, src.remaining());
            src.put(b, off, n);
            off += n;
            len -= n;
            if (!src.hasRemaining()) {
                push(EndDirective.CONTINUE);
            }
        }
    }

    /** Ends the frame; returns nothing, see {@link #storedSize()} and {@link #checksum()}. */
    public void finish() throws IOException {
        push(EndDirective.END);
    }

    private void push(EndDirective directive) throws IOException {
        src.flip();
        while (true) {
            boolean done = ctx.compressDirectByteBufferStream(dst, src, directive);
            drain();
            if (directive == EndDirective.CONTINUE ? !src.hasRemaining() : done) {
                break;
            }
        }
        src.clear();
    }

    private void drain() throws IOException {
        dst.flip();
        int n = dst.remaining();
        if (n > 0) {
            dst.get(copy, 0, n);
            checksum.update(copy, 0, n);
            ByteBuffer heap = ByteBuffer.wrap(copy, 0, n);
            while (heap.hasRemaining()) {
                out.write(heap);
            }
            written += n;
        }
        dst.clear();
    }

    public long storedSize() {
        return written;
    }

    public long checksum() {
        return checksum.value();
    }

    @Override
    public void close() {
        ctx.close();
    }
}
