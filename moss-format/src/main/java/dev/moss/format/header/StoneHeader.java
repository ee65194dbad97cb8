package dev.moss.format.header;

import dev.moss.format.CorruptStoneException;
import dev.moss.format.StoneFormatException;
import dev.moss.format.UnsupportedStoneVersionException;
import dev.moss.format.internal.BigEndian;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * The 32-byte v1 file header: magic {@code \0mos}, payload count, integrity bytes, file type,
 * format version 1. {@code rawFileType} keeps the byte as read, so unknown types round-trip.
 */
public record StoneHeader(int payloadCount, FileType fileType, int rawFileType) {
    public static final int SIZE = 32;
    public static final int MAGIC = 0x006D6F73;
    public static final int VERSION_1 = 1;
    static final byte[] INTEGRITY = {0, 0, 1, 0, 0, 2, 0, 0, 3, 0, 0, 4, 0, 0, 5, 0, 0, 6, 0, 0, 7};

    public StoneHeader {
        if (payloadCount < 0 || payloadCount > 0xFFFF) {
            throw new IllegalArgumentException("payload count " + payloadCount + " does not fit in u16");
        }
        if (rawFileType < 0 || rawFileType > 0xFF) {
            throw new IllegalArgumentException("file type " + rawFileType + " does not fit in u8");
        }
    }

    public StoneHeader(int payloadCount, FileType fileType) {
        this(payloadCount, fileType, fileType.code);
    }

    public static StoneHeader decode(byte[] b) throws StoneFormatException {
        int magic = BigEndian.getInt(b, 0);
        if (magic != MAGIC) {
            throw new CorruptStoneException(String.format(
                    "not a stone: bad magic: expected 006d6f73, found %08x", magic));
        }
        int version = BigEndian.getInt(b, 28);
        if (version != VERSION_1) {
            throw new UnsupportedStoneVersionException(
                    "unknown version: stone format version " + Integer.toUnsignedString(version)
                            + " (only 1 is supported)");
        }
        if (!Arrays.equals(b, 6, 27, INTEGRITY, 0, INTEGRITY.length)) {
            throw new CorruptStoneException("corrupt header: integrity bytes are "
                    + HexFormat.of().formatHex(b, 6, 27) + ", expected "
                    + HexFormat.of().formatHex(INTEGRITY));
        }
        int count = Short.toUnsignedInt(BigEndian.getShort(b, 4));
        int type = Byte.toUnsignedInt(b[27]);
        return new StoneHeader(count, FileType.fromCode(type), type);
    }

    public byte[] encode() {
        byte[] b = new byte[SIZE];
        BigEndian.INT.set(b, 0, MAGIC);
        BigEndian.SHORT.set(b, 4, (short) payloadCount);
        System.arraycopy(INTEGRITY, 0, b, 6, INTEGRITY.length);
        b[27] = (byte) rawFileType;
        BigEndian.INT.set(b, 28, VERSION_1);
        return b;
    }
}
