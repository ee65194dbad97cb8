package dev.moss.store.asset;

import dev.moss.format.digest.Digest128;
import dev.moss.store.fs.LinuxNativeFs;
import dev.moss.store.fs.NativeIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * What the imports of one command added to the store: the assets they gave a name and the
 * fan-out directories they made. A command whose import fails (a stone damaged half-way through
 * its content) takes them out again, so a refused package leaves the store as it found it.
 * What stays would be harmless (every named asset is verified; {@code cache prune} removes
 * unused ones), but a failed command is meant to change nothing.
 *
 * <p>Workers record concurrently; {@link #undo} runs once they have all stopped. Nothing here is
 * durable: after a kill, verified assets that no state uses simply wait for the next prune.
 */
public final class ImportJournal {
    private final Queue<Digest128> assets = new ConcurrentLinkedQueue<>();
    private final Queue<String> dirs = new ConcurrentLinkedQueue<>();

    void named(Digest128 digest) {
        assets.add(digest);
    }

    void madeDir(String relative) {
        dirs.add(relative);
    }

    /**
     * Deletes the recorded assets, then the recorded directories that are empty again (deepest
     * first), and makes the store forget what it had learnt. Variants a blit made of them go
     * first ({@link AssetStore#discardMade}), or their directories stay. Best effort: a file that
     * cannot go stays, verified, for the next prune.
     */
    public void undo(AssetStore store) {
        int fd;
        try {
            fd = store.fd();
        } catch (NativeIOException e) {
            fd = -1;
        }
        if (fd >= 0) {
            for (Digest128 d; (d = assets.poll()) != null; ) {
                unlinkQuietly(fd, AssetStore.relativeNameBytes(d), 0);
            }
            List<String> made = new ArrayList<>(dirs);
            made.sort(Comparator.comparingInt(String::length).reversed()); // "aa/bb/cc" before "aa/bb"
            for (String dir : made) {
                unlinkQuietly(fd, LinuxNativeFs.bytes(dir), LinuxNativeFs.AT_REMOVEDIR); // not empty: another asset lives there
            }
        }
        assets.clear();
        dirs.clear();
        store.forgetAll();
    }

    private static void unlinkQuietly(int fd, byte[] name, int flags) {
        try {
            LinuxNativeFs.unlinkat(fd, name, flags);
        } catch (NativeIOException ignored) {
            // see undo: best effort
        }
    }
}
