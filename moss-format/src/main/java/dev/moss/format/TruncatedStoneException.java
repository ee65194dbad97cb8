package dev.moss.format;

/** The file ends before the structure it announces. */
public class TruncatedStoneException extends StoneFormatException {
    public TruncatedStoneException(String message) {
        super(message);
    }
}
