package dev.moss.format;

import com.github.luben.zstd.ZstdException;
import dev.moss.format.digest.Xxh3;
import dev.moss.format.internal.BulkInputStream;
import dev.moss.format.internal.ZstdCodec;
import dev.moss.format.payload.Compression;
import dev.moss.format.payload.Payload;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;

/**
 * The decompressed body of a content payload, read straight from the file: stored bytes are
 * hashed (XXH3-64) as they are read, output is capped at {@code plain_size}, and both are
 * checked when the end is reached.
 */
final class ContentInputStream extends BulkInputStream {
    private final Payload.ContentPayload content;
    private final String where;
    private final StoredBodyStream stored;
    private final InputStream plain;
    private long produced;
    private boolean finished;

    ContentInputStream(SeekableByteChannel channel, Payload.ContentPayload content) throws IOException {
        this.content = content;
        this.where = StoneReader.describe(content.index(), content.header());
        this.stored = new StoredBodyStream(channel, content.bodyOffset(), content.header().storedSize());
        boolean zstd = content.header().compression().orElseThrow() == Compression.ZSTD;
        this.plain = zstd ? ZstdCodec.decoder(stored) : stored;
    }


    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (finished) {
            return -1;
        }
        if (len == 0) {
            return 0;
        }
        long allowed = content.header().plainSize() - produced + 1; // one extra byte detects overrun
        int n;
        try {
            n = plain.read(b, off, (int) Math.min(len, allowed));
        } catch (ZstdException e) {
            throw new CorruptStoneException(where + ": invalid zstd data: " + e.getMessage(), e);
        } catch (StoneFormatException e) {
            throw e;
        } catch (IOException e) {
            if (e.getClass().getName().startsWith("com.github.luben.zstd")) {
                throw new CorruptStoneException(where + ": invalid zstd data: " + e.getMessage(), e);
            }
            throw e;
        }
        if (n < 0) {
            finish();
            return -1;
        }
        produced += n;
        if (produced > content.header().plainSize()) {
            throw new CorruptStoneException(where + ": decompresses to more than plain_size "
                    + content.header().plainSize() + " bytes");
        }
        return n;
    }

    private void finish() throws IOException {
        finished = true;
        if (produced != content.header().plainSize()) {
            throw new CorruptStoneException(where + ": decompresses to " + produced
                    + " bytes, but plain_size is " + content.header().plainSize());
        }
        stored.drain();
        long actual = stored.checksum();
        if (actual != content.header().checksum()) {
            throw new ChecksumMismatchException(String.format(
                    "%s: checksum mismatch: expected %016x, got %016x", where, content.header().checksum(), actual));
        }
    }

    @Override
    public void close() throws IOException {
        plain.close();
    }

    /** Exactly {@code length} bytes of the file from {@code offset}, hashed as they pass. */
    private static final class StoredBodyStream extends BulkInputStream {
        private final SeekableByteChannel channel;
        private final Xxh3.Stream64 hash = Xxh3.stream64();
        private long position;
        private long remaining;
        private final ByteBuffer buffer = ByteBuffer.allocate(1 << 17);

        StoredBodyStream(SeekableByteChannel channel, long offset, long length) {
            this.channel = channel;
            this.position = offset;
            this.remaining = length;
            buffer.flip();
        }


        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (!buffer.hasRemaining() && !fill()) {
                return -1;
            }
            int n = Math.min(len, buffer.remaining());
            buffer.get(b, off, n);
            return n;
        }

        private boolean fill() throws IOException {
            if (remaining == 0) {
                return false;
            }
            buffer.clear();
            buffer.limit((int) Math.min(buffer.capacity(), remaining));
            channel.position(position);
            int n = channel.read(buffer);
            if (n <= 0) {
                throw new TruncatedStoneException("content body ends early at byte " + position);
            }
            buffer.flip();
            hash.update(buffer.array(), 0, n);
            position += n;
            remaining -= n;
            return true;
        }

        /** Reads (and hashes) whatever the decoder left unread, so the checksum covers it all. */
        void drain() throws IOException {
            buffer.position(buffer.limit());
            while (fill()) {
                buffer.position(buffer.limit());
            }
        }

        long checksum() {
            return hash.value();
        }

        @Override
        public int available() {
            return buffer.remaining();
        }
    }
}
