package dev.moss.store.installation;

import dev.moss.store.fs.LinuxNativeFs;
import dev.moss.store.fs.NativeIOException;
import java.io.IOException;
import java.util.function.Consumer;

/**
 * The exclusive writer lock, {@code flock(2)} on {@code ROOT/.moss/lock}. The kernel releases it
 * when the process dies however it dies; the file itself is never deleted. flock rather than a
 * POSIX record lock ({@code FileChannel.lock}): a record lock is silently dropped when any
 * descriptor of the file is closed anywhere in the process, a flock only with its own descriptor.
 * Two opens of the lock in one process exclude each other too.
 */
public final class InstallationLock implements AutoCloseable {
    private final int fd;

    private InstallationLock(int fd) {
        this.fd = fd;
    }

    /**
     * Takes the lock. If another process holds it: with {@code wait}, tells {@code waiting} once
     * and blocks until it is free; without, throws {@link InstallationLockedException}.
     */
    public static InstallationLock acquire(Installation inst, boolean wait, Consumer<String> waiting)
            throws IOException {
        int fd = LinuxNativeFs.openat(LinuxNativeFs.AT_FDCWD, LinuxNativeFs.bytes(inst.lockFile().toString()),
                LinuxNativeFs.O_RDWR | LinuxNativeFs.O_CREAT, 0644);
        try {
            int err = LinuxNativeFs.flock(fd, LinuxNativeFs.LOCK_EX | LinuxNativeFs.LOCK_NB);
            if (err == LinuxNativeFs.EWOULDBLOCK) {
                String msg = "another moss process is using " + inst.root() + " (" + inst.lockFile() + " is locked)";
                if (!wait) {
                    throw new InstallationLockedException(msg);
                }
                waiting.accept(msg + "; waiting for it to finish");
                err = LinuxNativeFs.flock(fd, LinuxNativeFs.LOCK_EX);
            }
            if (err != 0) {
                throw new NativeIOException("lock", "\"" + inst.lockFile() + "\"", err);
            }
            return new InstallationLock(fd);
        } catch (IOException | RuntimeException | Error e) {
            LinuxNativeFs.close(fd);
            throw e;
        }
    }

    @Override
    public void close() {
        LinuxNativeFs.close(fd); // closing the only descriptor of the open file releases the flock
    }
}
