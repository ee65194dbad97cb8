package dev.moss.format;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;

/** Positional exact reads that turn an early end of file into {@link TruncatedStoneException}. */
final class ChannelReads {
    private ChannelReads() {}

    static byte[] readFully(SeekableByteChannel ch, long fileSize, long position, int length, String what)
            throws IOException {
        byte[] out = new byte[length];
        ByteBuffer buf = ByteBuffer.wrap(out);
        while (buf.hasRemaining()) {
            ch.position(position + buf.position());
            if (ch.read(buf) < 0) {
                throw new TruncatedStoneException(what + ": file ends at byte " + fileSize
                        + ", " + buf.remaining() + " bytes short");
            }
        }
        return out;
    }
}
