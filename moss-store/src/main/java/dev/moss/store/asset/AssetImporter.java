package dev.moss.store.asset;

import dev.moss.format.ContentSink;
import dev.moss.format.StoneReader;
import dev.moss.format.digest.Digest128;
import dev.moss.format.record.IndexRecord;
import dev.moss.format.record.LayoutEntry;
import dev.moss.format.record.LayoutRecord;
import dev.moss.store.fs.LinuxNativeFs;
import dev.moss.store.fs.NativeIOException;
import dev.moss.store.state.CrashPoint;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Streams a stone's content into the asset store. Each file goes to {@code <asset>.part}, is
 * hashed on the way, and is renamed to its final name only once its XXH3-128 matched; files
 * already in the store are passed over without being read twice. The asset takes the mode and
 * owner of the first layout entry that uses it.
 *
 * <p>Several importers may run at once on one store (one stone each): an asset is written by
 * whichever claims it first, and the others pass over it. Every call is relative to the store's
 * directory descriptor, and the fan-out directories are created once, because on a fresh store
 * those system calls, not decompression, are most of the work.
 */
public final class AssetImporter {
    /** What one import did. */
    public record Result(int imported, int alreadyPresent, long bytesWritten) {}

    private static final byte[] EMPTY = {};

    private final AssetStore store;
    private final boolean setOwners;

    public AssetImporter(AssetStore store, boolean setOwners) {
        this.store = store;
        this.setOwners = setOwners;
    }

    /** Whether every file a stone's index names is already in the store. */
    public boolean allPresent(List<IndexRecord> index) throws IOException {
        for (IndexRecord r : index) {
            if (!store.contains(r.digest())) {
                return false;
            }
        }
        return true;
    }

    public Result importContent(StoneReader stone) throws IOException {
        Map<Digest128, LayoutRecord> firstUse = new HashMap<>();
        for (LayoutRecord l : stone.layoutRecords()) {
            if (l.entry() instanceof LayoutEntry.Regular reg) {
                firstUse.putIfAbsent(reg.digest(), l);
            }
        }
        Sink sink = new Sink(firstUse, store.openForWriting());
        try {
            stone.unpackContent(sink);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return new Result(sink.imported, sink.present, sink.bytes);
    }

    private final class Sink implements ContentSink {
        private final Map<Digest128, LayoutRecord> firstUse;
        private final int storeFd;
        private final FdOutput out = new FdOutput();
        /** The digest being written (claimed by this sink), or null between assets. */
        private Digest128 writing;
        private byte[] partName = EMPTY;
        private String finalName;
        int imported;
        int present;
        long bytes;

        Sink(Map<Digest128, LayoutRecord> firstUse, int storeFd) {
            this.firstUse = firstUse;
            this.storeFd = storeFd;
        }

        @Override
        public OutputStream begin(IndexRecord record) throws IOException {
            Digest128 digest = record.digest();
            // Claim first, then look: a writer records its asset before it releases the claim,
            // so whoever claims after it sees the asset and passes over it.
            if (!store.claim(digest)) {
                present++; // being written by another importer right now
                return SKIP;
            }
            if (store.contains(digest)) {
                store.release(digest);
                present++;
                return SKIP;
            }
            writing = digest;
            try {
                finalName = AssetStore.relativeName(digest);
                store.makeParents(finalName);
                partName = LinuxNativeFs.bytes(finalName + ".part");
                // O_TRUNC: a stale .part left by a crash is simply overwritten
                out.fd = LinuxNativeFs.openat(storeFd, partName,
                        LinuxNativeFs.O_WRONLY | LinuxNativeFs.O_CREAT | LinuxNativeFs.O_TRUNC, 0600);
            } catch (IOException | RuntimeException e) {
                done();
                throw e;
            }
            return out;
        }

        @Override
        public void verified(IndexRecord record) throws IOException {
            Digest128 digest = record.digest();
            if (!digest.equals(writing)) {
                throw new IllegalStateException("verified " + digest + " while writing " + writing);
            }
            try {
                LayoutRecord use = firstUse.get(digest);
                int perms = use == null ? 0644 : use.permissions();
                if (use != null && setOwners && (use.uid() != 0 || use.gid() != 0)) {
                    LinuxNativeFs.fchown(out.fd, use.uid(), use.gid());
                }
                LinuxNativeFs.fchmod(out.fd, perms); // after chown, which clears setuid/setgid
                LinuxNativeFs.Stat st = LinuxNativeFs.statx(out.fd, EMPTY, LinuxNativeFs.AT_EMPTY_PATH);
                closeOut();
                CrashPoint.reached("import-part"); // complete and verified, not yet at its name
                LinuxNativeFs.renameat(storeFd, partName, storeFd, LinuxNativeFs.bytes(finalName));
                CrashPoint.reached("import-asset");
                store.added(digest, st);
                imported++;
                bytes += record.size();
                partName = EMPTY; // at its final name now: nothing to discard
            } finally {
                done();
            }
        }

        @Override
        public void failed(IndexRecord record) {
            if (record.digest().equals(writing)) {
                done();
            }
        }

        /** Ends the current asset: discards its .part if it is still there, releases the claim. */
        private void done() {
            if (partName.length > 0) {
                discardPart();
            }
            closeOut();
            if (writing != null) {
                store.release(writing);
                writing = null;
            }
        }

        private void closeOut() {
            if (out.fd >= 0) {
                LinuxNativeFs.close(out.fd);
                out.fd = -1;
            }
        }

        private void discardPart() {
            closeOut();
            try {
                LinuxNativeFs.unlinkat(storeFd, partName, 0);
            } catch (NativeIOException ignored) {
                // the import is failing anyway; recovery removes any .part left behind
            }
            partName = EMPTY;
        }
    }

    /** The open {@code .part} file as the stream the splitter writes into. */
    private static final class FdOutput extends OutputStream {
        int fd = -1;

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            LinuxNativeFs.write(fd, b, off, len);
        }
    }
}
