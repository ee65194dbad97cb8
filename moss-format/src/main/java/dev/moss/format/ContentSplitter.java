package dev.moss.format;

import dev.moss.format.digest.Digest128;
import dev.moss.format.digest.Xxh3;
import dev.moss.format.payload.Payload;
import dev.moss.format.record.IndexRecord;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;

/** Cuts a decompressed content stream into files along the index, verifying each digest. */
final class ContentSplitter {
    private static final int CHUNK = 1 << 18;

    private final List<IndexRecord> index;
    private final ContentSink sink;

    ContentSplitter(List<IndexRecord> index, ContentSink sink) {
        this.index = index;
        this.sink = sink;
    }

    /**
     * Index records must tile the content exactly: first at 0, each starting where the previous
     * ended, the last ending at plain_size. Both upstream writers produce that, and it is what
     * lets one sequential pass unpack everything.
     */
    static void checkIndex(List<IndexRecord> index, Payload.ContentPayload content) throws CorruptStoneException {
        long expected = 0;
        for (int i = 0; i < index.size(); i++) {
            IndexRecord r = index.get(i);
            if (r.start() != expected) {
                throw new CorruptStoneException("index record " + i + ": starts at " + r.start()
                        + ", expected " + expected + " (entries must be contiguous and not overlap)");
            }
            expected = r.end();
        }
        long plain = content.header().plainSize();
        if (!index.isEmpty() && expected != plain) {
            throw new CorruptStoneException("index ends at " + expected + " but the content has "
                    + plain + " bytes (" + (expected > plain ? "range outside the content" : "bytes not covered") + ")");
        }
    }

    void split(InputStream in) throws IOException {
        byte[] buf = new byte[CHUNK];
        int pos = 0;
        int lim = 0;
        Xxh3.Stream128 hash = Xxh3.stream128();
        for (int i = 0; i < index.size(); i++) {
            IndexRecord rec = index.get(i);
            OutputStream out = sink.begin(rec);
            boolean verify = out != ContentSink.SKIP;
            long left = rec.size();
            Digest128 actual = null;
            try {
                hash.reset();
                while (left > 0) {
                    if (pos == lim) {
                        lim = fill(in, buf);
                        pos = 0;
                        if (lim == 0) {
                            throw new CorruptStoneException("index record " + i
                                    + ": content ends " + left + " bytes before the record does");
                        }
                    }
                    int n = (int) Math.min(left, lim - pos);
                    if (verify) {
                        // One-shot hashing is faster when the whole file sits in the buffer.
                        if (n == rec.size()) {
                            actual = Xxh3.hash128(buf, pos, n);
                        } else {
                            hash.update(buf, pos, n);
                        }
                        out.write(buf, pos, n);
                    }
                    pos += n;
                    left -= n;
                }
                if (verify) {
                    if (actual == null) {
                        actual = rec.size() == 0 ? Digest128.EMPTY : hash.digest();
                    }
                    if (!actual.equals(rec.digest())) {
                        throw new ChecksumMismatchException("index record " + i + ": content hashes to "
                                + actual.toPaddedHex() + ", expected " + rec.digest().toPaddedHex());
                    }
                    sink.verified(rec);
                }
            } catch (IOException | RuntimeException | Error e) {
                sink.failed(rec);
                throw e;
            }
        }
        // Reading to the end makes the content stream check its size and checksum.
        if (pos < lim || fill(in, buf) > 0) {
            throw new CorruptStoneException("content continues past the last index record");
        }
    }

    private static int fill(InputStream in, byte[] buf) throws IOException {
        int n = in.read(buf, 0, buf.length);
        if (n < 0) {
            return 0;
        }
        return n;
    }
}
