package dev.moss.store.client;

import java.io.InterruptedIOException;

/** The user answered no (or could not be asked); nothing has been changed. */
public final class CancelledException extends InterruptedIOException {
    public CancelledException(String message) {
        super(message);
    }
}
