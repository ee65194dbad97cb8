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
 * Streams a stone's content into the asset store. Each file is written unnamed (or to
 * {@code <asset>.part} where the filesystem cannot, see {@link AssetNaming}), hashed on the way,
 * and given its final name only once its XXH3-128 matched; files already in the store are passed
 * over without being read twice. The asset takes the mode and owner of the first layout entry
 * that uses it.
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
    private static final byte[] DOT = LinuxNativeFs.bytes(".");
    /** For content no layout entry of its stone uses. */
    private static final int DEFAULT_PERMISSIONS = 0644;

    private final AssetStore store;
    private final boolean setOwners;
    /** Where named assets and made directories are recorded, or null. */
    private final ImportJournal journal;

    /** An importer whose assets stay whatever happens next (repairs: each restored asset counts). */
    public AssetImporter(AssetStore store, boolean setOwners) {
        this(store, setOwners, null);
    }

    /** An importer recording what it adds in {@code journal}, so a failing command can take it out again. */
    public AssetImporter(AssetStore store, boolean setOwners, ImportJournal journal) {
        this.store = store;
        this.setOwners = setOwners;
        this.journal = journal;
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
        Sink sink = new Sink(firstUse, store.openForWriting(), store.naming());
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
        private final AssetNaming naming;
        private final FdOutput out = new FdOutput();
        /** The digest being written (claimed by this sink), or null between assets. */
        private Digest128 writing;
        /** The .part file to discard if the asset fails; empty when there is none. */
        private byte[] partName = EMPTY;
        private byte[] finalName;
        int imported;
        int present;
        long bytes;

        Sink(Map<Digest128, LayoutRecord> firstUse, int storeFd, AssetNaming naming) {
            this.firstUse = firstUse;
            this.storeFd = storeFd;
            this.naming = naming;
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
                String name = AssetStore.relativeName(digest);
                store.makeParents(name, journal);
                finalName = LinuxNativeFs.bytes(name);
                // The intended mode from the start: usually nothing is left to change at the end.
                int mode = permissions(digest) & 0777;
                if (naming == AssetNaming.RENAME_PART) {
                    partName = LinuxNativeFs.bytes(name + ".part");
                    // O_TRUNC: a stale .part left by a crash is simply overwritten
                    out.fd = LinuxNativeFs.openat(storeFd, partName,
                            LinuxNativeFs.O_WRONLY | LinuxNativeFs.O_CREAT | LinuxNativeFs.O_TRUNC, mode);
                } else {
                    int slash = name.lastIndexOf('/');
                    byte[] dir = slash < 0 ? DOT : LinuxNativeFs.bytes(name.substring(0, slash));
                    out.fd = LinuxNativeFs.openat(storeFd, dir, LinuxNativeFs.O_WRONLY | LinuxNativeFs.O_TMPFILE, mode);
                }
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
                int perms = use == null ? DEFAULT_PERMISSIONS : use.permissions();
                if (use != null && setOwners && (use.uid() != 0 || use.gid() != 0)) {
                    LinuxNativeFs.fchown(out.fd, use.uid(), use.gid());
                }
                LinuxNativeFs.Stat st = LinuxNativeFs.statx(out.fd, EMPTY, LinuxNativeFs.AT_EMPTY_PATH);
                if ((st.mode() & 07777) != perms) {
                    // the umask, setuid/setgid bits, a chown (which clears them) or a stale .part
                    LinuxNativeFs.fchmod(out.fd, perms);
                    st = LinuxNativeFs.statx(out.fd, EMPTY, LinuxNativeFs.AT_EMPTY_PATH);
                }
                CrashPoint.reached("import-part"); // complete and verified, not yet at its name
                if (!name(digest)) {
                    present++;
                    return;
                }
                if (journal != null) {
                    journal.named(digest);
                }
                CrashPoint.reached("import-asset");
                store.added(digest, st);
                imported++;
                bytes += record.size();
            } finally {
                done();
            }
        }

        /**
         * Gives the verified file its final name; false if a file already has that name (an importer
         * working through another store object named it meanwhile: at its final name it is trusted,
         * and ours, unnamed, goes with its descriptor).
         */
        private boolean name(Digest128 digest) throws IOException {
            if (naming == AssetNaming.RENAME_PART) {
                closeOut();
                LinuxNativeFs.renameat(storeFd, partName, storeFd, finalName);
                partName = EMPTY; // at its final name now: nothing to discard
                return true;
            }
            int err = naming.link(out.fd, storeFd, finalName);
            if (err == LinuxNativeFs.EEXIST) {
                store.probe(digest);
                return false;
            }
            if (err != 0) {
                throw new NativeIOException("link", "\"" + store.pathFor(digest) + "\"", err);
            }
            return true;
        }

        private int permissions(Digest128 digest) {
            LayoutRecord use = firstUse.get(digest);
            return use == null ? DEFAULT_PERMISSIONS : use.permissions();
        }

        @Override
        public void failed(IndexRecord record) {
            if (record.digest().equals(writing)) {
                done();
            }
        }

        /**
         * Ends the current asset: closes its file (an unnamed one vanishes with it), discards its
         * .part if it is still there, releases the claim.
         */
        private void done() {
            closeOut();
            if (partName.length > 0) {
                try {
                    LinuxNativeFs.unlinkat(storeFd, partName, 0);
                } catch (NativeIOException ignored) {
                    // the import is failing anyway; recovery removes any .part left behind
                }
                partName = EMPTY;
            }
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
    }

    /** The open file being written as the stream the splitter writes into. */
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
