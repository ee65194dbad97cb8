package dev.moss.store.client;

import dev.moss.db.state.StateId;
import dev.moss.format.digest.Digest128;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;

/**
 * What the asset pass and the tree passes of one {@link VerifyStates#check} share: the worker
 * pool, one {@link ContentHasher} per worker, the issues found so far, and what every hashed inode
 * really contains, so that a tree file hardlinked to an asset is never read a second time.
 */
final class VerifyScan implements AutoCloseable {
    private final ForkJoinPool pool;
    private final ThreadLocal<ContentHasher> hashers = ThreadLocal.withInitial(ContentHasher::new);
    /** Inode to the digest its bytes actually have (good or bad): filled by every hash. */
    private final ConcurrentMap<ContentHasher.FileKey, Digest128> contentOf = new ConcurrentHashMap<>();
    private final Queue<VerifyIssue> issues = new ConcurrentLinkedQueue<>();
    final LongAdder hashed = new LongAdder();
    final LongAdder entries = new LongAdder();

    VerifyScan(int threads) {
        this.pool = new ForkJoinPool(Math.max(1, threads));
    }

    /** The digest of the bytes of {@code file}, whose lstat is {@code st}: from memory if this inode was read before. */
    Digest128 content(Path file, ContentHasher.Lstat st) throws IOException {
        if (st.size() == 0) {
            return Digest128.EMPTY; // blits give every empty file its own inode: nothing to read or remember
        }
        Digest128 known = contentOf.get(st.key());
        if (known != null) {
            return known;
        }
        Digest128 d = hashers.get().hash(file);
        hashed.increment();
        contentOf.put(st.key(), d);
        return d;
    }

    void storeIssue(VerifyIssue.Kind kind, Path file, Digest128 digest, String found) {
        issues.add(new VerifyIssue(kind, Optional.empty(), file, "", Optional.of(digest), digest.toHex(), found));
    }

    void treeIssue(VerifyIssue.Kind kind, StateId state, Path file, String entry, Optional<Digest128> digest,
            String expected, String found) {
        issues.add(new VerifyIssue(kind, Optional.of(state), file, entry, digest, expected, found));
    }

    /** Every issue so far: store issues by file, then tree issues by state and path. */
    List<VerifyIssue> issues() {
        List<VerifyIssue> out = new ArrayList<>(issues);
        out.sort(Comparator.comparing((VerifyIssue i) -> i.state().map(StateId::value).orElse(-1L))
                .thenComparing(i -> i.entry().isEmpty() ? i.file().toString() : i.entry())
                .thenComparing(VerifyIssue::kind));
        return out;
    }

    /**
     * Runs {@code task} on the pool and reports {@code done} out of {@code total} to the listener
     * about ten times a second from this thread (listeners need not be thread-safe).
     */
    void run(ForkJoinTask<?> task, LongSupplier done, long total, ClientListener listener) throws IOException {
        pool.execute(task);
        while (true) {
            try {
                task.get(100, TimeUnit.MILLISECONDS);
                break;
            } catch (TimeoutException e) {
                listener.progress(done.getAsLong(), total);
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof UncheckedIOException u) {
                    throw u.getCause();
                }
                if (cause instanceof RuntimeException r) {
                    throw r;
                }
                if (cause instanceof Error err) {
                    throw err;
                }
                throw new IOException(cause);
            } catch (InterruptedException e) {
                task.cancel(true);
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("verify interrupted");
            }
        }
        listener.progress(total, total);
    }

    @Override
    public void close() {
        pool.close();
    }
}
