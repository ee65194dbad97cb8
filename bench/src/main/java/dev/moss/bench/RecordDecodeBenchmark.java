package dev.moss.bench;

import dev.moss.format.ReadLimits;
import dev.moss.format.StoneReader;
import dev.moss.format.digest.Xxh3;
import dev.moss.format.header.StoneHeader;
import dev.moss.format.internal.RecordInput;
import dev.moss.format.internal.ZstdCodec;
import dev.moss.format.payload.Payload;
import dev.moss.format.payload.PayloadHeader;
import dev.moss.format.record.IndexRecord;
import dev.moss.format.record.LayoutRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Decoding of the layout and index payloads of a stone with 200,000 layout entries, split
 * into its steps so we know where the time goes. records/s = records per op / time per op;
 * {@link #openFile}, {@link #openMemory}, {@link #checksum}, {@link #zstd} and {@link #stepsTogether}
 * count layout + index records, the two {@code records*} methods their own payload's.
 *
 * <ul>
 *   <li>{@link #openFile}: {@code StoneReader.open} of the file, i.e. read + checksum + zstd +
 *       record decoding of every record payload (meta too, which is tiny).
 *   <li>{@link #openMemory}: the same over an in-memory channel, without file I/O.
 *   <li>{@link #checksum}: XXH3-64 of the two stored bodies.
 *   <li>{@link #zstd}: {@code ZstdCodec.decompressExact} of the two bodies, as the reader does.
 *   <li>{@link #recordsLayout}, {@link #recordsIndex}: pure record decoding from plain bytes.
 *   <li>{@link #stepsTogether}: checksum + zstd + record decoding from stored bytes in memory.
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-XX:+UseSerialGC", "--enable-native-access=ALL-UNNAMED"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class RecordDecodeBenchmark {
    private BenchData.Dir dir;
    private Path stone;
    private byte[] file;
    private Body layout;
    private Body index;

    /** One record payload: header, stored bytes, plain bytes. */
    record Body(PayloadHeader header, byte[] stored, byte[] plain) {}

    @Setup(Level.Trial)
    public void setup() throws IOException {
        dir = BenchData.Dir.open();
        stone = BenchData.recordsStone(dir.path());
        file = Files.readAllBytes(stone);
        try (StoneReader r = StoneReader.open(stone)) {
            long offset = StoneHeader.SIZE;
            for (Payload p : r.payloads()) {
                long body = offset + PayloadHeader.SIZE;
                PayloadHeader h = p.header();
                byte[] stored = BenchData.readRange(stone, body, (int) h.storedSize());
                Body b = new Body(h, stored, ZstdCodec.decompressExact(stored, (int) h.plainSize(), "bench"));
                if (p instanceof Payload.LayoutPayload) {
                    layout = b;
                } else if (p instanceof Payload.IndexPayload) {
                    index = b;
                }
                offset = body + h.storedSize();
            }
        }
        System.out.printf("# records: %d layout (%d plain, %d stored bytes), %d index (%d plain, %d stored bytes)%n",
                layout.header().recordCount(), layout.header().plainSize(), layout.header().storedSize(),
                index.header().recordCount(), index.header().plainSize(), index.header().storedSize());
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        dir.close();
    }

    @Benchmark
    public Object openFile() throws IOException {
        try (StoneReader r = StoneReader.open(stone)) {
            return r.payloads();
        }
    }

    @Benchmark
    public Object openMemory() throws IOException {
        try (StoneReader r = StoneReader.read(new BenchData.ByteArrayChannel(file), ReadLimits.DEFAULT)) {
            return r.payloads();
        }
    }

    @Benchmark
    public long checksum() {
        return Xxh3.hash64(layout.stored(), 0, layout.stored().length)
                ^ Xxh3.hash64(index.stored(), 0, index.stored().length);
    }

    @Benchmark
    public int zstd() throws IOException {
        return ZstdCodec.decompressExact(layout.stored(), (int) layout.header().plainSize(), "layout").length
                + ZstdCodec.decompressExact(index.stored(), (int) index.header().plainSize(), "index").length;
    }

    @Benchmark
    public List<LayoutRecord> recordsLayout() throws IOException {
        return decodeLayout(layout.plain());
    }

    @Benchmark
    public List<IndexRecord> recordsIndex() throws IOException {
        return decodeIndex(index.plain());
    }

    @Benchmark
    public int stepsTogether() throws IOException {
        int n = 0;
        for (Body b : new Body[] {layout, index}) {
            if (Xxh3.hash64(b.stored(), 0, b.stored().length) != b.header().checksum()) {
                throw new IOException("checksum");
            }
            byte[] plain = ZstdCodec.decompressExact(b.stored(), (int) b.header().plainSize(), "bench");
            n += (b == layout ? decodeLayout(plain) : decodeIndex(plain)).size();
        }
        return n;
    }

    // The same loop as StoneReader's decode: mark the record, read it, keep it.
    private List<LayoutRecord> decodeLayout(byte[] plain) throws IOException {
        RecordInput in = new RecordInput(plain, 0, (int) layout.header().plainSize(), "layout");
        int count = (int) layout.header().recordCount();
        List<LayoutRecord> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            in.startRecord(i);
            out.add(LayoutRecord.read(in));
        }
        return out;
    }

    private List<IndexRecord> decodeIndex(byte[] plain) throws IOException {
        RecordInput in = new RecordInput(plain, 0, (int) index.header().plainSize(), "index");
        int count = (int) index.header().recordCount();
        List<IndexRecord> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            in.startRecord(i);
            out.add(IndexRecord.read(in));
        }
        return out;
    }

    /** Layout and index record counts of the stone. */
    static long[] recordCounts(Path stone) throws IOException {
        try (StoneReader r = StoneReader.open(stone)) {
            return new long[] {r.layoutRecords().size(), r.indexRecords().size()};
        }
    }
}
