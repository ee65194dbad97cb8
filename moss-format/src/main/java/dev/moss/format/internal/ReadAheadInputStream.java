package dev.moss.format.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Reads its source on a thread of its own, a few chunks ahead of the reader. Unpacking a large
 * content payload is two halves of similar cost: reading and decompressing, then hashing and
 * writing each file. On one thread they take turns; with this stream between them they run at
 * the same time on two cores, as {@code zstd -d} cannot.
 *
 * <p>At most {@code depth} chunks are in flight, so memory stays bounded whatever the source's
 * size. An exception of the source reaches the reader at the point where the data would have;
 * closing this stream stops the thread and closes the source.
 */
public final class ReadAheadInputStream extends BulkInputStream {
    private static final long WAIT_MILLIS = 10;

    /** A filled chunk, the end of the source, or the source's failure. */
    private record Chunk(byte[] bytes, int length, Throwable failure) {
        static final Chunk END = new Chunk(new byte[0], -1, null);
    }

    private final InputStream source;
    private final BlockingQueue<Chunk> filled;
    private final BlockingQueue<byte[]> free;
    private final Thread reader;
    private volatile boolean stopping;
    private Chunk current;
    private int pos;
    private boolean closed;

    /**
     * @param source read by the background thread only, from now until the end or {@link #close}
     * @param chunkSize bytes per read of the source
     * @param depth chunks the background thread may fill ahead
     * @param name the background thread's name
     */
    public ReadAheadInputStream(InputStream source, int chunkSize, int depth, String name) {
        this.source = source;
        this.filled = new ArrayBlockingQueue<>(depth + 1);
        this.free = new ArrayBlockingQueue<>(depth + 1);
        for (int i = 0; i < depth; i++) {
            free.add(new byte[chunkSize]);
        }
        this.reader = Thread.ofPlatform().daemon().name(name).start(this::fill);
    }

    /**
     * The background thread: fills free chunks until the source ends or fails, or the reader
     * closes. It is never interrupted (an interrupt would close a file channel under the source);
     * it waits in short slices and checks whether the reader has gone.
     */
    private void fill() {
        while (true) {
            byte[] buf;
            try {
                while ((buf = free.poll(WAIT_MILLIS, TimeUnit.MILLISECONDS)) == null) {
                    if (stopping) {
                        return;
                    }
                }
            } catch (InterruptedException e) {
                return;
            }
            // Bytes read before a failure go to the reader first, then the failure.
            int n = 0;
            Throwable failure = null;
            try {
                while (n < buf.length) {
                    int r = source.read(buf, n, buf.length - n);
                    if (r < 0) {
                        break;
                    }
                    n += r;
                }
            } catch (IOException | RuntimeException | Error e) {
                failure = e;
            }
            if (n > 0 && !hand(new Chunk(buf, n, null))) {
                return;
            }
            if (failure != null || n < buf.length) {
                hand(failure != null ? new Chunk(null, 0, failure) : Chunk.END);
                return;
            }
        }
    }

    /** Queues a chunk for the reader; false when the reader closed first. */
    private boolean hand(Chunk chunk) {
        try {
            while (!filled.offer(chunk, WAIT_MILLIS, TimeUnit.MILLISECONDS)) {
                if (stopping) {
                    return false;
                }
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }


    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (closed) {
            throw new IOException("stream closed");
        }
        if (len == 0) {
            return 0;
        }
        if (current == null || pos == current.length()) {
            if (current != null && current != Chunk.END) {
                free.add(current.bytes());
            }
            current = take();
            pos = 0;
        }
        if (current == Chunk.END) {
            return -1;
        }
        int n = Math.min(len, current.length() - pos);
        System.arraycopy(current.bytes(), pos, b, off, n);
        pos += n;
        return n;
    }

    private Chunk take() throws IOException {
        Chunk next;
        try {
            next = filled.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while reading ahead");
        }
        if (next.failure() != null) {
            Chunk failed = next;
            next = Chunk.END; // the failure is reported once; later reads see the end
            filled.add(next);
            switch (failed.failure()) {
                case IOException e -> throw e;
                case RuntimeException e -> throw e;
                case Error e -> throw e;
                default -> throw new UncheckedIOException(new IOException(failed.failure()));
            }
        }
        return next;
    }

    /** Stops the background thread, waits for it, then closes the source. */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        stopping = true;
        boolean interrupted = false;
        while (reader.isAlive()) {
            try {
                reader.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        source.close();
    }
}
