package dev.moss.bench;

import dev.moss.format.StoneWriter;
import dev.moss.format.digest.Digest128;
import dev.moss.format.digest.Xxh3;
import dev.moss.format.header.FileType;
import dev.moss.format.meta.PackageMeta;
import dev.moss.format.record.LayoutEntry;
import dev.moss.format.record.LayoutRecord;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.NonWritableChannelException;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The inputs of the benchmarks, built on first use. With {@code -Dmoss.bench.dir=DIR} (set by
 * {@link FormatFigures} for every fork) they are built once and reused by every benchmark of
 * the run; without it each fork builds them in a temporary directory it deletes at the end.
 */
final class BenchData {
    static final String DIR_PROPERTY = "moss.bench.dir";
    /** Level used for every stone the benchmarks read; boulder's level. */
    static final int LEVEL = Integer.getInteger("moss.bench.level", 18);
    static final int CORES = Runtime.getRuntime().availableProcessors();

    static final String CONTENT_STONE = "content-v1.stone";
    static final String RECORDS_STONE = "records-v1.stone";
    static final String PACK_TREE = "tree-v3";

    private BenchData() {}

    /** A working directory and whether this JVM owns (and so deletes) it. */
    record Dir(Path path, boolean owned) implements AutoCloseable {
        static Dir open() throws IOException {
            String shared = System.getProperty(DIR_PROPERTY);
            if (shared != null) {
                Path p = Path.of(shared);
                Files.createDirectories(p);
                return new Dir(p, false);
            }
            return new Dir(Files.createTempDirectory("moss-bench-"), true);
        }

        @Override
        public void close() throws IOException {
            if (owned) {
                deleteTree(path);
            }
        }
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    @FunctionalInterface
    interface Build {
        void into(Path file) throws IOException;
    }

    /** Returns {@code dir/name}, building it first (atomically) when it is not there yet. */
    static Path getOrBuild(Path dir, String name, Build build) throws IOException {
        Path target = dir.resolve(name);
        if (Files.exists(target)) {
            return target;
        }
        Path tmp = dir.resolve(name + ".tmp-" + ProcessHandle.current().pid());
        long t0 = System.nanoTime();
        build.into(tmp);
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        System.out.printf("# built %s in %.1f s%n", name, (System.nanoTime() - t0) / 1e9);
        return target;
    }

    static PackageMeta meta(String name) {
        return new PackageMeta(name, "1.0", 1, 1, "x86_64", "benchmark input", "Synthetic package for benchmarks.",
                name, "https://example.invalid/" + name, List.of("MIT"), List.of(), List.of(), List.of(),
                Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** One file of a synthetic package: its path and body (shared by duplicates). */
    record FileBody(String path, byte[] body, Digest128 digest) {}

    /**
     * About 96 MiB of unique content in about 4,000 files: log-uniform sizes from 64 B to
     * 128 KiB (70 % text-like, 30 % executable-like), 10 % duplicates of earlier files, and
     * four large files (12, 6, 4 and 2 MiB, alternately text-like and binary-like).
     */
    static List<FileBody> contentFiles() {
        Corpus c = new Corpus(0x5eed_c0de_0001L);
        long target = 96L << 20;
        List<FileBody> files = new ArrayList<>();
        List<String> paths = c.paths(8000);
        int[] large = {12 << 20, 6 << 20, 4 << 20, 2 << 20};
        long unique = 0;
        for (int i = 0; i < large.length; i++) {
            byte[] b = i % 2 == 0 ? c.text(large[i]) : c.binary(large[i]);
            files.add(new FileBody(paths.get(files.size()), b, Xxh3.hash128(b)));
            unique += b.length;
        }
        while (unique < target) {
            String path = paths.get(files.size());
            if (files.size() > 10 && c.rng().nextInt(10) == 0) {
                FileBody dup = files.get(large.length + c.rng().nextInt(files.size() - large.length));
                files.add(new FileBody(path, dup.body(), dup.digest()));
                continue;
            }
            byte[] b = c.body(c.logSize(64, 128 << 10));
            files.add(new FileBody(path, b, Xxh3.hash128(b)));
            unique += b.length;
        }
        return files;
    }

    static Path contentStone(Path dir) throws IOException {
        return getOrBuild(dir, CONTENT_STONE, file -> writeStone(file, "content-bench", contentFiles(), List.of()));
    }

    /**
     * 200,000 layout entries: 10 % symlinks, the rest regular files whose bodies are short
     * unique texts, 15 % of them duplicates (so about 153,000 index records).
     */
    static Path recordsStone(Path dir) throws IOException {
        return getOrBuild(dir, RECORDS_STONE, file -> {
            Corpus c = new Corpus(0x5eed_c0de_0002L);
            List<String> paths = c.paths(200_000);
            List<FileBody> files = new ArrayList<>();
            List<LayoutRecord> links = new ArrayList<>();
            for (int i = 0; i < paths.size(); i++) {
                String p = paths.get(i);
                int kind = c.rng().nextInt(100);
                if (kind < 10) {
                    links.add(new LayoutRecord(0, 0, 0120777, 0, new LayoutEntry.Symlink(c.linkText(p), p)));
                } else if (kind < 25 && !files.isEmpty()) {
                    FileBody dup = files.get(c.rng().nextInt(files.size()));
                    files.add(new FileBody(p, dup.body(), dup.digest()));
                } else {
                    byte[] b = ("#" + i + " " + p + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
                    files.add(new FileBody(p, b, Xxh3.hash128(b)));
                }
            }
            writeStone(file, "records-bench", files, links);
        });
    }

    /** Regular files in the pack tree; bodies are log-uniform from 16 B to {@link #PACK_SMALL_MAX}. */
    static final int PACK_FILES = 100_000;
    static final int PACK_SMALL_MAX = Integer.getInteger("moss.bench.packSmallMax", 4 << 10);

    /**
     * The pack tree and what a pack of it must record.
     *
     * @param root the staged root (contains {@code usr/})
     * @param files regular files under {@code usr/}, duplicates included
     * @param layoutEntries layout records a boulder-style pack must produce: every file and
     *     symlink, plus the directories that are empty or not 0755
     */
    record PackTree(Path root, int files, int layoutEntries) {}

    /**
     * A staged install root with exactly {@value #PACK_FILES} regular files under {@code usr/}
     * (6 % of them duplicates, 10 % executable, eight large ones of 1-8 MiB; about 90 MiB
     * unique), plus about 8,600 symlinks and 90 empty or 0700 directories. The counts are kept
     * in {@code root/counts} because the tree is built once and shared by every fork.
     */
    static PackTree packTree(Path dir) throws IOException {
        Path root = getOrBuild(dir, PACK_TREE, BenchData::buildPackTree);
        String[] counts = Files.readString(root.resolve("counts")).trim().split(" ");
        return new PackTree(root, Integer.parseInt(counts[0]), Integer.parseInt(counts[1]));
    }

    private static void buildPackTree(Path root) throws IOException {
        Corpus c = new Corpus(0x5eed_c0de_0003L);
        Path usr = root.resolve("usr");
        // Files are 92 % of the entries drawn, so 115,000 paths leave a wide margin.
        List<String> paths = c.paths(PACK_FILES * 115 / 100);
        int[] large = {8 << 20, 4 << 20, 4 << 20, 2 << 20, 2 << 20, 1 << 20, 1 << 20, 1 << 20};
        List<byte[]> written = new ArrayList<>();
        java.util.Set<Path> made = new java.util.HashSet<>();
        List<Path> leafDirs = new ArrayList<>();
        int files = 0;
        int links = 0;
        for (int i = 0; files < PACK_FILES; i++) {
            if (i == paths.size()) {
                throw new IllegalStateException("ran out of paths after " + files + " files");
            }
            Path p = usr.resolve(paths.get(i));
            Path parent = p.getParent();
            if (made.add(parent)) {
                Files.createDirectories(parent);
            }
            int kind = c.rng().nextInt(1000);
            if (kind < 79) {
                Files.createSymbolicLink(p, Path.of(c.linkText(paths.get(i))));
                links++;
            } else if (kind < 80) {
                Files.createDirectories(p);
                if (c.rng().nextBoolean()) {
                    Files.setPosixFilePermissions(p, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
                }
                leafDirs.add(p);
            } else {
                byte[] b;
                if (files < large.length) {
                    b = files % 2 == 0 ? c.text(large[files]) : c.binary(large[files]);
                } else if (c.rng().nextInt(100) < 6 && !written.isEmpty()) {
                    b = written.get(c.rng().nextInt(written.size()));
                } else {
                    b = c.body(c.logSize(16, PACK_SMALL_MAX));
                    written.add(b);
                }
                Files.write(p, b);
                if (c.rng().nextInt(10) == 0) {
                    Files.setPosixFilePermissions(p, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
                }
                files++;
            }
        }
        // Every other directory holds something and has the default mode (0755 under umask 022),
        // so boulder's rule records exactly these.
        int dirs = 0;
        for (Path d : leafDirs) {
            boolean empty;
            try (Stream<Path> s = Files.list(d)) {
                empty = s.findAny().isEmpty();
            }
            boolean plain = java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(d))
                    .equals("rwxr-xr-x");
            if (empty || !plain) {
                dirs++;
            }
        }
        Files.writeString(root.resolve("counts"), files + " " + (files + links + dirs) + "\n");
    }

    /** Writes a stone with a regular layout entry per file (then the extra entries), level {@link #LEVEL}. */
    static void writeStone(Path file, String name, List<FileBody> files, List<LayoutRecord> extra) throws IOException {
        StoneWriter w = new StoneWriter(FileType.BINARY, new StoneWriter.Options(LEVEL, CORES));
        w.addMeta(meta(name).toRecords());
        List<LayoutRecord> layout = new ArrayList<>(files.size() + extra.size());
        for (FileBody f : files) {
            layout.add(new LayoutRecord(0, 0, 0100644, 0, new LayoutEntry.Regular(f.digest(), f.path())));
        }
        layout.addAll(extra);
        w.addLayout(layout);
        for (FileBody f : files) {
            w.addContent(f.digest(), f.body().length, () -> new ByteArrayInputStream(f.body()));
        }
        try (FileChannel out = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                        StandardOpenOption.WRITE);
                FileChannel scratch = scratch(file.getParent())) {
            w.write(out, scratch);
        }
    }

    /** A temporary read-write file that disappears when closed. */
    static FileChannel scratch(Path dir) throws IOException {
        Path p = Files.createTempFile(dir, "scratch-", ".zst");
        return FileChannel.open(p, StandardOpenOption.READ, StandardOpenOption.WRITE, StandardOpenOption.DELETE_ON_CLOSE);
    }

    /** Reads {@code length} bytes of a file from {@code offset}. */
    static byte[] readRange(Path file, long offset, int length) {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer b = ByteBuffer.allocate(length);
            while (b.hasRemaining()) {
                if (ch.read(b, offset + b.position()) < 0) {
                    throw new IOException("short file " + file);
                }
            }
            return b.array();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A read-only channel over a byte array, to read a stone without file I/O. */
    static final class ByteArrayChannel implements SeekableByteChannel {
        private final byte[] data;
        private long position;
        private boolean open = true;

        ByteArrayChannel(byte[] data) {
            this.data = data;
        }

        @Override
        public int read(ByteBuffer dst) {
            if (position >= data.length) {
                return -1;
            }
            int n = (int) Math.min(dst.remaining(), data.length - position);
            dst.put(data, (int) position, n);
            position += n;
            return n;
        }

        @Override
        public int write(ByteBuffer src) {
            throw new NonWritableChannelException();
        }

        @Override
        public long position() {
            return position;
        }

        @Override
        public SeekableByteChannel position(long newPosition) {
            position = newPosition;
            return this;
        }

        @Override
        public long size() {
            return data.length;
        }

        @Override
        public SeekableByteChannel truncate(long size) {
            throw new NonWritableChannelException();
        }

        @Override
        public boolean isOpen() {
            return open;
        }

        @Override
        public void close() {
            open = false;
        }
    }
}
