package dev.moss.format;

/** Stored bytes or a content slice whose hash is not the one the file records. */
public class ChecksumMismatchException extends CorruptStoneException {
    public ChecksumMismatchException(String message) {
        super(message);
    }
}
