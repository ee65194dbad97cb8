package dev.moss.format;

import java.io.IOException;

/**
 * A stone file (or repository index) that cannot be read as stone v1. Subclasses name the
 * condition; messages name where (payload, record) and what was expected versus found.
 */
public class StoneFormatException extends IOException {
    public StoneFormatException(String message) {
        super(message);
    }

    public StoneFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
