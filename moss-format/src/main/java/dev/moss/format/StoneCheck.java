package dev.moss.format;

import dev.moss.format.header.StoneHeader;
import dev.moss.format.payload.Payload;
import dev.moss.format.payload.PayloadHeader;
import dev.moss.format.record.IndexRecord;
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
 * Verifies a whole stone and reports per payload, continuing past a damaged payload whenever
 * the file's structure still says where the next one starts (what {@code inspect --check}
 * shows). Record payloads are checksummed and decoded; the content is decompressed, its
 * checksum and size checked, and every file in it hashed against its index record.
 */
public final class StoneCheck {

    /** The verdict on one payload; {@code problem} is empty when {@code ok}. */
    public record PayloadResult(int index, String kind, boolean ok, boolean skipped, String problem) {}

    /**
     * @param header the file header, if it could be read
     * @param payloads one result per payload reached
     * @param fatal a problem that stopped the walk (bad header, truncation), if any
     */
    public record Report(Optional<StoneHeader> header, List<PayloadResult> payloads, Optional<String> fatal) {
        public Report {
            payloads = List.copyOf(payloads);
        }

        public boolean ok() {
            return fatal.isEmpty() && payloads.stream().allMatch(PayloadResult::ok);
        }

        /** The first problem found, for a one-line summary. */
        public Optional<String> firstProblem() {
            return payloads.stream().filter(p -> !p.ok()).map(PayloadResult::problem).findFirst().or(() -> fatal);
        }
    }

    private StoneCheck() {}

    public static Report check(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            return check(ch);
        }
    }

    public static Report check(SeekableByteChannel ch) throws IOException {
        long size = ch.size();
        List<PayloadResult> results = new ArrayList<>();
        PayloadDecoder.ByteSource source = (pos, len, what) -> ChannelReads.readFully(ch, size, pos, len, what);
        StoneHeader header;
        try {
            header = StoneHeader.decode(source.read(0, StoneHeader.SIZE, "file header"));
        } catch (StoneFormatException e) {
            return new Report(Optional.empty(), results, Optional.of(e.getMessage()));
        }
        PayloadDecoder decoder = new PayloadDecoder(source, ReadLimits.DEFAULT);
        List<IndexRecord> index = new ArrayList<>();
        boolean indexOk = true;
        List<Payload.ContentPayload> contents = new ArrayList<>();
        long offset = StoneHeader.SIZE;
        for (int i = 0; i < header.payloadCount(); i++) {
            String where = "payload " + i;
            PayloadHeader ph;
            try {
                ph = PayloadHeader.decode(source.read(offset, PayloadHeader.SIZE, where), where);
            } catch (StoneFormatException e) {
                return new Report(Optional.of(header), results, Optional.of(e.getMessage()));
            }
            where = StoneReader.describe(i, ph);
            long body = offset + PayloadHeader.SIZE;
            if (ph.storedSize() > size - body) {
                results.add(new PayloadResult(i, ph.kindName(), false, false, where + ": stored_size "
                        + ph.storedSize() + " runs past the end of the file (" + (size - body) + " bytes left)"));
                return new Report(Optional.of(header), results, Optional.empty());
            }
            try {
                Payload p = decoder.decode(i, ph, body, where);
                switch (p) {
                    case Payload.IndexPayload ip -> index.addAll(ip.records());
                    case Payload.ContentPayload cp -> contents.add(cp);
                    default -> {}
                }
                boolean skipped = p instanceof Payload.UnknownPayload;
                if (!(p instanceof Payload.ContentPayload)) {
                    results.add(new PayloadResult(i, ph.kindName(), true, skipped, ""));
                }
            } catch (StoneFormatException e) {
                indexOk &= !ph.kind().map(k -> k == dev.moss.format.payload.PayloadKind.INDEX).orElse(false);
                results.add(new PayloadResult(i, ph.kindName(), false, false, e.getMessage()));
            }
            offset = body + ph.storedSize();
        }
        for (Payload.ContentPayload cp : contents) {
            results.add(checkContent(ch, cp, indexOk ? index : null));
        }
        results.sort(java.util.Comparator.comparingInt(PayloadResult::index));
        return new Report(Optional.of(header), results, Optional.empty());
    }

    private static PayloadResult checkContent(SeekableByteChannel ch, Payload.ContentPayload cp,
            List<IndexRecord> index) throws IOException {
        String kind = cp.header().kindName();
        try {
            if (index == null) {
                try (InputStream in = new ContentInputStream(ch, cp)) {
                    in.transferTo(java.io.OutputStream.nullOutputStream());
                }
                return new PayloadResult(cp.index(), kind, false, false,
                        "payload " + cp.index() + " (Content): file digests not checked, the index is damaged");
            }
            ContentSplitter.checkIndex(index, cp);
            try (InputStream in = new ContentInputStream(ch, cp)) {
                new ContentSplitter(index, ContentSink.verifyOnly()).split(in);
            }
            return new PayloadResult(cp.index(), kind, true, false, "");
        } catch (StoneFormatException e) {
            String msg = e.getMessage().startsWith("payload ") ? e.getMessage()
                    : "payload " + cp.index() + " (Content): " + e.getMessage();
            return new PayloadResult(cp.index(), kind, false, false, msg);
        }
    }
}
