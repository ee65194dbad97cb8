package dev.moss.store.extract;

import dev.moss.format.record.EntryType;
import dev.moss.format.record.LayoutRecord;
import dev.moss.store.fs.FileStat;
import dev.moss.store.fs.Posix;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Creates layout entries below one root directory ({@code usr}) without ever following a symlink.
 *
 * <p>Why it is safe: layout paths are already free of {@code ..}, {@code .}, empty components
 * and leading slashes (the format reader rejects them), so the only way out of the root is
 * through a symlink the layout itself created. Parent directories are therefore made one
 * component at a time, and an existing component is accepted only if lstat says it is a real
 * directory; the path of every new directory is also checked with {@code toRealPath} to lie
 * inside the root. Nothing else writes to the (private, freshly made) tree meanwhile, so the
 * checks cannot be raced. The final component is created with calls that do not follow links
 * ({@code symlink}, {@code mkdir}, {@code mkfifo}, {@code rename}, {@code link}, {@code open}
 * with {@code O_EXCL}).
 */
final class TreeWriter {
    private final Path root;
    private final Path realRoot;
    private final boolean privileged;
    /** Paths (relative to the root) claimed by a layout entry, with the entry's type. */
    private final Map<String, EntryType> claimed = new HashMap<>();
    /** Relative paths known to be real directories that we made. */
    private final Set<String> directories = new HashSet<>();
    /** Explicit directory entries, applied last so a read-only directory does not block its children. */
    private final List<LayoutRecord> directoryModes = new ArrayList<>();

    TreeWriter(Path root, boolean asRoot) throws IOException {
        this.root = root;
        this.realRoot = root.toRealPath();
        this.privileged = asRoot;
    }

    boolean asRoot() {
        return privileged;
    }

    Path root() {
        return root;
    }

    /**
     * Claims {@code target} for an entry of {@code type} and makes sure its parent directories
     * exist as real directories. Returns the absolute path where the entry goes.
     */
    Path claim(String target, EntryType type) throws IOException {
        EntryType previous = claimed.putIfAbsent(target, type);
        if (previous != null) {
            throw new UnsafeLayoutException("layout path \"/usr/" + target + "\" appears twice ("
                    + previous.displayName + " and " + type.displayName + ")");
        }
        int slash = target.lastIndexOf('/');
        if (slash > 0) {
            ensureDirectory(target.substring(0, slash), target);
        }
        return root.resolve(target);
    }

    private void ensureDirectory(String dir, String forTarget) throws IOException {
        if (directories.contains(dir)) {
            return;
        }
        int slash = dir.lastIndexOf('/');
        if (slash > 0) {
            ensureDirectory(dir.substring(0, slash), forTarget);
        }
        EntryType owner = claimed.get(dir);
        if (owner != null && owner != EntryType.DIRECTORY) {
            throw new UnsafeLayoutException("layout path \"/usr/" + forTarget + "\" lies below \"/usr/" + dir
                    + "\", which the layout makes a " + owner.dbName + "; refusing to write through it");
        }
        Path path = root.resolve(dir);
        FileStat st = lstatOrNull(path);
        if (st == null) {
            Files.createDirectory(path);
            FileStat.chmod(path, 0755); // explicit: the umask must not decide implicit directories' mode
        } else if (!st.isDirectory()) {
            throw new UnsafeLayoutException("layout path \"/usr/" + forTarget + "\" would be written through \"/usr/"
                    + dir + "\", which is " + (st.isSymlink() ? "a symlink" : "not a directory")
                    + "; refusing to leave the output directory");
        }
        if (!path.toRealPath().startsWith(realRoot)) {
            throw new UnsafeLayoutException("layout path \"/usr/" + dir + "\" resolves outside the output directory");
        }
        directories.add(dir);
    }

    /** An explicit directory entry: made now if its children did not make it already, mode set at {@link #finish}. */
    void directory(LayoutRecord r) throws IOException {
        String target = r.entry().target();
        Path path = claim(target, EntryType.DIRECTORY);
        if (!directories.contains(target)) {
            FileStat st = lstatOrNull(path);
            if (st == null) {
                Files.createDirectory(path);
                FileStat.chmod(path, 0755);
            } else if (!st.isDirectory()) {
                throw new UnsafeLayoutException("layout directory \"/usr/" + target + "\" already exists as another type");
            }
            directories.add(target);
        }
        directoryModes.add(r);
    }

    void symlink(LayoutRecord r, String text) throws IOException {
        Path path = claim(r.entry().target(), EntryType.SYMLINK);
        Files.createSymbolicLink(path, path.getFileSystem().getPath(text));
        if (privileged) {
            FileStat.chown(path, r.uid(), r.gid());
        }
    }

    /** Creates a fifo (mkfifo) or, as root, a device node; returns false if it had to be skipped. */
    boolean special(LayoutRecord r) throws IOException {
        EntryType type = r.entry().type();
        boolean device = type == EntryType.CHARACTER_DEVICE || type == EntryType.BLOCK_DEVICE;
        if (type == EntryType.SOCKET || (device && (!privileged || !Posix.canMakeNode()))
                || (type == EntryType.FIFO && !Posix.canMakeFifo())) {
            claim(r.entry().target(), type);
            return false;
        }
        Path path = claim(r.entry().target(), type);
        if (device) {
            // The format stores no device numbers, so the node is made as 0:0, like a placeholder.
            Posix.mknod(path, type.modeTypeBits() | 0600, 0);
        } else {
            Posix.mkfifo(path, 0600);
        }
        setOwnerAndMode(path, r);
        return true;
    }

    /** Owner first (chown clears setuid/setgid), then the exact mode. */
    void setOwnerAndMode(Path path, LayoutRecord r) throws IOException {
        if (privileged) {
            FileStat.chown(path, r.uid(), r.gid());
        }
        FileStat.chmod(path, r.permissions());
    }

    /** Applies explicit directories' owners and modes once every entry below them exists. */
    void finish() throws IOException {
        for (int i = directoryModes.size() - 1; i >= 0; i--) {
            LayoutRecord r = directoryModes.get(i);
            setOwnerAndMode(root.resolve(r.entry().target()), r);
        }
    }

    /** Fails if something already sits at {@code path} (lstat), e.g. a duplicate made by a link. */
    static void requireAbsent(Path path) throws IOException {
        if (lstatOrNull(path) != null) {
            throw new FileAlreadyExistsException(path.toString());
        }
    }

    private static FileStat lstatOrNull(Path path) throws IOException {
        try {
            return FileStat.of(path);
        } catch (NoSuchFileException e) {
            return null;
        }
    }
}
