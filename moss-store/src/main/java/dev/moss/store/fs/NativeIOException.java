package dev.moss.store.fs;

import java.io.IOException;

/** A failed system call: which call, on what, and its errno (kept for callers that branch on it). */
public final class NativeIOException extends IOException {
    private final int errno;

    public NativeIOException(String call, String what, int errno, String reason) {
        super(call + " " + what + ": " + reason + " (errno " + errno + ")");
        this.errno = errno;
    }

    public int errno() {
        return errno;
    }
}
