package dev.moss.store.client;

import dev.moss.store.MossException;

/**
 * The installation is in a state that forbids the operation: no active state, the state asked for
 * is active, the root is read-only. Nothing has been changed.
 */
public class BadStateException extends MossException {
    public BadStateException(String message) {
        super(message);
    }
}
