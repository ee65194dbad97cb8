package dev.moss.format;

/** A stone header with a format version other than 1. */
public class UnsupportedStoneVersionException extends StoneFormatException {
    public UnsupportedStoneVersionException(String message) {
        super(message);
    }
}
