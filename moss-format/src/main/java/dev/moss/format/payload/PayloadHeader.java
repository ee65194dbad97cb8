package dev.moss.format.payload;

import dev.moss.format.CorruptStoneException;
import dev.moss.format.internal.BigEndian;
import java.util.Optional;

/**
 * The 32-byte header in front of every payload body. Sizes are unsigned 64-bit on the wire;
 * a reader rejects values that do not fit in a signed long before building this record.
 *
 * @param storedSize bytes of body as stored (compressed)
 * @param plainSize bytes of body after decompression
 * @param checksum XXH3-64 of the stored body bytes
 * @param recordCount unsigned 32-bit record count (meaningless for content)
 * @param version payload format version, written as 1 and otherwise ignored
 * @param kindCode raw kind byte, see {@link #kind()}
 * @param compressionCode raw compression byte, see {@link #compression()}
 */
public record PayloadHeader(
        long storedSize,
        long plainSize,
        long checksum,
        long recordCount,
        int version,
        int kindCode,
        int compressionCode) {

    public static final int SIZE = 32;

    public PayloadHeader {
        if (storedSize < 0 || plainSize < 0) {
            throw new IllegalArgumentException("negative payload size");
        }
        if (recordCount < 0 || recordCount > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("record count " + recordCount + " does not fit in u32");
        }
    }

    public static PayloadHeader of(
            PayloadKind kind, Compression compression, long stored, long plain, long checksum, long records) {
        return new PayloadHeader(stored, plain, checksum, records, 1, kind.code, compression.code);
    }

    public Optional<PayloadKind> kind() {
        return PayloadKind.fromCode(kindCode);
    }

    public Optional<Compression> compression() {
        return Compression.fromCode(compressionCode);
    }

    /** Human name of the kind, also for unknown codes ("kind 9"). */
    public String kindName() {
        return kind().map(k -> k.displayName).orElse("kind " + kindCode);
    }

    public byte[] encode() {
        byte[] b = new byte[SIZE];
        BigEndian.LONG.set(b, 0, storedSize);
        BigEndian.LONG.set(b, 8, plainSize);
        BigEndian.LONG.set(b, 16, checksum);
        BigEndian.INT.set(b, 24, (int) recordCount);
        BigEndian.SHORT.set(b, 28, (short) version);
        b[30] = (byte) kindCode;
        b[31] = (byte) compressionCode;
        return b;
    }

    /**
     * Decodes a header; sizes beyond 2^63 are rejected here, bounds against the file are the
     * reader's job.
     *
     * @param where names the payload in error messages, e.g. "payload 2"
     */
    public static PayloadHeader decode(byte[] b, String where) throws CorruptStoneException {
        long stored = BigEndian.getLong(b, 0);
        long plain = BigEndian.getLong(b, 8);
        if (stored < 0 || plain < 0) {
            throw new CorruptStoneException(where + ": impossible size: stored_size "
                    + Long.toUnsignedString(stored) + ", plain_size " + Long.toUnsignedString(plain));
        }
        return new PayloadHeader(
                stored,
                plain,
                BigEndian.getLong(b, 16),
                Integer.toUnsignedLong(BigEndian.getInt(b, 24)),
                Short.toUnsignedInt(BigEndian.getShort(b, 28)),
                Byte.toUnsignedInt(b[30]),
                Byte.toUnsignedInt(b[31]));
    }
}
