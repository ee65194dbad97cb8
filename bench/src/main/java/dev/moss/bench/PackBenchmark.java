package dev.moss.bench;

import dev.moss.format.StoneWriter;
import dev.moss.format.internal.ContentCompressor;
import dev.moss.format.internal.RecordOutput;
import dev.moss.format.internal.ZstdCodec;
import dev.moss.format.record.IndexRecord;
import dev.moss.format.record.LayoutRecord;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Packing a 100,000-entry tree (see {@link BenchData#packTree}). One pack takes seconds, so
 * each measurement is a single shot.
 *
 * <ul>
 *   <li>{@link #pack}: walk + lstat + XXH3-128 of every file + {@link StoneWriter#write}
 *       (which reads every unique file again, compresses and writes the stone).
 *   <li>{@link #scan}: the walk, lstat and hashing alone.
 *   <li>{@link #zstd}: only the compression pack does, with the same settings: the unique
 *       content (largest first, from memory) through {@link ContentCompressor} into a
 *       discarding channel, plus the meta, layout and index payloads through
 *       {@link ZstdCodec#compress}. zstd share of pack = zstd / pack, measured in the same run.
 * </ul>
 *
 * {@code workers = -1} means one per core, as {@link StoneWriter.Options#DEFAULT}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx3g", "-XX:+UseSerialGC", "--enable-native-access=ALL-UNNAMED"})
@Warmup(iterations = 1)
@Measurement(iterations = 3)
public class PackBenchmark {
    @Param("18")
    public int level;

    @Param("-1")
    public int workers;

    private BenchData.Dir dir;
    private Path tree;
    private Path out;
    private byte[] content;
    private byte[][] records;

    @Setup(Level.Trial)
    public void setup() throws IOException {
        dir = BenchData.Dir.open();
        tree = BenchData.packTree(dir.path());
        out = dir.path().resolve("pack-out-" + ProcessHandle.current().pid() + ".stone");
        TreePacker.Scan scan = TreePacker.scan(tree);
        long regular = scan.layout().stream().filter(r -> r.entry() instanceof dev.moss.format.record.LayoutEntry.Regular).count();
        long total = scan.files().stream().mapToLong(TreePacker.Source::size).sum();
        System.out.printf("# tree: %d layout entries, %d regular, %d unique files, %d unique bytes%n",
                scan.layout().size(), regular, scan.files().size(), total);
    }

    /** The zstd-only inputs: loaded lazily so pack and scan runs do not hold them in memory. */
    private void loadZstdInputs() throws IOException {
        if (content != null) {
            return;
        }
        TreePacker.Scan scan = TreePacker.scan(tree);
        List<TreePacker.Source> ordered = new ArrayList<>(scan.files());
        ordered.sort(Comparator.comparingLong(TreePacker.Source::size).reversed());
        long total = ordered.stream().mapToLong(TreePacker.Source::size).sum();
        content = new byte[Math.toIntExact(total)];
        int pos = 0;
        RecordOutput index = new RecordOutput();
        for (TreePacker.Source s : ordered) {
            try (InputStream in = Files.newInputStream(s.path())) {
                int n = in.readNBytes(content, pos, (int) s.size());
                new IndexRecord(pos, pos + n, s.digest()).write(index);
                pos += n;
            }
        }
        RecordOutput layout = new RecordOutput();
        for (LayoutRecord r : scan.layout()) {
            r.write(layout);
        }
        RecordOutput meta = new RecordOutput();
        BenchData.meta("pack-bench").toRecords().forEach(r -> r.write(meta));
        records = new byte[][] {meta.toByteArray(), layout.toByteArray(), index.toByteArray()};
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        Files.deleteIfExists(out);
        dir.close();
    }

    private int workerCount() {
        return workers < 0 ? BenchData.CORES : workers;
    }

    @Benchmark
    public long pack() throws IOException {
        return TreePacker.pack(tree, out, new StoneWriter.Options(level, workerCount()));
    }

    @Benchmark
    public Object scan() throws IOException {
        return TreePacker.scan(tree);
    }

    @Benchmark
    public long zstd() throws IOException {
        loadZstdInputs();
        long stored = 0;
        for (byte[] r : records) {
            stored += ZstdCodec.compress(r, level).length;
        }
        NullChannel sink = new NullChannel();
        try (ContentCompressor c = new ContentCompressor(sink, content.length, level, workerCount())) {
            // 256 KiB pieces, as StoneWriter feeds it.
            for (int pos = 0; pos < content.length; pos += 1 << 18) {
                c.write(content, pos, Math.min(1 << 18, content.length - pos));
            }
            c.finish();
            stored += c.storedSize();
        }
        return stored;
    }

    /** Counts and drops what is written. */
    static final class NullChannel implements WritableByteChannel {
        long written;

        @Override
        public int write(ByteBuffer src) {
            int n = src.remaining();
            src.position(src.limit());
            written += n;
            return n;
        }

        @Override
        public boolean isOpen() {
            return true;
        }

        @Override
        public void close() {}
    }
}
