package dev.moss.store.index;

import dev.moss.format.StoneReader;
import dev.moss.format.StoneWriter;
import dev.moss.format.index.RepositoryIndex;
import dev.moss.format.meta.PackageMeta;
import dev.moss.store.MossException;
import dev.moss.store.fs.AtomicFile;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

/**
 * Indexes a directory of stones into {@code stone.index} (spec §8): every {@code *.stone} found
 * recursively is hashed (SHA-256, in parallel) and its meta read; per package name the highest
 * release wins, and two files with the same name and release are an error. Each entry's
 * {@code PackageURI} is the stone's path relative to the directory the index is written to.
 *
 * <pre>
 * IndexResult r = Index.run(repoDir, repoDir);
 * </pre>
 */
public final class Index {
    public static final String FILE_NAME = "stone.index";

    private record Scanned(Path file, String sha256, long size, PackageMeta meta) {}

    private Index() {}

    /**
     * Writes {@code <outputDir>/stone.index} atomically.
     *
     * @param outputDir where the index goes (created if missing); URIs are relative to it
     * @throws DuplicateReleaseException if two stones share name and release (nothing is written)
     * @throws MossException naming the file if a stone cannot be read
     */
    public static IndexResult run(Path dir, Path outputDir) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new MossException("\"" + dir + "\": not a directory");
        }
        Path root = dir.toRealPath();
        Files.createDirectories(outputDir);
        Path out = outputDir.toRealPath();
        List<Path> stones;
        try (Stream<Path> walk = Files.walk(root)) {
            stones = walk.filter(p -> p.getFileName().toString().endsWith(".stone") && Files.isRegularFile(p))
                    .sorted().toList();
        }
        Map<String, Scanned> best = new TreeMap<>();
        for (Scanned s : scanAll(stones)) {
            Scanned other = best.get(s.meta().name());
            if (other == null || s.meta().release() > other.meta().release()) {
                best.put(s.meta().name(), s);
            } else if (s.meta().release() == other.meta().release()) {
                throw new DuplicateReleaseException("two files with the same release: \"" + other.file() + "\" and \""
                        + s.file() + "\" (package " + s.meta().name() + ", release " + s.meta().release() + ")");
            }
        }
        List<IndexedPackage> packages = new ArrayList<>();
        for (Scanned s : best.values()) {
            String uri = relativeUri(out, s.file());
            packages.add(new IndexedPackage(uri, s.file(), s.meta().withRepositoryFields(uri, s.sha256(), s.size())));
        }
        packages.sort(Comparator.comparing(p -> p.meta().name()));
        Path indexFile = out.resolve(FILE_NAME);
        List<PackageMeta> metas = packages.stream().map(IndexedPackage::meta).toList();
        AtomicFile.write(indexFile, (o, scratch) -> RepositoryIndex.write(metas, o, StoneWriter.Options.DEFAULT));
        return new IndexResult(indexFile, stones.size(), packages);
    }

    /** {@code file} relative to {@code base}, with {@code /} separators, {@code ../} where needed and no {@code ./}. */
    static String relativeUri(Path base, Path file) {
        Path rel = base.relativize(file);
        List<String> parts = new ArrayList<>();
        rel.forEach(p -> parts.add(p.toString()));
        return String.join("/", parts);
    }

    private static List<Scanned> scanAll(List<Path> stones) throws IOException {
        int threads = Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), stones.size()));
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            List<Future<Scanned>> futures = new ArrayList<>();
            for (Path p : stones) {
                futures.add(pool.submit(() -> scan(p)));
            }
            List<Scanned> out = new ArrayList<>();
            for (Future<Scanned> f : futures) {
                try {
                    out.add(f.get());
                } catch (ExecutionException e) {
                    pool.shutdownNow();
                    if (e.getCause() instanceof IOException io) {
                        throw io;
                    }
                    throw new IllegalStateException("indexing failed", e.getCause());
                } catch (InterruptedException e) {
                    pool.shutdownNow();
                    Thread.currentThread().interrupt();
                    throw new java.io.InterruptedIOException("interrupted while indexing");
                }
            }
            return out;
        }
    }

    private static Scanned scan(Path file) throws IOException {
        try {
            PackageMeta meta;
            try (StoneReader reader = StoneReader.open(file)) {
                meta = PackageMeta.from(reader.metaRecords());
            }
            MessageDigest sha = sha256();
            long size = 0;
            ByteBuffer buf = ByteBuffer.allocate(1 << 18);
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
                int n;
                while ((n = ch.read(buf.clear())) >= 0) {
                    sha.update(buf.array(), 0, n);
                    size += n;
                }
            }
            return new Scanned(file, HexFormat.of().formatHex(sha.digest()), size, meta);
        } catch (IOException e) {
            throw new MossException("\"" + file + "\"", e);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK always has SHA-256", e);
        }
    }
}
