package dev.moss.store.asset;

import dev.moss.format.ContentSink;
import dev.moss.format.StoneReader;
import dev.moss.format.digest.Digest128;
import dev.moss.format.record.IndexRecord;
import dev.moss.format.record.LayoutEntry;
import dev.moss.format.record.LayoutRecord;
import dev.moss.store.fs.LinuxNativeFs;
import dev.moss.store.state.CrashPoint;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Streams a stone's content into the asset store. Each file goes to {@code <asset>.part}, is
 * hashed on the way, and is renamed to its final name only once its XXH3-128 matched; files
 * already in the store are passed over without being read twice. The asset takes the mode and
 * owner of the first layout entry that uses it.
 */
public final class AssetImporter {
    /** What one import did. */
    public record Result(int imported, int alreadyPresent, long bytesWritten) {}

    private final AssetStore store;
    private final boolean setOwners;

    public AssetImporter(AssetStore store, boolean setOwners) {
        this.store = store;
        this.setOwners = setOwners;
    }

    /** Whether every file a stone's index names is already in the store. */
    public boolean allPresent(List<IndexRecord> index) {
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
        Sink sink = new Sink(firstUse);
        try {
            stone.unpackContent(sink);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return new Result(sink.imported, sink.present, sink.bytes);
    }

    private final class Sink implements ContentSink {
        private final Map<Digest128, LayoutRecord> firstUse;
        private Path part;
        private OutputStream out;
        int imported;
        int present;
        long bytes;

        Sink(Map<Digest128, LayoutRecord> firstUse) {
            this.firstUse = firstUse;
        }

        @Override
        public OutputStream begin(IndexRecord record) throws IOException {
            if (store.contains(record.digest())) {
                present++;
                return SKIP;
            }
            part = store.partFor(record.digest());
            out = new FileOutputStream(part.toFile()); // truncates a stale .part left by a crash
            return out;
        }

        @Override
        public void verified(IndexRecord record) throws IOException {
            out.close();
            LayoutRecord use = firstUse.get(record.digest());
            byte[] p = LinuxNativeFs.bytes(part.toString());
            int perms = use == null ? 0644 : use.permissions();
            if (use != null && setOwners && (use.uid() != 0 || use.gid() != 0)) {
                LinuxNativeFs.lchownat(LinuxNativeFs.AT_FDCWD, p, use.uid(), use.gid());
            }
            LinuxNativeFs.fchmodat(LinuxNativeFs.AT_FDCWD, p, perms);
            CrashPoint.reached("import-part"); // complete and verified, not yet at its name
            store.promote(part, record.digest());
            CrashPoint.reached("import-asset");
            imported++;
            bytes += record.size();
            part = null;
        }

        @Override
        public void failed(IndexRecord record) {
            try {
                if (out != null) {
                    out.close();
                }
                if (part != null) {
                    Files.deleteIfExists(part);
                }
            } catch (IOException ignored) {
                // the import is failing anyway; recovery removes any .part left behind
            }
        }
    }
}
