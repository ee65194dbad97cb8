package dev.moss.format.digest;

import com.dynatrace.hash4j.hashing.HashStream128;
import com.dynatrace.hash4j.hashing.HashStream64;
import com.dynatrace.hash4j.hashing.HashValue128;
import com.dynatrace.hash4j.hashing.Hasher128;
import com.dynatrace.hash4j.hashing.Hasher64;
import com.dynatrace.hash4j.hashing.Hashing;

/**
 * XXH3 with seed 0: the 64-bit form checksums payloads, the 128-bit form names file contents.
 * Backed by hash4j, whose output is pinned bit-exact against the upstream fixture in tests.
 */
public final class Xxh3 {
    private static final Hasher64 H64 = Hashing.xxh3_64();
    private static final Hasher128 H128 = Hashing.xxh3_128();

    private Xxh3() {}

    public static long hash64(byte[] data, int offset, int length) {
        return H64.hashBytesToLong(data, offset, length);
    }

    public static Digest128 hash128(byte[] data, int offset, int length) {
        return toDigest(H128.hashBytesTo128Bits(data, offset, length));
    }

    public static Digest128 hash128(byte[] data) {
        return hash128(data, 0, data.length);
    }

    /** A fresh incremental XXH3-64. */
    public static Stream64 stream64() {
        return new Stream64(H64.hashStream());
    }

    /** A fresh incremental XXH3-128. */
    public static Stream128 stream128() {
        return new Stream128(H128.hashStream());
    }

    private static Digest128 toDigest(HashValue128 v) {
        return new Digest128(v.getMostSignificantBits(), v.getLeastSignificantBits());
    }

    /** Incremental XXH3-64. */
    public static final class Stream64 {
        private final HashStream64 stream;

        private Stream64(HashStream64 stream) {
            this.stream = stream;
        }

        public void update(byte[] data, int offset, int length) {
            stream.putBytes(data, offset, length);
        }

        public long value() {
            return stream.getAsLong();
        }
    }

    /** Incremental XXH3-128; {@link #reset()} makes it reusable for the next file. */
    public static final class Stream128 {
        private final HashStream128 stream;

        private Stream128(HashStream128 stream) {
            this.stream = stream;
        }

        public void update(byte[] data, int offset, int length) {
            stream.putBytes(data, offset, length);
        }

        public Digest128 digest() {
            return toDigest(stream.get());
        }

        public void reset() {
            stream.reset();
        }
    }
}
