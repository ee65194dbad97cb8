package dev.moss.format;

/**
 * Caps on what a reader will allocate for one record payload, whatever a file claims.
 *
 * @param maxRecordPayloadSize largest plain (and stored) size of a meta/layout/index/attribute
 *     payload that is decoded into memory
 */
public record ReadLimits(int maxRecordPayloadSize) {
    /** 1 GiB: far above any real package (a 1,000,000-entry layout is about 100 MiB). */
    public static final ReadLimits DEFAULT = new ReadLimits(1 << 30);

    public ReadLimits {
        if (maxRecordPayloadSize <= 0 || maxRecordPayloadSize > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException("maxRecordPayloadSize (" + maxRecordPayloadSize + ") out of range");
        }
    }
}
