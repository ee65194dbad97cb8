package dev.moss.bench;

import com.github.luben.zstd.EndDirective;
import com.github.luben.zstd.ZstdCompressCtx;
import dev.moss.format.StoneReader;
import dev.moss.format.internal.RecordOutput;
import dev.moss.format.payload.Payload;
import dev.moss.format.record.LayoutEntry;
import dev.moss.format.record.LayoutRecord;
import dev.moss.store.pack.Pack;
import dev.moss.store.pack.PackRequest;
import dev.moss.store.pack.PackResult;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
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
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * Packing a tree of {@value BenchData#PACK_FILES} regular files (see {@link BenchData#packTree})
 * with moss-store's {@link Pack}, as {@code moss pack} does. One pack takes seconds, so each
 * measurement is a single shot.
 *
 * <ul>
 *   <li>{@link #pack}: {@link Pack#run}: walk, lstat, XXH3-128 of every file, then the stone
 *       writer reads every unique file again, verifies it, compresses and writes the stone.
 *   <li>{@link #zstd}: the compression alone, with zstd-jni and nothing of moss: the same unique
 *       content, in the same order, through one {@link ZstdCompressCtx} with the settings pack
 *       uses (level, windowLog 31, pledged size, workers), from memory into a discarded buffer;
 *       plus the meta, layout and index payloads, compressed as pack does. The inputs are taken
 *       from a stone that {@link Pack} made of the same tree at setup, so they are byte for byte
 *       what pack compresses. zstd share of pack = zstd / pack, measured in the same run.
 * </ul>
 *
 * {@code workers = -1} means one per core, the default of {@code moss pack}. {@link FormatFigures}
 * does not run this through JMH: it alternates {@link #zstd} and {@link #pack} in one JVM (see
 * {@link Paired}), because a single shot takes minutes and load changes between forks.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms3g", "-Xmx3g", "-XX:+UseSerialGC", "--enable-native-access=ALL-UNNAMED"})
@Warmup(iterations = 1)
@Measurement(iterations = 3)
public class PackBenchmark {
    @Param("18")
    public int level = BenchData.LEVEL;

    @Param("-1")
    public int workers = -1;

    private BenchData.Dir dir;
    private BenchData.PackTree tree;
    private Path outDir;
    private ByteBuffer content;
    private byte[][] records;
    private final ByteBuffer sink = ByteBuffer.allocateDirect(1 << 20);

    @Setup(Level.Trial)
    public void setup(BenchmarkParams params) throws IOException {
        open(params.getBenchmark().endsWith(".zstd"));
    }

    /**
     * Opens (building if needed) the tree; with {@code zstdInputs}, also packs it once and keeps
     * the inputs of {@link #zstd}. {@link FormatFigures} calls this directly.
     */
    void open(boolean zstdInputs) throws IOException {
        dir = BenchData.Dir.open();
        tree = BenchData.packTree(dir.path());
        outDir = dir.path().resolve("pack-out-" + ProcessHandle.current().pid());
        System.out.printf("# tree: %d regular files, %d layout entries expected; %d zstd workers (%d cores)%n",
                tree.files(), tree.layoutEntries(), workerCount(), BenchData.CORES);
        if (zstdInputs) {
            loadZstdInputs();
        }
    }

    /**
     * Packs the tree once (with all cores, whatever {@link #workers} says: the plain bytes do not
     * depend on it) and keeps what pack compressed: the plain content and record payloads.
     */
    private void loadZstdInputs() throws IOException {
        PackResult packed = Pack.run(request(BenchData.CORES));
        try (StoneReader r = StoneReader.open(packed.file())) {
            List<LayoutRecord> layout = r.layoutRecords();
            long regular = layout.stream().filter(e -> e.entry() instanceof LayoutEntry.Regular).count();
            if (regular != BenchData.PACK_FILES) {
                throw new IllegalStateException("pack recorded " + regular + " regular files, not " + BenchData.PACK_FILES);
            }
            Payload.ContentPayload c = r.content().orElseThrow();
            content = ByteBuffer.allocateDirect(Math.toIntExact(c.header().plainSize()));
            try (InputStream in = r.openContent(c)) {
                byte[] buf = new byte[1 << 20];
                int n;
                while ((n = in.read(buf)) > 0) {
                    content.put(buf, 0, n);
                }
            }
            if (content.hasRemaining()) {
                throw new IOException("content payload is shorter than its plain size");
            }
            RecordOutput meta = new RecordOutput();
            r.metaRecords().forEach(m -> m.write(meta));
            RecordOutput lay = new RecordOutput();
            layout.forEach(l -> l.write(lay));
            RecordOutput index = new RecordOutput();
            r.indexRecords().forEach(i -> i.write(index));
            records = new byte[][] {meta.toByteArray(), lay.toByteArray(), index.toByteArray()};
            checkPlainSizes(r);
            System.out.printf("# packed: %d layout entries, %d regular files, %d unique files, %d unique bytes,"
                            + " %d record bytes, stone %d bytes%n",
                    packed.layoutEntries(), regular, packed.uniqueFiles(), packed.contentBytes(),
                    records[0].length + records[1].length + records[2].length, Files.size(packed.file()));
        }
    }

    /** The re-encoded record payloads must be exactly as long as those pack wrote. */
    private void checkPlainSizes(StoneReader r) throws IOException {
        long[] expected = {
            r.payloads(Payload.MetaPayload.class).getFirst().header().plainSize(),
            r.payloads(Payload.LayoutPayload.class).getFirst().header().plainSize(),
            r.payloads(Payload.IndexPayload.class).getFirst().header().plainSize(),
        };
        for (int i = 0; i < expected.length; i++) {
            if (records[i].length != expected[i]) {
                throw new IOException("record payload " + i + " re-encodes to " + records[i].length
                        + " bytes, the stone has " + expected[i]);
            }
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        BenchData.deleteTree(outDir);
        dir.close();
    }

    int workerCount() {
        return workers < 0 ? BenchData.CORES : workers;
    }

    private PackRequest request(int zstdWorkers) {
        return PackRequest.builder(tree.root(), "pack-bench", "1.0", 1)
                .outputDir(outDir)
                .level(level)
                .workers(zstdWorkers)
                .build();
    }

    @Benchmark
    public long pack() throws IOException {
        PackResult r = Pack.run(request(workerCount()));
        if (r.layoutEntries() != tree.layoutEntries()) {
            throw new IllegalStateException("pack recorded " + r.layoutEntries() + " layout entries, the tree has "
                    + tree.layoutEntries());
        }
        return Files.size(r.file());
    }

    @Benchmark
    public long zstd() {
        long stored = 0;
        for (byte[] plain : records) {
            // As StoneWriter compresses record payloads: one frame each, in the calling thread.
            try (ZstdCompressCtx ctx = new ZstdCompressCtx()) {
                ctx.setLevel(level);
                ctx.setContentSize(true);
                ctx.setChecksum(false);
                stored += ctx.compress(plain).length;
            }
        }
        try (ZstdCompressCtx ctx = new ZstdCompressCtx()) {
            // As ContentCompressor (boulder's settings) compresses the content payload.
            ctx.setLevel(level);
            ctx.setWindowLog(31);
            ctx.setContentSize(true);
            ctx.setChecksum(false);
            if (workerCount() > 0) {
                ctx.setWorkers(workerCount());
            }
            ctx.setPledgedSrcSize(content.capacity());
            ByteBuffer src = content.duplicate().clear();
            boolean done;
            do {
                sink.clear();
                done = ctx.compressDirectByteBufferStream(sink, src, EndDirective.END);
                stored += sink.position();
            } while (!done);
        }
        return stored;
    }
}
