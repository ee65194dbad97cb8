package dev.moss.store.fs;

import java.io.IOException;

/** A failed system call: which call, on what, and its errno (kept for callers that branch on it). */
public final class NativeIOException extends IOException {
    private final String call;
    private final String what;
    private final int errno;
    private String message;

    public NativeIOException(String call, String what, int errno) {
        super((String) null);
        this.call = call;
        this.what = what;
        this.errno = errno;
    }

    /** With a reason of the caller's own instead of the C library's text. */
    public NativeIOException(String call, String what, int errno, String reason) {
        this(call, what, errno);
        this.message = call + " " + what + ": " + reason + " (errno " + errno + ")";
    }

    public int errno() {
        return errno;
    }

    /**
     * Written when first asked for. The reason comes from the C library's {@code strerror}, a
     * native call with its own signature, which the JVM must generate a stub and method-handle
     * classes for: work wasted on the failures callers only branch on (and on the refused calls
     * that ready the system calls at every start).
     */
    @Override
    public synchronized String getMessage() {
        if (message == null) {
            message = call + " " + what + ": " + LinuxNativeFs.strerror(errno) + " (errno " + errno + ")";
        }
        return message;
    }
}
