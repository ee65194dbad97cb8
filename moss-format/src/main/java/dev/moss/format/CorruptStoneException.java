package dev.moss.format;

/** The bytes are there but contradict the format: bad magic, bad counts, bad paths, bad data. */
public class CorruptStoneException extends StoneFormatException {
    public CorruptStoneException(String message) {
        super(message);
    }

    public CorruptStoneException(String message, Throwable cause) {
        super(message, cause);
    }
}
