package dev.moss.store.pack;

import dev.moss.format.digest.Digest128;
import dev.moss.format.digest.Xxh3;
import dev.moss.store.MossException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** XXH3-128 and size of regular files, hashed in parallel across cores. */
final class FileHasher {
    private static final int BUFFER = 1 << 18;
    private static final ThreadLocal<ByteBuffer> BUFFERS = ThreadLocal.withInitial(() -> ByteBuffer.allocate(BUFFER));

    /** Digest and the number of bytes actually read. */
    record Hashed(Digest128 digest, long size) {}

    private FileHasher() {}

    /** Hashes every file; results are in the order of {@code files}. */
    static List<Hashed> hashAll(List<Path> files, int workers) throws IOException {
        if (files.isEmpty()) {
            return List.of();
        }
        int threads = Math.max(1, Math.min(workers, files.size()));
        try (ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "moss-hash");
            t.setDaemon(true);
            return t;
        })) {
            List<Future<Hashed>> futures = new ArrayList<>(files.size());
            for (Path f : files) {
                futures.add(pool.submit(() -> hash(f)));
            }
            List<Hashed> out = new ArrayList<>(files.size());
            for (Future<Hashed> f : futures) {
                out.add(join(f, pool));
            }
            return out;
        }
    }

    private static Hashed join(Future<Hashed> f, ExecutorService pool) throws IOException {
        try {
            return f.get();
        } catch (ExecutionException e) {
            pool.shutdownNow();
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IllegalStateException("hashing failed", e.getCause());
        } catch (InterruptedException e) {
            pool.shutdownNow();
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted while hashing");
        }
    }

    static Hashed hash(Path file) throws IOException {
        ByteBuffer buf = BUFFERS.get();
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
            buf.clear();
            long total = 0;
            Xxh3.Stream128 stream = null;
            while (ch.read(buf) >= 0) {
                if (!buf.hasRemaining()) {
                    if (stream == null) {
                        stream = Xxh3.stream128();
                    }
                    stream.update(buf.array(), 0, buf.position());
                    total += buf.position();
                    buf.clear();
                }
            }
            int tail = buf.position();
            total += tail;
            if (stream == null) {
                // Small files fit the buffer: one-shot hashing is faster than streaming.
                return new Hashed(tail == 0 ? Digest128.EMPTY : Xxh3.hash128(buf.array(), 0, tail), total);
            }
            stream.update(buf.array(), 0, tail);
            return new Hashed(stream.digest(), total);
        } catch (AccessDeniedException e) {
            throw new MossException("\"" + file + "\": cannot read: permission denied", e);
        } catch (IOException e) {
            if (e instanceof MossException) {
                throw e;
            }
            throw new MossException("\"" + file + "\": cannot read: " + e.getMessage(), e);
        }
    }
}
