package dev.moss.format;

import dev.moss.format.record.IndexRecord;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Receives the files of a content payload, one index record at a time, in content order.
 * The bytes of a slice are only trustworthy once {@link #verified} is called for it.
 */
public interface ContentSink {
    /** Returned by {@link #begin} to pass over a slice without hashing or writing it. */
    OutputStream SKIP = OutputStream.nullOutputStream();

    /**
     * Called before the bytes of {@code record}. Returns the stream that receives them,
     * {@link OutputStream#nullOutputStream()} to verify the digest without keeping the bytes,
     * or {@link #SKIP} to pass over them unverified. The splitter does not close the stream.
     */
    OutputStream begin(IndexRecord record) throws IOException;

    /** All bytes of {@code record} were written and hash to its digest. */
    void verified(IndexRecord record) throws IOException;

    /** The slice did not hash to its digest (or reading failed); discard what was written. */
    default void failed(IndexRecord record) {}

    /** A sink that only verifies every slice. */
    static ContentSink verifyOnly() {
        return new ContentSink() {
            @Override
            public OutputStream begin(IndexRecord record) {
                return OutputStream.nullOutputStream();
            }

            @Override
            public void verified(IndexRecord record) {}
        };
    }
}
