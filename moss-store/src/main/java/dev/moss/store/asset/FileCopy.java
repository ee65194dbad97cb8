package dev.moss.store.asset;

import dev.moss.store.fs.LinuxNativeFs;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Copies a file's bytes, sharing extents (reflink) where the filesystem can. */
public final class FileCopy {
    private FileCopy() {}

    /** Creates {@code target} (must not exist) with {@code source}'s bytes; returns true if reflinked. */
    public static boolean cloneOrCopy(Path source, Path target) throws IOException {
        try (FileChannel in = FileChannel.open(source, StandardOpenOption.READ);
                FileChannel out = FileChannel.open(target, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            int srcFd = LinuxNativeFs.openat(LinuxNativeFs.AT_FDCWD, LinuxNativeFs.bytes(source.toString()),
                    LinuxNativeFs.O_RDONLY, 0);
            int dstFd = LinuxNativeFs.openat(LinuxNativeFs.AT_FDCWD, LinuxNativeFs.bytes(target.toString()),
                    LinuxNativeFs.O_WRONLY, 0);
            try {
                if (LinuxNativeFs.ficlone(dstFd, srcFd) == 0) {
                    return true;
                }
            } finally {
                LinuxNativeFs.close(srcFd);
                LinuxNativeFs.close(dstFd);
            }
            long size = in.size();
            long done = 0;
            while (done < size) {
                done += in.transferTo(done, size - done, out);
            }
            return false;
        }
    }
}
