package dev.moss.store.installation;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.StandardOpenOption;
import java.util.function.Consumer;

/**
 * The exclusive writer lock, {@code ROOT/.moss/lock}. It is an OS lock on an open file, so it is
 * released when the process dies however it dies; the file itself is never deleted.
 */
public final class InstallationLock implements AutoCloseable {
    private final FileChannel channel;
    private final FileLock lock;

    private InstallationLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Takes the lock. If another process holds it: with {@code wait}, tells {@code waiting} once
     * and blocks until it is free; without, throws {@link InstallationLockedException}.
     */
    public static InstallationLock acquire(Installation inst, boolean wait, Consumer<String> waiting)
            throws IOException {
        FileChannel ch = FileChannel.open(inst.lockFile(), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        try {
            FileLock lock = tryLock(ch);
            if (lock == null) {
                String msg = "another moss process is using " + inst.root() + " (" + inst.lockFile() + " is locked)";
                if (!wait) {
                    throw new InstallationLockedException(msg);
                }
                waiting.accept(msg + "; waiting for it to finish");
                lock = ch.lock();
            }
            return new InstallationLock(ch, lock);
        } catch (IOException | RuntimeException | Error e) {
            ch.close();
            throw e;
        }
    }

    private static FileLock tryLock(FileChannel ch) throws IOException {
        try {
            return ch.tryLock();
        } catch (OverlappingFileLockException e) {
            return null; // held by this very process (another thread)
        }
    }

    @Override
    public void close() throws IOException {
        try {
            lock.release();
        } finally {
            channel.close();
        }
    }
}
