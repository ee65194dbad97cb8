package dev.moss.store.client;

import dev.moss.format.StoneFormatException;
import dev.moss.format.StoneReader;
import dev.moss.format.record.IndexRecord;
import dev.moss.store.MossException;
import dev.moss.store.asset.AssetImporter;
import dev.moss.store.asset.AssetStore;
import dev.moss.store.asset.ImportJournal;
import dev.moss.store.fs.Posix;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Brings the content of local stones into the asset store, one stone per worker thread and as
 * many workers as cores: on a fresh store the work is creating files and directories, which the
 * kernel does in parallel, and decompression and hashing spread over the cores too.
 *
 * <p>It runs in two steps so the caller can build (and check) the new tree meanwhile:
 * {@link #begin} starts checking which stones have all their content in the store already (one
 * {@code statx} per file, nothing written; such a stone is never read again), {@link #finish}
 * imports the others. The first failure stops the other workers and is what the caller sees;
 * {@link #close} then takes out what the import added (assets, fan-out directories, cached
 * stones), so a stone found damaged half-way through its content leaves the store as it was.
 */
final class StoneImport implements AutoCloseable {
    /** Files written, files found already in the store, stones whose content was all there. */
    record Counts(int imported, int reused, int skippedStones) {}

    private final Client client;
    private final List<LocalStone> stones;
    private final boolean cache;
    private final AssetImporter importer;
    private final ExecutorService pool;
    private final List<Future<Boolean>> present = new ArrayList<>();
    private final ImportJournal journal = new ImportJournal();
    /** Copies this import put in the download cache. */
    private final Queue<Path> cached = new ConcurrentLinkedQueue<>();
    /** Set once {@link #finish} returned: what was added stays. */
    private volatile boolean finished;

    private StoneImport(Client client, List<LocalStone> stones, boolean cache) {
        this.client = client;
        // Biggest first, so the last stone to finish is a small one.
        this.stones = new ArrayList<>(stones);
        this.stones.sort(Comparator.comparingLong(LocalStone::size).reversed());
        this.cache = cache;
        this.importer = new AssetImporter(client.assets(), Posix.isRoot(), journal);
        this.pool = workers(Math.min(Runtime.getRuntime().availableProcessors(), Math.max(1, stones.size())));
    }

    /**
     * Starts checking the store for each stone's content, in the background.
     *
     * @param cache {@link #finish} also keeps a copy of each stone in the download cache, so
     *     {@code state verify} can import it again
     */
    static StoneImport begin(Client client, List<LocalStone> stones, boolean cache) {
        StoneImport s = new StoneImport(client, stones, cache);
        for (LocalStone stone : s.stones) {
            s.present.add(s.pool.submit(() -> s.importer.allPresent(stone.index())));
        }
        return s;
    }

    /**
     * Whether the content of {@code stones} seems to be in the store: the first and last file of
     * each stone are. A blit that then finds an asset missing after all says so
     * ({@link dev.moss.store.asset.MissingAssetException}), and the caller imports after all.
     */
    static boolean seemImported(AssetStore store, List<LocalStone> stones) throws IOException {
        for (LocalStone s : stones) {
            List<IndexRecord> index = s.index();
            if (!index.isEmpty() && !(store.contains(index.getFirst().digest()) && store.contains(index.getLast().digest()))) {
                return false;
            }
        }
        return true;
    }

    /** Waits for the checks and imports every stone that has content the store lacks. */
    Counts finish(ClientListener listener) throws IOException {
        listener.phase("Importing");
        try {
            CompletionService<Counts> done = new ExecutorCompletionService<>(pool);
            for (int i = 0; i < stones.size(); i++) {
                LocalStone s = stones.get(i);
                Future<Boolean> allThere = present.get(i);
                Callable<Counts> task = () -> one(s, unwrap(allThere));
                done.submit(task);
            }
            int imported = 0;
            int reused = 0;
            int skipped = 0;
            for (int i = 0; i < stones.size(); i++) {
                Counts c = unwrap(done.take());
                imported += c.imported();
                reused += c.reused();
                skipped += c.skippedStones();
                listener.progress(i + 1, stones.size());
            }
            finished = true;
            return new Counts(imported, reused, skipped);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("import interrupted");
        }
    }

    /** Imports one stone, then caches it: a stone found damaged is not kept. */
    private Counts one(LocalStone s, boolean allPresent) throws IOException {
        Counts counts;
        if (allPresent) {
            counts = new Counts(0, 0, 1);
        } else {
            try (StoneReader reader = StoneReader.open(s.file())) {
                AssetImporter.Result r = importer.importContent(reader);
                counts = new Counts(r.imported(), r.alreadyPresent(), 0);
            } catch (StoneFormatException e) {
                throw new MossException("\"" + s.file() + "\": not a valid stone", e);
            }
        }
        if (cache) {
            Path copy = DownloadCache.store(client, s.file(), s.id().orElseThrow());
            if (copy != null) {
                cached.add(copy);
            }
        }
        return counts;
    }

    /**
     * Stops the workers (they finish the file they are on: a system call cannot be interrupted)
     * and, unless {@link #finish} completed, takes out what they added.
     */
    @Override
    public void close() {
        pool.shutdownNow();
        boolean interrupted = false;
        while (true) {
            try {
                if (pool.awaitTermination(1, TimeUnit.MINUTES)) {
                    break;
                }
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (!finished) {
            undo();
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Takes out what this import added: assets, fan-out directories, cached stones. Also for the
     * caller whose later step failed before the new state went live; call it after {@link #close},
     * and after {@link AssetStore#discardMade} when a blit may have made variants of the imports.
     * Best effort: what cannot be deleted is verified content or a complete copy, for the next prune.
     */
    void undo() {
        journal.undo(client.assets());
        for (Path p; (p = cached.poll()) != null; ) {
            try {
                Files.deleteIfExists(p);
                // its two shard directories, when nothing else is in them
                for (Path d = p.getParent(), stop = d.getParent().getParent(); !d.equals(stop); d = d.getParent()) {
                    Files.delete(d);
                }
            } catch (IOException ignored) {
                // a complete, named copy (harmless: cache prune removes it), or a shard in use
            }
        }
    }

    static ExecutorService workers(int threads) {
        return Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "moss-import");
            t.setDaemon(true);
            return t;
        });
    }

    /** The task's own exception, as thrown. */
    static <T> T unwrap(Future<T> f) throws IOException, InterruptedException {
        try {
            return f.get();
        } catch (ExecutionException e) {
            switch (e.getCause()) {
                case IOException io -> throw io;
                case UncheckedIOException u -> throw u.getCause();
                case RuntimeException r -> throw r;
                case Error err -> throw err;
                default -> throw new IOException(e.getCause());
            }
        }
    }
}
