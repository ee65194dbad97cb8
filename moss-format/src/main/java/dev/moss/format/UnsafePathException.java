package dev.moss.format;

/** A layout path that could escape {@code /usr} or cannot name a file. */
public class UnsafePathException extends CorruptStoneException {
    public UnsafePathException(String message) {
        super(message);
    }
}
