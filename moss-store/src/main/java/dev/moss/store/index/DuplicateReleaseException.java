package dev.moss.store.index;

import dev.moss.store.MossException;

/** Two stones of one package name carry the same release, so the index cannot choose between them. */
public class DuplicateReleaseException extends MossException {
    public DuplicateReleaseException(String message) {
        super(message);
    }
}
