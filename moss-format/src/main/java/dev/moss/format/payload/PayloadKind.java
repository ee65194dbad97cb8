package dev.moss.format.payload;

import java.util.Optional;

/** Payload kinds of stone v1. Unknown codes are not an error: such payloads are skipped. */
public enum PayloadKind {
    META(1, "Meta"),
    CONTENT(2, "Content"),
    LAYOUT(3, "Layout"),
    INDEX(4, "Index"),
    ATTRIBUTES(5, "Attributes");

    public final int code;
    public final String displayName;

    PayloadKind(int code, String displayName) {
        this.code = code;
        this.displayName = displayName;
    }

    public static Optional<PayloadKind> fromCode(int code) {
        return switch (code) {
            case 1 -> Optional.of(META);
            case 2 -> Optional.of(CONTENT);
            case 3 -> Optional.of(LAYOUT);
            case 4 -> Optional.of(INDEX);
            case 5 -> Optional.of(ATTRIBUTES);
            default -> Optional.empty();
        };
    }
}
