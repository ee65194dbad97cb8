package dev.moss.format;

import dev.moss.format.header.StoneHeader;
import dev.moss.format.internal.ReadAheadInputStream;
import dev.moss.format.payload.Payload;
import dev.moss.format.payload.PayloadHeader;
import dev.moss.format.record.IndexRecord;
import dev.moss.format.record.LayoutRecord;
import dev.moss.format.record.MetaRecord;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads a stone v1 file. Opening walks every payload: record payloads (meta, layout, index,
 * attributes) are checksum-verified over their stored bytes and decoded; content is only
 * located, and decompressed on demand by {@link #openContent} or {@link #unpackContent}.
 *
 * <pre>
 * try (StoneReader stone = StoneReader.open(path)) {
 *     PackageMeta meta = PackageMeta.from(stone.metaRecords());
 *     stone.unpackContent(sink);
 * }
 * </pre>
 *
 * <p>Every length, count and offset read from the file is checked before it is used: a
 * damaged or hostile file ends in a {@link StoneFormatException} naming the payload and record.
 */
public final class StoneReader implements Closeable {
    /** Content of at least this many plain bytes is decompressed by a thread of its own. */
    private static final long READ_AHEAD_FROM = 4 << 20;
    private static final int READ_AHEAD_CHUNK = 1 << 18;

    private final SeekableByteChannel channel;
    private final long fileSize;
    private final StoneHeader header;
    private final List<Payload> payloads;

    private StoneReader(SeekableByteChannel channel, ReadLimits limits) throws IOException {
        this.channel = channel;
        this.fileSize = channel.size();
        byte[] head = readFully(0, StoneHeader.SIZE, "file header");
        this.header = StoneHeader.decode(head);
        this.payloads = readPayloads(limits);
    }

    /** Opens and walks a stone file. The caller closes the reader. */
    public static StoneReader open(Path file) throws IOException {
        return open(file, ReadLimits.DEFAULT);
    }

    public static StoneReader open(Path file, ReadLimits limits) throws IOException {
        FileChannel ch = FileChannel.open(file, StandardOpenOption.READ);
        try {
            return new StoneReader(ch, limits);
        } catch (IOException | RuntimeException | Error e) {
            ch.close();
            throw e;
        }
    }

    /** Walks a stone held in any channel; closing the reader closes the channel. */
    public static StoneReader read(SeekableByteChannel channel, ReadLimits limits) throws IOException {
        return new StoneReader(channel, limits);
    }

    public StoneHeader header() {
        return header;
    }

    public long fileSize() {
        return fileSize;
    }

    /** Every payload in file order, including unknown ones. */
    public List<Payload> payloads() {
        return payloads;
    }

    public <T extends Payload> List<T> payloads(Class<T> type) {
        List<T> out = new ArrayList<>();
        for (Payload p : payloads) {
            if (type.isInstance(p)) {
                out.add(type.cast(p));
            }
        }
        return out;
    }

    /** Records of the first meta payload (a package has exactly one); empty if there is none. */
    public List<MetaRecord> metaRecords() {
        return payloads(Payload.MetaPayload.class).stream().findFirst()
                .map(Payload.MetaPayload::records).orElse(List.of());
    }

    /** All layout records, across layout payloads, in file order. */
    public List<LayoutRecord> layoutRecords() {
        List<LayoutRecord> all = new ArrayList<>();
        payloads(Payload.LayoutPayload.class).forEach(p -> all.addAll(p.records()));
        return all;
    }

    /** All index records, across index payloads, in file order. */
    public List<IndexRecord> indexRecords() {
        List<IndexRecord> all = new ArrayList<>();
        payloads(Payload.IndexPayload.class).forEach(p -> all.addAll(p.records()));
        return all;
    }

    public Optional<Payload.ContentPayload> content() {
        return payloads(Payload.ContentPayload.class).stream().findFirst();
    }

    /**
     * Streams the decompressed content. The stream verifies the payload checksum and the plain
     * size when it reaches the end and throws there on a mismatch; consumers must not trust
     * what they read until then.
     */
    public InputStream openContent(Payload.ContentPayload content) throws IOException {
        return new ContentInputStream(channel, content);
    }

    /**
     * Decompresses the content and hands each file (index record) to {@code sink}, checking
     * every slice against its XXH3-128 digest and the whole body against the payload checksum.
     */
    public void unpackContent(ContentSink sink) throws IOException {
        List<IndexRecord> index = indexRecords();
        Optional<Payload.ContentPayload> content = content();
        if (content.isEmpty()) {
            if (!index.isEmpty()) {
                throw new CorruptStoneException("stone has " + index.size()
                        + " index records but no content payload");
            }
            return;
        }
        ContentSplitter.checkIndex(index, content.get());
        InputStream in = openContent(content.get());
        if (content.get().header().plainSize() >= READ_AHEAD_FROM) {
            // Decompression (on the read-ahead thread) then runs beside hashing and writing.
            in = new ReadAheadInputStream(in, READ_AHEAD_CHUNK, 4, "content-read-ahead");
        }
        try (InputStream body = in) {
            new ContentSplitter(index, sink).split(body);
        }
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }

    private List<Payload> readPayloads(ReadLimits limits) throws IOException {
        List<Payload> out = new ArrayList<>(Math.min(header.payloadCount(), 64));
        PayloadDecoder decoder = new PayloadDecoder(this::readFully, limits);
        long offset = StoneHeader.SIZE;
        for (int i = 0; i < header.payloadCount(); i++) {
            String where = "payload " + i;
            if (fileSize - offset < PayloadHeader.SIZE) {
                throw new TruncatedStoneException(where + ": file ends at byte " + fileSize
                        + " where the header announces " + header.payloadCount()
                        + " payloads; only " + i + " are present");
            }
            PayloadHeader ph = PayloadHeader.decode(readFully(offset, PayloadHeader.SIZE, where), where);
            where = describe(i, ph);
            long body = offset + PayloadHeader.SIZE;
            if (ph.storedSize() > fileSize - body) {
                throw new TruncatedStoneException(where + ": stored_size " + ph.storedSize()
                        + " runs past the end of the file (" + (fileSize - body) + " bytes left)");
            }
            out.add(decoder.decode(i, ph, body, where));
            offset = body + ph.storedSize();
        }
        return List.copyOf(out);
    }

    static String describe(int index, PayloadHeader header) {
        return "payload " + index + " (" + header.kindName() + ")";
    }

    byte[] readFully(long position, int length, String what) throws IOException {
        return ChannelReads.readFully(channel, fileSize, position, length, what);
    }
}
