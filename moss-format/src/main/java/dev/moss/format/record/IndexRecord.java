package dev.moss.format.record;

import dev.moss.format.CorruptStoneException;
import dev.moss.format.digest.Digest128;
import dev.moss.format.internal.RecordInput;
import dev.moss.format.internal.RecordOutput;
import java.util.Objects;

/** Where one unique file lies in the decompressed content: {@code [start, end)} and its digest. */
public record IndexRecord(long start, long end, Digest128 digest) {
    public static final int SIZE = 32;

    public IndexRecord {
        Objects.requireNonNull(digest);
    }

    public long size() {
        return end - start;
    }

    public static IndexRecord read(RecordInput in) throws CorruptStoneException {
        long start = in.i64();
        long end = in.i64();
        if (start < 0 || end < 0 || end < start) {
            throw in.error("bad content range [" + Long.toUnsignedString(start) + ", "
                    + Long.toUnsignedString(end) + ")");
        }
        in.require(16, "index digest");
        Digest128 digest = Digest128.fromBytes(in.array(), in.position());
        in.skip(16, "index digest");
        return new IndexRecord(start, end, digest);
    }

    public void write(RecordOutput out) {
        out.u64(start).u64(end).bytes(digest.toBytes());
    }
}
