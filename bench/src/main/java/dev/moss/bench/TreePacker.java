package dev.moss.bench;

import dev.moss.format.StoneWriter;
import dev.moss.format.digest.Digest128;
import dev.moss.format.digest.Xxh3;
import dev.moss.format.header.FileType;
import dev.moss.format.record.EntryType;
import dev.moss.format.record.LayoutEntry;
import dev.moss.format.record.LayoutRecord;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A stand-in for moss-store's pack operation, which is being written in parallel: walks
 * {@code root/usr} the way boulder collects (names sorted bytewise, lstat, symlinks never
 * followed, a directory recorded only when empty or not 040755), hashes every regular file
 * with XXH3-128, and hands everything to {@link StoneWriter}, which reads each unique file
 * again while compressing. Once moss-store's pack lands on main, {@link PackBenchmark#pack}
 * should call it instead of {@link #pack}: at the time of writing that is
 * {@code Pack.run(PackRequest.builder(root, name, version, release).outputDir(dir)...build())}
 * with the request's level and workers set like {@link PackBenchmark#level} and
 * {@link PackBenchmark#workers}; {@link PackBenchmark#scan} then has no twin there and can go.
 */
final class TreePacker {
    private static final int S_IFMT = 0170000;

    private TreePacker() {}

    /** One unique file body, where to read it, and its size. */
    record Source(Digest128 digest, long size, Path path) {}

    /** The collected layout (collection order) and the unique files in first-seen order. */
    record Scan(List<LayoutRecord> layout, List<Source> files) {}

    static Scan scan(Path root) throws IOException {
        List<LayoutRecord> layout = new ArrayList<>();
        Map<Digest128, Source> files = new LinkedHashMap<>();
        Path usr = root.resolve("usr");
        walk(usr, usr, layout, files, new byte[1 << 20]);
        return new Scan(layout, List.copyOf(files.values()));
    }

    /** Packs {@code root} into {@code out}; returns the stone's size in bytes. */
    static long pack(Path root, Path out, StoneWriter.Options options) throws IOException {
        Scan scan = scan(root);
        StoneWriter w = new StoneWriter(FileType.BINARY, options);
        w.addMeta(BenchData.meta("pack-bench").toRecords());
        w.addLayout(scan.layout());
        for (Source s : scan.files()) {
            w.addContent(s.digest(), s.size(), () -> Files.newInputStream(s.path()));
        }
        try (FileChannel ch = FileChannel.open(out, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                        StandardOpenOption.WRITE);
                FileChannel scratch = BenchData.scratch(out.getParent())) {
            w.write(ch, scratch);
            return ch.size();
        }
    }

    /** Returns whether anything was recorded at or below {@code dir}. */
    private static boolean walk(Path usr, Path dir, List<LayoutRecord> layout, Map<Digest128, Source> files, byte[] buf)
            throws IOException {
        List<Path> children = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
            ds.forEach(children::add);
        }
        children.sort(Comparator.comparing(p -> p.getFileName().toString().getBytes(StandardCharsets.UTF_8),
                Arrays::compareUnsigned));
        boolean recorded = false;
        for (Path p : children) {
            Map<String, Object> a = Files.readAttributes(p, "unix:mode,uid,gid,size", LinkOption.NOFOLLOW_LINKS);
            int mode = (Integer) a.get("mode");
            int uid = (Integer) a.get("uid");
            int gid = (Integer) a.get("gid");
            String target = usr.relativize(p).toString();
            LayoutEntry entry;
            switch (mode & S_IFMT) {
                case 0100000 -> {
                    long size = (Long) a.get("size");
                    Digest128 d = hash(p, size, buf);
                    files.putIfAbsent(d, new Source(d, size, p));
                    entry = new LayoutEntry.Regular(d, target);
                }
                case 0120000 -> entry = new LayoutEntry.Symlink(Files.readSymbolicLink(p).toString(), target);
                case 0040000 -> {
                    boolean below = walk(usr, p, layout, files, buf);
                    if (below && mode == 040755) {
                        recorded = true;
                        continue;
                    }
                    entry = new LayoutEntry.Directory(target);
                }
                case 0020000 -> entry = new LayoutEntry.Special(EntryType.CHARACTER_DEVICE, target);
                case 0060000 -> entry = new LayoutEntry.Special(EntryType.BLOCK_DEVICE, target);
                case 0010000 -> entry = new LayoutEntry.Special(EntryType.FIFO, target);
                default -> entry = new LayoutEntry.Special(EntryType.SOCKET, target);
            }
            layout.add(new LayoutRecord(uid, gid, mode, 0, entry));
            recorded = true;
        }
        return recorded;
    }

    private static Digest128 hash(Path p, long size, byte[] buf) throws IOException {
        try (InputStream in = Files.newInputStream(p)) {
            if (size < buf.length) {
                int n = in.readNBytes(buf, 0, buf.length);
                if (n != size) {
                    throw new IOException(p + " changed size while hashing");
                }
                return Xxh3.hash128(buf, 0, n);
            }
            Xxh3.Stream128 h = Xxh3.stream128();
            int n;
            while ((n = in.read(buf)) > 0) {
                h.update(buf, 0, n);
            }
            return h.digest();
        }
    }
}
