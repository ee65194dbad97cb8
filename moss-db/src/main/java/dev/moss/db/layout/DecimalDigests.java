package dev.moss.db.layout;

import dev.moss.format.digest.Digest128;

/**
 * Parses the decimal u128 digests of the layout table without {@link java.math.BigInteger}.
 * Reading a state means parsing one digest per regular file, up to a million of them, and
 * {@link Digest128#fromDecimal} allocates two big integers each time; this does the same in two
 * {@code long}s. Anything other than plain digits that fit in 128 bits is handed to
 * {@code fromDecimal}, so odd input is accepted or refused exactly as the format library does.
 */
final class DecimalDigests {
    private static final long TEN_POW_18 = 1_000_000_000_000_000_000L;

    private DecimalDigests() {}

    static Digest128 parse(String text) {
        int length = text.length();
        if (length == 0 || length > 39) {
            return Digest128.fromDecimal(text);
        }
        long high = 0;
        long low = 0;
        int start = 0;
        // Chunks of up to 18 digits always fit in a long.
        int first = length % 18 == 0 ? 18 : length % 18;
        for (int end = first; end <= length; end += 18) {
            long chunk = 0;
            for (int i = start; i < end; i++) {
                int digit = text.charAt(i) - '0';
                if (digit < 0 || digit > 9) {
                    return Digest128.fromDecimal(text);
                }
                chunk = chunk * 10 + digit;
            }
            // Every chunk after the first has exactly 18 digits.
            long multiplier = start == 0 ? 1 : TEN_POW_18;
            // (high, low) * multiplier + chunk, refusing anything past 2^128 - 1.
            if (Math.unsignedMultiplyHigh(high, multiplier) != 0) {
                return Digest128.fromDecimal(text);
            }
            long carry = Math.unsignedMultiplyHigh(low, multiplier);
            long newHigh = high * multiplier;
            long sumHigh = newHigh + carry;
            if (Long.compareUnsigned(sumHigh, newHigh) < 0) {
                return Digest128.fromDecimal(text);
            }
            long newLow = low * multiplier;
            low = newLow + chunk;
            high = sumHigh;
            if (Long.compareUnsigned(low, newLow) < 0) {
                high++;
                if (high == 0) {
                    return Digest128.fromDecimal(text);
                }
            }
            start = end;
        }
        return new Digest128(high, low);
    }
}
