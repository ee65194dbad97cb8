package dev.moss.store.extract;

import dev.moss.store.MossException;

/**
 * A layout that would write outside the output directory or through a path it made itself
 * unusable (a symlink or file where a directory is needed, a path listed twice).
 */
public class UnsafeLayoutException extends MossException {
    public UnsafeLayoutException(String message) {
        super(message);
    }
}
