package dev.moss.format.payload;

import java.util.Optional;

/** Payload body compression. Unknown codes are not an error: such payloads are skipped. */
public enum Compression {
    NONE(1),
    ZSTD(2);

    public final int code;

    Compression(int code) {
        this.code = code;
    }

    public static Optional<Compression> fromCode(int code) {
        return switch (code) {
            case 1 -> Optional.of(NONE);
            case 2 -> Optional.of(ZSTD);
            default -> Optional.empty();
        };
    }
}
