package dev.moss.store.extract;

import java.nio.file.Path;

/** What {@link Extract} tells its caller while it works. All methods default to doing nothing. */
public interface ExtractListener {
    /** Extraction of {@code stone} into {@code destination} begins. */
    default void started(Path stone, Path destination) {}

    /** An entry could not be reproduced faithfully (e.g. a device node without root) and was skipped. */
    default void warning(String message) {}

    /** The stone has nothing to extract (no layout), as upstream says and skips it. */
    default void skipped(Path stone, String reason) {}

    ExtractListener NONE = new ExtractListener() {};
}
