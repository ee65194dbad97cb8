package dev.moss.format.header;

/** The stone's file type (header byte 27). Unknown codes are accepted and kept as {@link #UNKNOWN}. */
public enum FileType {
    BINARY(1),
    DELTA(2),
    REPOSITORY(3),
    BUILD_MANIFEST(4),
    UNKNOWN(255);

    public final int code;

    FileType(int code) {
        this.code = code;
    }

    public static FileType fromCode(int code) {
        return switch (code) {
            case 1 -> BINARY;
            case 2 -> DELTA;
            case 3 -> REPOSITORY;
            case 4 -> BUILD_MANIFEST;
            default -> UNKNOWN;
        };
    }
}
