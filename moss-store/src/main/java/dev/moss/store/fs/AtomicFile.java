package dev.moss.store.fs;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Replaces a file all at once, the JGit {@code LockFile} way: the body is written to a temp file
 * in the target's own directory (so the rename stays on one file system), forced to disk, renamed
 * over the target and the directory is synced. Readers see the old file or the new one, never a
 * part. A scratch file, also in that directory, is available to writers that need one (the stone
 * writer compresses content there first); it is always deleted.
 *
 * <pre>
 * AtomicFile.write(dir.resolve("stone.index"), (out, scratch) -&gt; RepositoryIndex.write(..., out, scratch, opts));
 * </pre>
 */
public final class AtomicFile {
    /** Writes the new contents. */
    @FunctionalInterface
    public interface Body {
        void write(FileChannel out, FileChannel scratch) throws IOException;
    }

    private AtomicFile() {}

    /**
     * Writes {@code target} through {@code body}.
     *
     * @throws IOException if writing, syncing or renaming fails; the target is then unchanged and
     *     the temp and scratch files are deleted before throwing
     */
    public static void write(Path target, Body body) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        String stem = "." + target.getFileName() + "." + Long.toHexString(ThreadLocalRandom.current().nextLong());
        Path temp = dir.resolve(stem + ".tmp");
        Path scratch = dir.resolve(stem + ".scratch");
        try {
            try (FileChannel out = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                    FileChannel sc = FileChannel.open(scratch, StandardOpenOption.CREATE_NEW,
                            StandardOpenOption.READ, StandardOpenOption.WRITE)) {
                body.write(out, sc);
                out.force(true);
            }
            Files.deleteIfExists(scratch);
            move(temp, target);
            syncDirectory(dir);
        } catch (IOException | RuntimeException | Error e) {
            deleteQuietly(temp, e);
            deleteQuietly(scratch, e);
            throw e;
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            // Cannot happen within one directory on Linux; kept so odd file systems still work.
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /**
     * fsyncs a directory so a rename in it survives a power cut. Best effort: some file systems
     * refuse to sync directories, and the data itself is already on disk.
     */
    public static void syncDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // Nothing more to do: the rename is done and the file's data was forced.
        }
    }

    private static void deleteQuietly(Path p, Throwable primary) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            primary.addSuppressed(e);
        }
    }
}
