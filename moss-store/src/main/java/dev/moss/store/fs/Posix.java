package dev.moss.store.fs;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Path-based conveniences over {@link LinuxNativeFs}, the one FFM seam to libc, for callers that
 * work with {@link Path}s rather than directory descriptors.
 */
public final class Posix {
    private static final int S_IFIFO = 0010000;

    private Posix() {}

    /** The effective user id of this process. */
    public static int geteuid() {
        return LinuxNativeFs.geteuid();
    }

    /** Whether this process runs as root, so it may set owners and create device nodes. */
    public static boolean isRoot() {
        return geteuid() == 0;
    }

    public static boolean canMakeFifo() {
        return true;
    }

    public static boolean canMakeNode() {
        return true;
    }

    /** {@code mkfifo(path, mode)}; the mode is filtered by the umask, so chmod afterwards. */
    public static void mkfifo(Path path, int mode) throws IOException {
        mknod(path, S_IFIFO | (mode & 07777), 0);
    }

    /** {@code mknod(path, mode, dev)} with the file type bits in {@code mode}. Needs root for devices. */
    public static void mknod(Path path, int mode, long dev) throws IOException {
        LinuxNativeFs.mknodat(LinuxNativeFs.AT_FDCWD, LinuxNativeFs.bytes(path.toString()), mode, dev);
    }
}
