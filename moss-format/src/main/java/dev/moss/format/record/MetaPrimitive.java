package dev.moss.format.record;

import java.util.Optional;

/** The primitive kind byte of a meta record; integer kinds carry their wire width. */
public enum MetaPrimitive {
    INT8(1, 1, true),
    UINT8(2, 1, false),
    INT16(3, 2, true),
    UINT16(4, 2, false),
    INT32(5, 4, true),
    UINT32(6, 4, false),
    INT64(7, 8, true),
    UINT64(8, 8, false),
    STRING(9, 0, false),
    DEPENDENCY(10, 0, false),
    PROVIDER(11, 0, false);

    public final int code;
    /** Bytes on the wire for integer kinds, 0 for the others. */
    public final int width;

    public final boolean signed;

    MetaPrimitive(int code, int width, boolean signed) {
        this.code = code;
        this.width = width;
        this.signed = signed;
    }

    public boolean isInteger() {
        return width > 0;
    }

    public static Optional<MetaPrimitive> fromCode(int code) {
        MetaPrimitive[] all = values();
        return code >= 1 && code <= all.length ? Optional.of(all[code - 1]) : Optional.empty();
    }
}
