package dev.moss.bench.corpus;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Writes one package's staged root ({@code root/usr/...}) and counts the layout entries the
 * packer will record for it: every file and symlink, and a directory only when it is empty or
 * its mode is not 0755 (the packer's rule). Every mode is set explicitly, so the umask of the
 * generating process does not change the corpus. Paths are {@code /usr}-relative.
 */
final class PackageStager {
    private final Path usr;
    private final Map<byte[], Path> pool;
    private final Set<String> dirs = new HashSet<>();
    private final Set<String> taken = new HashSet<>();
    private int entries;
    private long bytes;

    /**
     * @param pool bodies (by identity) that already exist as 0644 files on this file system:
     *     a 0644 file with such a body is staged as a hardlink to it, which costs one system call
     *     instead of four and no data block (the million-entry set stages a million files)
     */
    PackageStager(Path root, Map<byte[], Path> pool) throws IOException {
        this.usr = root.resolve("usr");
        this.pool = pool;
        Files.createDirectories(usr);
        chmod(usr, 0755);
    }

    int entries() {
        return entries;
    }

    long bytes() {
        return bytes;
    }

    /** Whether {@code rel} already names an entry of this package (shapes pick fresh names). */
    boolean exists(String rel) {
        return taken.contains(rel) || dirs.contains(rel);
    }

    void file(String rel, int mode, byte[] body) throws IOException {
        claim(rel);
        Path p = usr.resolve(rel);
        Path pooled = mode == 0644 ? pool.get(body) : null;
        if (pooled != null) {
            Files.createLink(p, pooled);
        } else {
            Files.write(p, body);
            chmod(p, mode);
        }
        entries++;
        bytes += body.length;
    }

    void link(String rel, String text) throws IOException {
        claim(rel);
        Files.createSymbolicLink(usr.resolve(rel), Path.of(text));
        entries++;
    }

    /** An empty directory, recorded by the packer as such. */
    void emptyDir(String rel, int mode) throws IOException {
        claim(rel);
        Path p = usr.resolve(rel);
        Files.createDirectory(p);
        chmod(p, mode);
        entries++;
    }

    /** A directory with a mode other than 0755 that will hold files: one layout entry. */
    void specialDir(String rel, int mode) throws IOException {
        if (mode == 0755) {
            throw new IllegalArgumentException("a 0755 directory with children is not a layout entry");
        }
        claim(rel);
        Path p = usr.resolve(rel);
        Files.createDirectory(p);
        chmod(p, mode);
        dirs.add(rel);
        taken.remove(rel);
        entries++;
    }

    private void claim(String rel) throws IOException {
        if (taken.contains(rel) || dirs.contains(rel)) {
            throw new FileAlreadyExistsException(rel, null, "path used twice");
        }
        int slash = rel.lastIndexOf('/');
        if (slash > 0) {
            parents(rel.substring(0, slash));
        }
        taken.add(rel);
    }

    private void parents(String dir) throws IOException {
        if (dirs.contains(dir)) {
            return;
        }
        if (taken.contains(dir)) {
            throw new FileAlreadyExistsException(dir, null, "a file or empty directory cannot be a parent");
        }
        int slash = dir.lastIndexOf('/');
        if (slash > 0) {
            parents(dir.substring(0, slash));
        }
        Path p = usr.resolve(dir);
        Files.createDirectory(p);
        chmod(p, 0755);
        dirs.add(dir);
    }

    static void chmod(Path p, int mode) throws IOException {
        Set<PosixFilePermission> perms = EnumSet.noneOf(PosixFilePermission.class);
        PosixFilePermission[] order = {
            PosixFilePermission.OTHERS_EXECUTE, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_READ,
            PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_READ,
            PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_READ,
        };
        for (int i = 0; i < order.length; i++) {
            if ((mode & (1 << i)) != 0) {
                perms.add(order[i]);
            }
        }
        Files.setPosixFilePermissions(p, perms);
    }
}
