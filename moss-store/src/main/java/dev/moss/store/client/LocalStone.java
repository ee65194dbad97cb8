package dev.moss.store.client;

import dev.moss.format.StoneFormatException;
import dev.moss.format.StoneReader;
import dev.moss.format.digest.Digest128;
import dev.moss.format.meta.PackageMeta;
import dev.moss.format.record.IndexRecord;
import dev.moss.format.record.LayoutEntry;
import dev.moss.format.record.LayoutRecord;
import dev.moss.store.MossException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * A {@code .stone} file given on the command line, with what the plan needs of it: its metadata,
 * its layout and its package id, the SHA-256 of the whole file (as repository packages are
 * identified, so a rebuild with an unchanged release is a different package).
 *
 * <p>The index is kept so an install can tell whether the content is in the store already
 * without parsing the stone a second time.
 *
 * @param id the SHA-256 hex, or empty for ephemeral installs, which record nothing and so never
 *     read the whole file when its content is already in the store
 */
public record LocalStone(Path file, Optional<String> id, long size, PackageMeta meta, List<LayoutRecord> layout,
        List<IndexRecord> index) {
    public LocalStone {
        layout = List.copyOf(layout);
        index = List.copyOf(index);
    }

    /** The id for messages and trees: the hash when known, else {@code name-version-release.arch}. */
    public String displayId() {
        return id.orElse(meta.localId());
    }

    /** {@code name version-release}, as plans list packages. */
    public String label() {
        return meta.name() + " " + meta.version() + "-" + meta.release();
    }

    /**
     * Reads the metadata and layout of {@code file} (and hashes it when {@code hash}).
     *
     * @throws MossException naming the file: missing, unreadable or not a valid stone
     */
    public static LocalStone read(Path file, boolean hash) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new MossException("\"" + file + "\": " + (Files.exists(file) ? "not a regular file" : "no such file"));
        }
        try (StoneReader reader = StoneReader.open(file)) {
            PackageMeta meta = PackageMeta.from(reader.metaRecords());
            List<LayoutRecord> layout = reader.layoutRecords();
            checkContentCarried(file, layout, reader.indexRecords());
            return new LocalStone(file, hash ? Optional.of(sha256(file)) : Optional.empty(), reader.fileSize(), meta, layout,
                    reader.indexRecords());
        } catch (StoneFormatException | NoSuchFileException e) {
            throw new MossException("\"" + file + "\": not a valid stone", e);
        }
    }

    /**
     * Reads many stones on as many threads as there are cores (decompressing layouts and hashing
     * whole files is CPU work), keeping their order. The first failure in that order is thrown.
     */
    static List<LocalStone> readAll(List<Path> files, boolean hash) throws IOException {
        if (files.size() < 2) {
            List<LocalStone> out = new ArrayList<>();
            for (Path f : files) {
                out.add(read(f, hash));
            }
            return out;
        }
        ExecutorService pool = StoneImport.workers(Math.min(Runtime.getRuntime().availableProcessors(), files.size()));
        try {
            List<Future<LocalStone>> reads = new ArrayList<>();
            for (Path f : files) {
                reads.add(pool.submit(() -> read(f, hash)));
            }
            List<LocalStone> out = new ArrayList<>(files.size());
            for (Future<LocalStone> r : reads) {
                out.add(StoneImport.unwrap(r));
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("reading stones interrupted");
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Every regular file of the layout must have its bytes in the stone (empty files excepted:
     * they need no asset). Found now, before anything is written, rather than half-way through
     * the blit as a missing asset.
     */
    private static void checkContentCarried(Path file, List<LayoutRecord> layout, List<IndexRecord> index)
            throws MossException {
        Set<Digest128> carried = new HashSet<>();
        index.forEach(r -> carried.add(r.digest()));
        for (LayoutRecord r : layout) {
            if (r.entry() instanceof LayoutEntry.Regular reg && !reg.digest().equals(Digest128.EMPTY)
                    && !carried.contains(reg.digest())) {
                throw new MossException("\"" + file + "\": not a valid stone: /usr/" + reg.target() + " needs content "
                        + reg.digest().toHex() + ", which the stone does not carry");
            }
        }
    }

    static String sha256(Path file) throws IOException {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks SHA-256", e);
        }
        byte[] buf = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n; (n = in.read(buf)) > 0; ) {
                sha.update(buf, 0, n);
            }
        }
        return HexFormat.of().formatHex(sha.digest());
    }
}
