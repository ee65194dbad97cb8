package dev.moss.format.meta;

import java.util.Optional;

/** The kind byte in front of a dependency or provider, and its text prefix. */
public enum CapabilityKind {
    PACKAGE_NAME(0, "name"),
    SHARED_LIBRARY(1, "soname"),
    PKG_CONFIG(2, "pkgconfig"),
    INTERPRETER(3, "interpreter"),
    CMAKE(4, "cmake"),
    PYTHON(5, "python"),
    BINARY(6, "binary"),
    SYSTEM_BINARY(7, "sysbinary"),
    PKG_CONFIG32(8, "pkgconfig32");

    public final int code;
    public final String prefix;

    CapabilityKind(int code, String prefix) {
        this.code = code;
        this.prefix = prefix;
    }

    public static Optional<CapabilityKind> fromCode(int code) {
        CapabilityKind[] all = values();
        return code >= 0 && code < all.length ? Optional.of(all[code]) : Optional.empty();
    }

    public static Optional<CapabilityKind> fromPrefix(String prefix) {
        for (CapabilityKind k : values()) {
            if (k.prefix.equals(prefix)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }
}
