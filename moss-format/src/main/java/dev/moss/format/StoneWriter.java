package dev.moss.format;

import dev.moss.format.digest.Digest128;
import dev.moss.format.digest.Xxh3;
import dev.moss.format.header.FileType;
import dev.moss.format.header.StoneHeader;
import dev.moss.format.internal.ContentCompressor;
import dev.moss.format.internal.RecordOutput;
import dev.moss.format.internal.ZstdCodec;
import dev.moss.format.payload.Compression;
import dev.moss.format.payload.PayloadHeader;
import dev.moss.format.payload.PayloadKind;
import dev.moss.format.record.AttributeRecord;
import dev.moss.format.record.IndexRecord;
import dev.moss.format.record.LayoutRecord;
import dev.moss.format.record.MetaRecord;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a stone v1 file the way boulder does: meta, layout (and attribute) payloads in the
 * order added, then — if there is content — the index and the content. Content is deduplicated
 * by digest and stored largest first (ties keep the order they were added), in one zstd frame.
 * The same input always gives the same bytes.
 *
 * <pre>
 * StoneWriter w = new StoneWriter(FileType.BINARY, StoneWriter.Options.DEFAULT);
 * w.addMeta(meta.toRecords());
 * w.addLayout(layout);
 * w.addContent(digest, size, () -&gt; Files.newInputStream(file));
 * w.write(outChannel, scratchChannel);
 * </pre>
 */
public final class StoneWriter {

    /**
     * @param level zstd level for every payload (boulder uses 18)
     * @param workers zstd worker threads for the content payload (0 = compress in the caller)
     */
    public record Options(int level, int workers) {
        public static final Options DEFAULT = new Options(18, Runtime.getRuntime().availableProcessors());

        public Options {
            if (level < -7 || level > 22) {
                throw new IllegalArgumentException("zstd level " + level + " out of range -7..22");
            }
            if (workers < 0) {
                throw new IllegalArgumentException("workers (" + workers + ") must be >= 0");
            }
        }
    }

    /** Supplies the bytes of one file, possibly more than once. */
    @FunctionalInterface
    public interface ContentSource {
        InputStream open() throws IOException;
    }

    private record Pending(PayloadKind kind, int count, byte[] plain) {}

    private record Content(Digest128 digest, long size, ContentSource source) {}

    private final FileType type;
    private final Options options;
    private final List<Pending> payloads = new ArrayList<>();
    private final Map<Digest128, Content> content = new LinkedHashMap<>();

    public StoneWriter(FileType type, Options options) {
        this.type = type;
        this.options = options;
    }

    public StoneWriter addMeta(List<MetaRecord> records) {
        RecordOutput out = new RecordOutput();
        records.forEach(r -> r.write(out));
        payloads.add(new Pending(PayloadKind.META, records.size(), out.toByteArray()));
        return this;
    }

    /** Adds a layout payload; nothing is written for an empty list, as boulder does. */
    public StoneWriter addLayout(List<LayoutRecord> records) {
        if (!records.isEmpty()) {
            RecordOutput out = new RecordOutput(records.size() * 96);
            records.forEach(r -> r.write(out));
            payloads.add(new Pending(PayloadKind.LAYOUT, records.size(), out.toByteArray()));
        }
        return this;
    }

    public StoneWriter addAttributes(List<AttributeRecord> records) {
        RecordOutput out = new RecordOutput();
        records.forEach(r -> r.write(out));
        payloads.add(new Pending(PayloadKind.ATTRIBUTES, records.size(), out.toByteArray()));
        return this;
    }

    /** Adds a file body; a digest already added is ignored (the first source wins). */
    public StoneWriter addContent(Digest128 digest, long size, ContentSource source) {
        if (size < 0) {
            throw new IllegalArgumentException("negative content size " + size);
        }
        content.putIfAbsent(digest, new Content(digest, size, source));
        return this;
    }

    /**
     * Writes the stone to {@code out}. The content payload is compressed into {@code scratch}
     * (an empty, readable and writable channel owned by the caller; may be {@code null} when no
     * content was added) first, because its size and checksum precede it in the file.
     *
     * @throws IOException if a content source does not give exactly the bytes it was added with
     */
    public void write(WritableByteChannel out, SeekableByteChannel scratch) throws IOException {
        List<Content> ordered = new ArrayList<>(content.values());
        ordered.sort(Comparator.comparingLong(Content::size).reversed()); // stable: ties keep order
        int count = payloads.size() + (ordered.isEmpty() ? 0 : 2);
        if (count > 0xFFFF) {
            throw new IllegalArgumentException(count + " payloads do not fit the u16 payload count");
        }
        writeAll(out, new StoneHeader(count, type).encode());
        for (Pending p : payloads) {
            writeRecordPayload(out, p.kind(), p.count(), p.plain());
        }
        if (ordered.isEmpty()) {
            return;
        }
        RecordOutput index = new RecordOutput(ordered.size() * IndexRecord.SIZE);
        long offset = 0;
        for (Content c : ordered) {
            new IndexRecord(offset, offset + c.size(), c.digest()).write(index);
            offset = Math.addExact(offset, c.size());
        }
        long plainSize = offset;
        scratch.position(0);
        long stored;
        long checksum;
        try (ContentCompressor zstd = new ContentCompressor(scratch, plainSize, options.level(), options.workers())) {
            byte[] buf = new byte[1 << 18];
            Xxh3.Stream128 hash = Xxh3.stream128();
            for (Content c : ordered) {
                copyVerified(c, zstd, buf, hash);
            }
            zstd.finish();
            stored = zstd.storedSize();
            checksum = zstd.checksum();
        }
        writeRecordPayload(out, PayloadKind.INDEX, ordered.size(), index.toByteArray());
        writeAll(out, PayloadHeader.of(PayloadKind.CONTENT, Compression.ZSTD, stored, plainSize, checksum, 0).encode());
        copy(scratch, stored, out);
    }

    private static void copyVerified(Content c, ContentCompressor zstd, byte[] buf, Xxh3.Stream128 hash)
            throws IOException {
        hash.reset();
        long total = 0;
        try (InputStream in = c.source().open()) {
            int n;
            while ((n = in.read(buf)) > 0) {
                total += n;
                if (total > c.size()) {
                    break;
                }
                hash.update(buf, 0, n);
                zstd.write(buf, 0, n);
            }
        }
        Digest128 actual = total == 0 ? Digest128.EMPTY : hash.digest();
        if (total != c.size() || !actual.equals(c.digest())) {
            throw new IOException("content " + c.digest().toPaddedHex() + " changed while packing: expected "
                    + c.size() + " bytes, read " + (total > c.size() ? "more" : total + " bytes with digest "
                    + actual.toPaddedHex()));
        }
    }

    private void writeRecordPayload(WritableByteChannel out, PayloadKind kind, int count, byte[] plain)
            throws IOException {
        byte[] stored = ZstdCodec.compress(plain, options.level());
        long checksum = Xxh3.hash64(stored, 0, stored.length);
        writeAll(out, PayloadHeader.of(kind, Compression.ZSTD, stored.length, plain.length, checksum, count).encode());
        writeAll(out, stored);
    }

    private static void writeAll(WritableByteChannel out, byte[] bytes) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(bytes);
        while (b.hasRemaining()) {
            out.write(b);
        }
    }

    private static void copy(SeekableByteChannel from, long length, WritableByteChannel to) throws IOException {
        from.position(0);
        ByteBuffer buf = ByteBuffer.allocate(1 << 18);
        long left = length;
        while (left > 0) {
            buf.clear().limit((int) Math.min(buf.capacity(), left));
            int n = from.read(buf);
            if (n < 0) {
                throw new IOException("scratch channel ended " + left + " bytes early");
            }
            buf.flip();
            while (buf.hasRemaining()) {
                to.write(buf);
            }
            left -= n;
        }
    }
}
