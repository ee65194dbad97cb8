package dev.moss.store.client;

import dev.moss.format.digest.Digest128;
import dev.moss.format.digest.Xxh3;
import dev.moss.store.fs.LinuxNativeFs;
import dev.moss.store.fs.NativeIOException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Hashes files with XXH3-128 through one reusable buffer; one instance per thread. Files are
 * opened without following a final symlink, and only after an {@link Lstat} said they are regular
 * (opening a fifo for reading would block).
 */
final class ContentHasher {
    private final byte[] buffer = new byte[256 << 10];
    private final ByteBuffer wrapped = ByteBuffer.wrap(buffer);
    private final Xxh3.Stream128 stream = Xxh3.stream128();

    Digest128 hash(Path file) throws IOException {
        stream.reset();
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
            for (int n; (n = ch.read(wrapped.clear())) >= 0; ) {
                stream.update(buffer, 0, n);
            }
        }
        return stream.digest();
    }

    /** The identity of an inode: two paths with equal keys are hardlinks of one file. */
    record FileKey(long dev, long ino) {}

    /** One {@code lstat(2)}: type and permission bits, owner, size and inode. */
    record Lstat(int mode, int uid, int gid, long size, FileKey key) {
        static final int S_IFMT = 0170000;
        static final int S_IFREG = 0100000;

        /** lstat of {@code path} in one {@code statx} call; a missing path is a {@link NoSuchFileException}. */
        static Lstat of(Path path) throws IOException {
            LinuxNativeFs.Stat st;
            try {
                st = LinuxNativeFs.statx(LinuxNativeFs.AT_FDCWD, LinuxNativeFs.bytes(path.toString()),
                        LinuxNativeFs.AT_SYMLINK_NOFOLLOW);
            } catch (NativeIOException e) {
                if (e.errno() == LinuxNativeFs.ENOENT || e.errno() == LinuxNativeFs.ENOTDIR) {
                    throw new NoSuchFileException(path.toString());
                }
                throw e;
            }
            long dev = ((long) st.devMajor() << 32) | (st.devMinor() & 0xffffffffL);
            return new Lstat(st.mode(), st.uid(), st.gid(), st.size(), new FileKey(dev, st.inode()));
        }

        int type() {
            return mode & S_IFMT;
        }

        boolean isRegular() {
            return type() == S_IFREG;
        }

        int permissions() {
            return mode & 07777;
        }
    }
}
