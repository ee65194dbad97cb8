package dev.moss.format.digest;

import dev.moss.format.internal.BigEndian;
import java.math.BigInteger;
import java.util.HexFormat;

/**
 * A 128-bit XXH3 digest, as stored in layout and index records (big-endian u128).
 *
 * <p>moss names asset files with the <em>unpadded</em> lower-case hex of this number
 * ({@link #toHex()}), while {@code inspect} shows the zero-padded 32-character form
 * ({@link #toPaddedHex()}). The layout database stores it as decimal text ({@link #toDecimal()}).
 */
public record Digest128(long high, long low) implements Comparable<Digest128> {

    /** XXH3-128 of the empty input. */
    public static final Digest128 EMPTY = new Digest128(0x99aa06d3014798d8L, 0x6001c324468d497fL);

    public static final int BYTES = 16;

    /*
     * equals and hashCode are written out: a record's generated ones go through method handles
     * that the C1 compiler (which moss's transactions run with) does not inline, and digests are
     * the keys of the maps an install and a blit look up once per file.
     */
    @Override
    public boolean equals(Object o) {
        return o instanceof Digest128 d && d.high == high && d.low == low;
    }

    /** The digest's bits are uniformly spread already; the record's own formula, kept. */
    @Override
    public int hashCode() {
        return 31 * Long.hashCode(high) + Long.hashCode(low);
    }

    /** Reads 16 big-endian bytes. */
    public static Digest128 fromBytes(byte[] bytes, int offset) {
        return new Digest128(
                BigEndian.getLong(bytes, offset), BigEndian.getLong(bytes, offset + 8));
    }

    /** Parses hex text, padded or not (at most 32 digits). */
    public static Digest128 fromHex(String hex) {
        if (hex.isEmpty() || hex.length() > 32) {
            throw new IllegalArgumentException("not a 128-bit hex digest: \"" + hex + "\"");
        }
        String padded = "0".repeat(32 - hex.length()) + hex;
        try {
            return new Digest128(
                    HexFormat.fromHexDigitsToLong(padded, 0, 16),
                    HexFormat.fromHexDigitsToLong(padded, 16, 32));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a 128-bit hex digest: \"" + hex + "\"", e);
        }
    }

    /** Parses the decimal u128 text used by the layout database. */
    public static Digest128 fromDecimal(String decimal) {
        BigInteger value;
        try {
            value = new BigInteger(decimal);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a decimal u128: \"" + decimal + "\"", e);
        }
        if (value.signum() < 0 || value.bitLength() > 128) {
            throw new IllegalArgumentException("not a decimal u128: \"" + decimal + "\"");
        }
        return new Digest128(value.shiftRight(64).longValue(), value.longValue());
    }

    public void toBytes(byte[] out, int offset) {
        BigEndian.LONG.set(out, offset, high);
        BigEndian.LONG.set(out, offset + 8, low);
    }

    public byte[] toBytes() {
        byte[] out = new byte[BYTES];
        toBytes(out, 0);
        return out;
    }

    /** Lower-case hex without leading zeros (Rust {@code {:02x}} on a u128), at least 2 digits. */
    public String toHex() {
        String full = toPaddedHex();
        int start = 0;
        while (start < 30 && full.charAt(start) == '0') {
            start++;
        }
        return full.substring(start);
    }

    /** Lower-case hex, always 32 digits. */
    public String toPaddedHex() {
        HexFormat hex = HexFormat.of();
        return hex.toHexDigits(high) + hex.toHexDigits(low);
    }

    /** Unsigned decimal text of the 128-bit value. */
    public String toDecimal() {
        if (high == 0) {
            return Long.toUnsignedString(low);
        }
        return new BigInteger(1, toBytes()).toString();
    }

    @Override
    public int compareTo(Digest128 o) {
        int c = Long.compareUnsigned(high, o.high);
        return c != 0 ? c : Long.compareUnsigned(low, o.low);
    }

    @Override
    public String toString() {
        return toPaddedHex();
    }
}
