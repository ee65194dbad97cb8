package dev.moss.format.internal;

import dev.moss.format.CorruptStoneException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * A bounds-checked big-endian cursor over a decoded payload body. Every read first checks the
 * bytes left, so a hostile count or length ends in {@link CorruptStoneException} naming the
 * payload and record, never in an index exception.
 */
public final class RecordInput {
    private final byte[] buf;
    private final int limit;
    private int pos;
    private final String payloadName;
    private long record = -1;
    /** A strict decoder per thread: one per payload cost more than the decoding (many payloads, few non-ASCII strings each). */
    private static final ThreadLocal<CharsetDecoder> UTF8 = ThreadLocal.withInitial(() -> StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT));

    public RecordInput(byte[] buf, int offset, int limit, String payloadName) {
        this.buf = buf;
        this.pos = offset;
        this.limit = limit;
        this.payloadName = payloadName;
    }

    /** Marks the start of record {@code index}, for error messages. */
    public void startRecord(long index) {
        this.record = index;
    }

    public int remaining() {
        return limit - pos;
    }

    public String where() {
        return record < 0 ? payloadName : payloadName + ", record " + record;
    }

    public CorruptStoneException error(String problem) {
        return new CorruptStoneException(where() + ": " + problem);
    }

    public void require(long n, String what) throws CorruptStoneException {
        if (n > limit - pos) {
            throw error(what + " needs " + n + " bytes but only " + (limit - pos) + " remain in the payload");
        }
    }

    public int u8() throws CorruptStoneException {
        require(1, "a byte");
        return buf[pos++] & 0xFF;
    }

    public int u16() throws CorruptStoneException {
        require(2, "a u16");
        int v = Short.toUnsignedInt(BigEndian.getShort(buf, pos));
        pos += 2;
        return v;
    }

    public int i32() throws CorruptStoneException {
        require(4, "a u32");
        int v = BigEndian.getInt(buf, pos);
        pos += 4;
        return v;
    }

    public long u32() throws CorruptStoneException {
        return Integer.toUnsignedLong(i32());
    }

    public long i64() throws CorruptStoneException {
        require(8, "a u64");
        long v = BigEndian.getLong(buf, pos);
        pos += 8;
        return v;
    }

    public void skip(long n, String what) throws CorruptStoneException {
        require(n, what);
        pos += (int) n;
    }

    public byte[] bytes(long n, String what) throws CorruptStoneException {
        require(n, what);
        byte[] out = new byte[(int) n];
        System.arraycopy(buf, pos, out, 0, (int) n);
        pos += (int) n;
        return out;
    }

    /** The backing array and current offset, for zero-copy reads of a just-required range. */
    public byte[] array() {
        return buf;
    }

    public int position() {
        return pos;
    }

    /**
     * Reads {@code n} bytes as strict UTF-8 and strips all trailing NULs (D-era writers
     * terminated strings, current ones do not).
     */
    public String string(long n, String what) throws CorruptStoneException {
        int start = pos;
        int end = stringEnd(n, what);
        pos += (int) n;
        return decodeUtf8(start, end, what);
    }

    /**
     * Where the string {@link #string} would read from the next {@code n} bytes ends in
     * {@link #array()} (trailing NULs stripped), without reading it: for checks on the raw bytes.
     */
    public int stringEnd(long n, String what) throws CorruptStoneException {
        require(n, what);
        int end = pos + (int) n;
        while (end > pos && buf[end - 1] == 0) {
            end--;
        }
        return end;
    }

    private String decodeUtf8(int start, int end, String what) throws CorruptStoneException {
        // Paths are nearly always ASCII, which needs no decoding.
        boolean ascii = true;
        for (int i = start; i < end; i++) {
            if (buf[i] < 0) {
                ascii = false;
                break;
            }
        }
        if (ascii) {
            return new String(buf, start, end - start, StandardCharsets.ISO_8859_1);
        }
        try {
            CharBuffer chars = UTF8.get().reset().decode(ByteBuffer.wrap(buf, start, end - start));
            return chars.toString();
        } catch (CharacterCodingException e) {
            throw error(what + " is not valid UTF-8");
        }
    }
}
