package dev.moss.store.fs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Map;

/**
 * What {@code lstat(2)} says about a path: full {@code st_mode} (type bits included), owner and
 * size. Symlinks are described, never followed.
 */
public record FileStat(int mode, int uid, int gid, long size) {
    public static final int S_IFMT = 0170000;
    public static final int S_IFREG = 0100000;
    public static final int S_IFDIR = 0040000;
    public static final int S_IFLNK = 0120000;
    public static final int S_IFCHR = 0020000;
    public static final int S_IFBLK = 0060000;
    public static final int S_IFIFO = 0010000;
    public static final int S_IFSOCK = 0140000;

    /** lstat of {@code path}. */
    public static FileStat of(Path path) throws IOException {
        Map<String, Object> a = Files.readAttributes(path, "unix:mode,uid,gid,size", LinkOption.NOFOLLOW_LINKS);
        return new FileStat((Integer) a.get("mode"), (Integer) a.get("uid"), (Integer) a.get("gid"),
                (Long) a.get("size"));
    }

    public int type() {
        return mode & S_IFMT;
    }

    public boolean isRegular() {
        return type() == S_IFREG;
    }

    public boolean isDirectory() {
        return type() == S_IFDIR;
    }

    public boolean isSymlink() {
        return type() == S_IFLNK;
    }

    /** Permission bits including setuid, setgid and sticky. */
    public int permissions() {
        return mode & 07777;
    }

    /**
     * Sets the permission bits of {@code path} exactly (setuid/setgid/sticky included), whatever
     * the umask. Refuses symlinks: Linux has no mode for them, and chmod would follow the link.
     *
     * <p>Why not {@code NOFOLLOW_LINKS}: the JDK then implements chmod by opening the file, and
     * opening a fifo blocks until a writer appears. Plain {@code chmod(2)} after an lstat that
     * proves the path is no symlink has neither problem.
     */
    public static void chmod(Path path, int permissions) throws IOException {
        if (of(path).isSymlink()) {
            throw new IOException(path + ": refusing to chmod a symlink (it would change its target)");
        }
        Files.setAttribute(path, "unix:mode", permissions & 07777);
    }

    /** Sets owner and group of {@code path} itself (lchown for symlinks). Needs privileges. */
    public static void chown(Path path, int uid, int gid) throws IOException {
        Files.setAttribute(path, "unix:uid", uid, LinkOption.NOFOLLOW_LINKS);
        Files.setAttribute(path, "unix:gid", gid, LinkOption.NOFOLLOW_LINKS);
    }
}
