package dev.moss.store;

import java.io.IOException;

/**
 * A store operation failed for a reason the user can act on (bad input, a conflict, a file that
 * cannot be read). The message is one line naming the thing and the problem; the CLI maps every
 * {@code MossException} to the "failure" exit code.
 */
public class MossException extends IOException {
    public MossException(String message) {
        super(message);
    }

    public MossException(String message, Throwable cause) {
        super(message, cause);
    }
}
