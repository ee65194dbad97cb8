package dev.moss.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.moss.format.digest.Digest128;
import dev.moss.format.payload.PayloadKind;
import dev.moss.format.record.IndexRecord;
import dev.moss.format.record.MetaRecord;
import dev.moss.format.record.MetaTag;
import dev.moss.format.record.MetaValue;
import java.io.IOException;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Damaged and hostile stones end in a typed exception with a precise message, never anything else. */
class HostileStoneTest {
    static final byte[] FIXTURE = Fixtures.bashCompletionBytes();

    /** Opens, verifies and unpacks everything; returns the exception or null. */
    static Throwable readAll(byte[] data) {
        return catchThrowable(() -> {
            try (StoneReader r = StoneReader.read(new InMemoryChannel(data), ReadLimits.DEFAULT)) {
                r.unpackContent(ContentSink.verifyOnly());
            }
        });
    }

    @Test
    void truncationAtEveryOffsetIsTyped() {
        AtomicInteger truncated = new AtomicInteger();
        IntStream.range(0, FIXTURE.length).parallel().forEach(n -> {
            byte[] cut = java.util.Arrays.copyOf(FIXTURE, n);
            Throwable t = readAll(cut);
            assertThat(t).as("truncated at %d", n).isInstanceOf(StoneFormatException.class);
            if (t instanceof TruncatedStoneException) {
                truncated.incrementAndGet();
            }
        });
        // Every cut lands inside a header or a body, so every one is reported as truncation.
        assertThat(truncated.get()).isEqualTo(FIXTURE.length);
    }

    @Test
    void seededBitFlipsAreRejectedOrHarmless() {
        Random rnd = new Random(0x5EED);
        for (int i = 0; i < 3000; i++) {
            int offset = rnd.nextInt(FIXTURE.length);
            int bit = rnd.nextInt(8);
            byte[] bad = FIXTURE.clone();
            bad[offset] ^= (byte) (1 << bit);
            Throwable t = readAll(bad);
            if (t == null) {
                assertThat(ignoredByReaders(offset)).as("flip at %d bit %d went unnoticed", offset, bit).isTrue();
            } else {
                assertThat(t).as("flip at %d bit %d", offset, bit).isInstanceOf(StoneFormatException.class);
            }
        }
    }

    /** Bytes the format tells readers to ignore: file type, payload versions, content record count. */
    static boolean ignoredByReaders(int offset) {
        int[] payloadHeaders = {32, 371, 14195, 23297};
        if (offset == 27) {
            return true;
        }
        for (int h : payloadHeaders) {
            if (offset == h + 28 || offset == h + 29) {
                return true;
            }
        }
        return offset >= 23297 + 24 && offset < 23297 + 28;
    }

    @Test
    void badMagicVersionAndIntegrity() {
        byte[] magic = FIXTURE.clone();
        magic[1] = 'M';
        assertThat(readAll(magic)).isInstanceOf(CorruptStoneException.class).hasMessageContaining("bad magic");
        byte[] version = FIXTURE.clone();
        version[31] = 2;
        assertThat(readAll(version)).isInstanceOf(UnsupportedStoneVersionException.class)
                .hasMessageContaining("unknown version: stone format version 2");
        byte[] integrity = FIXTURE.clone();
        integrity[10] = 9;
        assertThat(readAll(integrity)).isInstanceOf(CorruptStoneException.class).hasMessageContaining("corrupt header");
    }

    static byte[] meta(MetaRecord... records) {
        return RawStone.records(o -> {
            for (MetaRecord r : records) {
                r.write(o);
            }
        });
    }

    static final byte[] NAME = meta(new MetaRecord(MetaTag.NAME, new MetaValue.Text("x")));

    @Test
    void moreRecordsAnnouncedThanStored() {
        byte[] stone = new RawStone().payload(PayloadKind.META, 2, NAME).build();
        assertThat(readAll(stone)).isInstanceOf(CorruptStoneException.class)
                .hasMessageContaining("payload 0 (Meta)").hasMessageContaining("2 records need at least 16 bytes");
        byte[] stone2 = new RawStone().payload(PayloadKind.META, 1, NAME, f -> f.records = 0xFFFF_FFFFL).build();
        assertThat(readAll(stone2)).isInstanceOf(CorruptStoneException.class).hasMessageContaining("4294967295 records");
    }

    @Test
    void morePayloadsAnnouncedThanPresent() {
        byte[] stone = new RawStone().declarePayloads(3).payload(PayloadKind.META, 1, NAME).build();
        assertThat(readAll(stone)).isInstanceOf(TruncatedStoneException.class)
                .hasMessageContaining("payload 1").hasMessageContaining("only 1 are present");
    }

    @Test
    void checksumMismatchNamesPayloadAndBothValues() {
        byte[] stone = new RawStone().payload(PayloadKind.META, 1, NAME, f -> f.checksum = 0x1234L).build();
        assertThat(readAll(stone)).isInstanceOf(ChecksumMismatchException.class)
                .hasMessageMatching("payload 0 \\(Meta\\): checksum mismatch: expected 0000000000001234, got [0-9a-f]{16}");
    }

    @Test
    void storedSizePastEndOfFile() {
        byte[] stone = new RawStone().payload(PayloadKind.META, 1, NAME, f -> f.storedSize = Long.MAX_VALUE).build();
        assertThat(readAll(stone)).isInstanceOf(TruncatedStoneException.class).hasMessageContaining("runs past the end");
        byte[] negative = new RawStone().payload(PayloadKind.META, 1, NAME, f -> f.storedSize = -1).build();
        assertThat(readAll(negative)).isInstanceOf(CorruptStoneException.class).hasMessageContaining("impossible size");
    }

    @Test
    void plainSizeLiesEitherWay() {
        byte[] shorter = new RawStone().payload(PayloadKind.META, 1, NAME, f -> f.plainSize += 5).build();
        assertThat(readAll(shorter)).isInstanceOf(CorruptStoneException.class)
                .hasMessageContaining("decompresses to " + NAME.length + " bytes, but plain_size is " + (NAME.length + 5));
        byte[] longer = new RawStone().payload(PayloadKind.META, 1, NAME, f -> f.plainSize -= 1).build();
        assertThat(readAll(longer)).isInstanceOf(CorruptStoneException.class).hasMessageContaining("decompresses to more than");
    }

    @Test
    void zstdBombStopsAtPlainSize() {
        byte[] bomb = new byte[256 << 20]; // 256 MiB of zeros compress to a few KiB
        byte[] stone = new RawStone().payload(PayloadKind.META, 1, bomb, f -> f.plainSize = 64).build();
        assertThat(stone.length).isLessThan(1 << 20);
        assertThat(readAll(stone)).isInstanceOf(CorruptStoneException.class).hasMessageContaining("more than 64");
        // the same for content: one index record of 10 bytes over 256 MiB of zeros
        byte[] index = RawStone.records(o -> new IndexRecord(0, 10, dev.moss.format.digest.Xxh3.hash128(new byte[10])).write(o));
        byte[] contentBomb = new RawStone().payload(PayloadKind.META, 1, NAME).payload(PayloadKind.INDEX, 1, index)
                .payload(PayloadKind.CONTENT, 0, bomb, f -> f.plainSize = 10).build();
        assertThat(readAll(contentBomb)).isInstanceOf(CorruptStoneException.class).hasMessageContaining("more than");
    }

    @Test
    void invalidZstdAndNonUtf8() {
        byte[] garbage = new RawStone().payload(PayloadKind.META, 1, NAME, f -> {
            f.stored = new byte[] {1, 2, 3, 4, 5, 6, 7, 8};
            f.storedSize = 8;
        }).build();
        assertThat(readAll(garbage)).isInstanceOf(CorruptStoneException.class).hasMessageContaining("invalid zstd data");
        byte[] latin1 = RawStone.records(o -> o.u32(4).u16(1).u8(9).u8(0).bytes(new byte[] {'a', (byte) 0xE9, 'b', 0}));
        assertThat(readAll(new RawStone().payload(PayloadKind.META, 1, latin1).build()))
                .isInstanceOf(CorruptStoneException.class).hasMessage("payload 0 (Meta), record 0: meta string is not valid UTF-8");
    }

    @Test
    void malformedMetaRecords() {
        byte[] wrongWidth = RawStone.records(o -> o.u32(4).u16(11).u8(8).u8(0).u32(1));
        assertThat(readAll(new RawStone().payload(PayloadKind.META, 1, wrongWidth).build()))
                .hasMessageContaining("has length 4, expected 8");
        byte[] hugeLength = RawStone.records(o -> o.u32(0xFFFF_FFF0L).u16(1).u8(9).u8(0).u32(0));
        assertThat(readAll(new RawStone().payload(PayloadKind.META, 1, hugeLength).build()))
                .isInstanceOf(CorruptStoneException.class).hasMessageContaining("only 4 remain");
        byte[] emptyDep = RawStone.records(o -> o.u32(0).u16(8).u8(10).u8(0));
        assertThat(readAll(new RawStone().payload(PayloadKind.META, 1, emptyDep).build()))
                .hasMessageContaining("length 0, needs a kind byte");
    }

    static byte[] layoutRecord(int type, byte[] source, byte[] target) {
        return RawStone.records(o -> o.u32(0).u32(0).u32(0100644).u32(0).u16(source.length).u16(target.length)
                .u8(type).zeros(11).bytes(source).bytes(target));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "/etc/passwd", "../etc/passwd", "share/../../etc", "share/./x", ".", "share//x",
            "share/x/", "a\0b", "..", "share/.."})
    void unsafeLayoutPathsAreRefused(String path) {
        byte[] layout = layoutRecord(2, "target".getBytes(), path.getBytes());
        Throwable t = readAll(new RawStone().payload(PayloadKind.META, 1, NAME).payload(PayloadKind.LAYOUT, 1, layout).build());
        assertThat(t).isInstanceOf(UnsafePathException.class)
                .hasMessageStartingWith("payload 1 (Layout), record 0: unsafe layout path");
    }

    @Test
    void regularEntryNeedsA16ByteDigestAndSymlinkNeedsText() {
        byte[] shortDigest = layoutRecord(1, new byte[15], "share/x".getBytes());
        assertThat(readAll(new RawStone().payload(PayloadKind.LAYOUT, 1, shortDigest).build()))
                .hasMessageContaining("15-byte source, expected a 16-byte digest");
        byte[] emptyLink = layoutRecord(2, new byte[0], "share/x".getBytes());
        assertThat(readAll(new RawStone().payload(PayloadKind.LAYOUT, 1, emptyLink).build()))
                .hasMessageContaining("symlink text is empty");
        byte[] lengthsPastEnd = RawStone.records(o -> o.u32(0).u32(0).u32(0).u32(0).u16(60000).u16(60000).u8(2).zeros(11));
        assertThat(readAll(new RawStone().payload(PayloadKind.LAYOUT, 1, lengthsPastEnd).build()))
                .hasMessageContaining("layout source and target needs 120000 bytes but only 0 remain");
    }

    /** A stone with the given index records over {@code content}. */
    static byte[] withIndex(byte[] content, IndexRecord... records) {
        byte[] index = RawStone.records(o -> {
            for (IndexRecord r : records) {
                r.write(o);
            }
        });
        return new RawStone().payload(PayloadKind.META, 1, NAME).payload(PayloadKind.INDEX, records.length, index)
                .payload(PayloadKind.CONTENT, 0, content).build();
    }

    static IndexRecord rec(byte[] content, int start, int end) {
        return new IndexRecord(start, end, dev.moss.format.digest.Xxh3.hash128(content, start, end - start));
    }

    @Test
    void indexRangesMustTileTheContent() {
        byte[] c = "hello world, this is content".getBytes();
        assertThat(readAll(withIndex(c, rec(c, 0, 5), rec(c, 5, c.length)))).isNull();
        assertThat(readAll(withIndex(c, rec(c, 0, 5), rec(c, 3, c.length))))
                .isInstanceOf(CorruptStoneException.class).hasMessageContaining("index record 1: starts at 3, expected 5");
        assertThat(readAll(withIndex(c, rec(c, 0, 5), rec(c, 7, c.length))))
                .hasMessageContaining("index record 1: starts at 7, expected 5");
        assertThat(readAll(withIndex(c, rec(c, 0, 5))))
                .hasMessageContaining("bytes not covered");
        IndexRecord outside = new IndexRecord(5, 100, Digest128.EMPTY);
        assertThat(readAll(withIndex(c, rec(c, 0, 5), outside))).hasMessageContaining("range outside the content");
        IndexRecord backwards = new IndexRecord(5, 2, Digest128.EMPTY);
        assertThat(readAll(withIndex(c, rec(c, 0, 5), backwards))).hasMessageContaining("bad content range [5, 2)");
        IndexRecord wrongDigest = new IndexRecord(5, c.length, Digest128.EMPTY);
        assertThat(readAll(withIndex(c, rec(c, 0, 5), wrongDigest))).isInstanceOf(ChecksumMismatchException.class)
                .hasMessageContaining("index record 1: content hashes to");
    }

    @Test
    void indexWithoutContentIsCorrupt() {
        byte[] index = RawStone.records(o -> new IndexRecord(0, 0, Digest128.EMPTY).write(o));
        byte[] stone = new RawStone().payload(PayloadKind.META, 1, NAME).payload(PayloadKind.INDEX, 1, index).build();
        assertThat(readAll(stone)).hasMessage("stone has 1 index records but no content payload");
    }

    @Test
    void unknownKindsAndCompressionsAreSkippedUnchecked() throws IOException {
        byte[] stone = new RawStone()
                .payload(PayloadKind.META, 1, NAME)
                .payload(PayloadKind.META, 1, NAME, f -> { f.kind = 99; f.checksum = 0L; })
                .payload(PayloadKind.META, 1, NAME, f -> { f.compression = 7; f.checksum = 0L; })
                .fileType(42)
                .build();
        try (StoneReader r = StoneReader.read(new InMemoryChannel(stone), ReadLimits.DEFAULT)) {
            assertThat(r.payloads()).hasSize(3);
            assertThat(r.payloads().get(1)).isInstanceOf(dev.moss.format.payload.Payload.UnknownPayload.class);
            assertThat(r.payloads().get(2)).isInstanceOf(dev.moss.format.payload.Payload.UnknownPayload.class);
            assertThat(r.header().rawFileType()).isEqualTo(42);
        }
    }

    @Test
    void stoneCheckReportsEachPayloadAndContinues() throws IOException {
        byte[] bad = FIXTURE.clone();
        bad[371 + 32 + 100] ^= 1; // inside the layout body
        StoneCheck.Report report = StoneCheck.check(new InMemoryChannel(bad));
        assertThat(report.payloads()).extracting(StoneCheck.PayloadResult::kind)
                .containsExactly("Meta", "Layout", "Index", "Content");
        assertThat(report.payloads()).extracting(StoneCheck.PayloadResult::ok).containsExactly(true, false, true, true);
        assertThat(report.firstProblem().orElseThrow()).startsWith("payload 1 (Layout): checksum mismatch");
        assertThat(StoneCheck.check(new InMemoryChannel(FIXTURE)).ok()).isTrue();
        byte[] content = FIXTURE.clone();
        content[content.length - 10] ^= 1;
        StoneCheck.Report r2 = StoneCheck.check(new InMemoryChannel(content));
        assertThat(r2.payloads()).extracting(StoneCheck.PayloadResult::ok).containsExactly(true, true, true, false);
    }

    @Test
    void recordsStayWithinLimits() {
        byte[] stone = new RawStone().payload(PayloadKind.LAYOUT, 1, new byte[64], f -> f.plainSize = 1L << 40).build();
        assertThatThrownBy(() -> StoneReader.read(new InMemoryChannel(stone), new ReadLimits(1 << 20)))
                .isInstanceOf(CorruptStoneException.class).hasMessageContaining("exceeds the limit");
    }
}
