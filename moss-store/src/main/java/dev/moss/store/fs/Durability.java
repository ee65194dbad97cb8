package dev.moss.store.fs;

import java.io.IOException;
import java.nio.file.Path;

/** Making writes durable before the switch: fsync of directories, syncfs of a whole filesystem. */
public final class Durability {
    private Durability() {}

    /** fsync a directory, so entries created or renamed in it survive a power cut. */
    public static void syncDirectory(Path dir) throws IOException {
        int fd = LinuxNativeFs.openDirectory(dir.toString());
        try {
            LinuxNativeFs.fsync(fd);
        } finally {
            LinuxNativeFs.close(fd);
        }
    }

    /** syncfs: flushes everything written to the filesystem holding {@code anyPath}. */
    public static void syncFilesystem(Path anyPath) throws IOException {
        int fd = LinuxNativeFs.openDirectory(anyPath.toString());
        try {
            LinuxNativeFs.syncfs(fd);
        } finally {
            LinuxNativeFs.close(fd);
        }
    }
}
