package dev.moss.bench;

import com.github.luben.zstd.ZstdInputStreamNoFinalizer;
import dev.moss.format.ContentSink;
import dev.moss.format.StoneReader;
import dev.moss.format.digest.Digest128;
import dev.moss.format.digest.Xxh3;
import dev.moss.format.internal.ZstdCodec;
import dev.moss.format.payload.Payload;
import dev.moss.format.record.IndexRecord;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
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
import org.openjdk.jmh.infra.Blackhole;

/**
 * Content streaming against raw zstd-jni decompression of the same payload. Every method
 * handles the whole content payload once per operation, so MB/s = plain_size / time.
 *
 * <ul>
 *   <li>{@link #rawZstd}: the baseline, zstd-jni's stream decoder over the stored bytes
 *       (read from the stone once, at setup), output into a reused buffer and discarded.
 *   <li>{@link #rawZstdFromFile}: the same, but reading the stored bytes from the file
 *       (page cache) on every pass, as moss has to.
 *   <li>{@link #mossUnpackVerify}: what the issue measures, {@code unpackContent(verifyOnly())}:
 *       file read + XXH3-64 of the stored bytes + decompression + split by the index +
 *       XXH3-128 of every slice.
 *   <li>{@link #mossContentStream}: moss's content stream alone (no splitting or digests),
 *       to tell decompression overhead from splitting/hashing overhead.
 *   <li>{@link #xxh3Slices}: XXH3-128 of every slice of the plain content held in memory,
 *       the hashing share on its own.
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-XX:+UseSerialGC", "--enable-native-access=ALL-UNNAMED"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class ContentStreamingBenchmark {
    private static final int BUFFER = 1 << 18;

    private BenchData.Dir dir;
    private Path stone;
    private StoneReader reader;
    private Payload.ContentPayload content;
    private List<IndexRecord> index;
    private byte[] stored;
    private byte[] plain;
    private final byte[] buffer = new byte[BUFFER];

    @Setup(Level.Trial)
    public void setup() throws IOException {
        dir = BenchData.Dir.open();
        stone = BenchData.contentStone(dir.path());
        reader = StoneReader.open(stone);
        content = reader.content().orElseThrow();
        index = reader.indexRecords();
        stored = BenchData.readRange(stone, content.bodyOffset(), (int) content.header().storedSize());
        System.out.printf("# content: %d files, plain %d bytes, stored %d bytes (ratio %.2f), level %d%n",
                index.size(), content.header().plainSize(), content.header().storedSize(),
                (double) content.header().plainSize() / content.header().storedSize(), BenchData.LEVEL);
    }

    /** Plain content in memory, only for the hashing-only benchmark (keeps the heap small otherwise). */
    private byte[] plain() throws IOException {
        if (plain == null) {
            plain = new byte[(int) content.header().plainSize()];
            try (InputStream in = reader.openContent(content)) {
                int n = in.readNBytes(plain, 0, plain.length);
                if (n != plain.length || in.read() != -1) {
                    throw new IOException("content is not " + plain.length + " bytes");
                }
            }
        }
        return plain;
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        reader.close();
        dir.close();
    }

    @Benchmark
    public long rawZstd() throws IOException {
        try (ZstdInputStreamNoFinalizer in = new ZstdInputStreamNoFinalizer(new ByteArrayInputStream(stored))) {
            in.setLongMax(ZstdCodec.WINDOW_LOG_MAX);
            return drain(in);
        }
    }

    @Benchmark
    public long rawZstdFromFile() throws IOException {
        try (FileChannel ch = FileChannel.open(stone, StandardOpenOption.READ)) {
            ch.position(content.bodyOffset());
            // The content payload is the last one, so the stream ends where the payload does.
            try (ZstdInputStreamNoFinalizer in = new ZstdInputStreamNoFinalizer(Channels.newInputStream(ch))) {
                in.setLongMax(ZstdCodec.WINDOW_LOG_MAX);
                return drain(in);
            }
        }
    }

    @Benchmark
    public void mossUnpackVerify() throws IOException {
        reader.unpackContent(ContentSink.verifyOnly());
    }

    @Benchmark
    public long mossContentStream() throws IOException {
        try (InputStream in = reader.openContent(content)) {
            return drain(in);
        }
    }

    @Benchmark
    public void xxh3Slices(Blackhole bh) throws IOException {
        byte[] p = plain();
        for (IndexRecord r : index) {
            Digest128 d = Xxh3.hash128(p, (int) r.start(), (int) r.size());
            bh.consume(d);
        }
    }

    private long drain(InputStream in) throws IOException {
        long total = 0;
        int n;
        while ((n = in.read(buffer, 0, buffer.length)) >= 0) {
            total += n;
        }
        if (total != content.header().plainSize()) {
            throw new IOException("decompressed " + total + " bytes, expected " + content.header().plainSize());
        }
        return total;
    }

    /** Plain bytes per operation, to turn ms/op into MB/s. */
    static long plainBytes(Path stone) throws IOException {
        try (StoneReader r = StoneReader.open(stone)) {
            return r.content().orElseThrow().header().plainSize();
        }
    }
}
