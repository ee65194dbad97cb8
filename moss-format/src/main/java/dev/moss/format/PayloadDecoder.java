package dev.moss.format;

import dev.moss.format.digest.Xxh3;
import dev.moss.format.internal.RecordInput;
import dev.moss.format.internal.ZstdCodec;
import dev.moss.format.payload.Compression;
import dev.moss.format.payload.Payload;
import dev.moss.format.payload.PayloadHeader;
import dev.moss.format.payload.PayloadKind;
import dev.moss.format.record.AttributeRecord;
import dev.moss.format.record.IndexRecord;
import dev.moss.format.record.LayoutRecord;
import dev.moss.format.record.MetaRecord;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns one payload (header + body location) into a {@link Payload}: record payloads are
 * bounds-checked, checksum-verified over their stored bytes, decompressed with a hard cap and
 * decoded; content and unknown payloads are only located.
 */
final class PayloadDecoder {
    /** Reads exactly {@code length} bytes at {@code position} or throws TruncatedStoneException. */
    @FunctionalInterface
    interface ByteSource {
        byte[] read(long position, int length, String what) throws IOException;
    }

    private final ByteSource source;
    private final ReadLimits limits;

    PayloadDecoder(ByteSource source, ReadLimits limits) {
        this.source = source;
        this.limits = limits;
    }

    Payload decode(int i, PayloadHeader ph, long body, String where) throws IOException {
        Optional<PayloadKind> kind = ph.kind();
        Optional<Compression> compression = ph.compression();
        if (kind.isEmpty() || compression.isEmpty()) {
            return new Payload.UnknownPayload(i, ph, body);
        }
        if (compression.get() == Compression.NONE && ph.storedSize() != ph.plainSize()) {
            throw new CorruptStoneException(where + ": uncompressed payload has stored_size "
                    + ph.storedSize() + " but plain_size " + ph.plainSize());
        }
        if (kind.get() == PayloadKind.CONTENT) {
            return new Payload.ContentPayload(i, ph, body);
        }
        int minRecord = switch (kind.get()) {
            case META -> 8;
            case ATTRIBUTES -> 16;
            default -> 32;
        };
        if (ph.plainSize() > limits.maxRecordPayloadSize() || ph.storedSize() > limits.maxRecordPayloadSize()) {
            throw new CorruptStoneException(where + ": payload of " + ph.plainSize()
                    + " plain bytes exceeds the limit of " + limits.maxRecordPayloadSize());
        }
        if (ph.recordCount() * minRecord > ph.plainSize()) {
            throw new CorruptStoneException(where + ": " + ph.recordCount() + " records need at least "
                    + ph.recordCount() * minRecord + " bytes, but plain_size is " + ph.plainSize());
        }
        byte[] stored = source.read(body, (int) ph.storedSize(), where);
        long actual = Xxh3.hash64(stored, 0, stored.length);
        if (actual != ph.checksum()) {
            throw new ChecksumMismatchException(String.format(
                    "%s: checksum mismatch: expected %016x, got %016x", where, ph.checksum(), actual));
        }
        int plainSize = (int) ph.plainSize();
        byte[] plain = compression.get() == Compression.ZSTD
                ? ZstdCodec.decompressExact(stored, plainSize, where)
                : stored;
        RecordInput in = new RecordInput(plain, 0, plainSize, where);
        int count = (int) ph.recordCount();
        return switch (kind.get()) {
            case META -> new Payload.MetaPayload(i, ph, decodeAll(in, count, MetaRecord::read));
            case LAYOUT -> new Payload.LayoutPayload(i, ph, decodeAll(in, count, LayoutRecord::read));
            case INDEX -> new Payload.IndexPayload(i, ph, decodeAll(in, count, IndexRecord::read));
            case ATTRIBUTES -> new Payload.AttributePayload(i, ph, decodeAll(in, count, AttributeRecord::read));
            case CONTENT -> throw new AssertionError("handled above");
        };
    }

    /** Decodes one record from a cursor. */
    @FunctionalInterface
    interface RecordDecoder<T> {
        T read(RecordInput in) throws CorruptStoneException;
    }

    private static <T> List<T> decodeAll(RecordInput in, int count, RecordDecoder<T> decoder)
            throws CorruptStoneException {
        List<T> out = new ArrayList<>(count);
        for (int r = 0; r < count; r++) {
            in.startRecord(r);
            out.add(decoder.read(in));
        }
        return out;
    }
}
