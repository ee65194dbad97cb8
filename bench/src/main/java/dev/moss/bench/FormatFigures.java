package dev.moss.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs the benchmarks behind the figures of the format issue and prints them, with the ratios
 * that matter, in a short summary. Every figure that has a target is a ratio or a rate taken
 * from medians of iterations in the same run, because the machine is shared and noisy.
 *
 * <pre>
 * java -cp bench/target/benchmarks.jar dev.moss.bench.FormatFigures [--quick] [--only content|records|pack] [--work DIR]
 * </pre>
 *
 * Inputs are built once into the work directory (a fresh temporary one by default, deleted at
 * the end) and shared by all forks through {@code -Dmoss.bench.dir}.
 */
public final class FormatFigures {
    private final boolean quick;
    private final Path work;
    private final Path results;
    private final List<String> summary = new ArrayList<>();

    private FormatFigures(boolean quick, Path work, Path results) {
        this.quick = quick;
        this.work = work;
        this.results = results;
    }

    public static void main(String[] args) throws Exception {
        boolean quick = false;
        String only = "all";
        Path work = null;
        Path results = Path.of("bench/target/format-figures");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--quick" -> quick = true;
                case "--only" -> only = args[++i];
                case "--work" -> work = Path.of(args[++i]);
                case "--results" -> results = Path.of(args[++i]);
                default -> {
                    System.err.println("usage: FormatFigures [--quick] [--only content|records|pack] [--work DIR] [--results DIR]");
                    System.exit(2);
                }
            }
        }
        boolean owned = work == null;
        if (owned) {
            work = Files.createTempDirectory("moss-figures-");
        }
        Files.createDirectories(results);
        // The interleaved measurements run in this JVM and find the inputs the same way.
        System.setProperty(BenchData.DIR_PROPERTY, work.toString());
        FormatFigures f = new FormatFigures(quick, work, results);
        try {
            if (only.equals("all") || only.equals("content")) {
                f.content();
            }
            if (only.equals("all") || only.equals("records")) {
                f.records();
            }
            if (only.equals("all") || only.equals("pack")) {
                f.pack();
            }
        } finally {
            if (owned) {
                BenchData.deleteTree(work);
            }
        }
        System.out.println();
        System.out.println("==== moss stone format figures ====");
        System.out.printf(Locale.ROOT, "java %s, %d cores, %s; medians of %s iterations; JSON in %s%n",
                Runtime.version(), BenchData.CORES, System.getProperty("os.arch"),
                quick ? "few (--quick)" : "all", results);
        f.summary.forEach(System.out::println);
    }

    private ChainedOptionsBuilder options(String include, int warmups, int iterations, String name) {
        return new OptionsBuilder()
                .include(include)
                .forks(1)
                .warmupIterations(quick ? Math.min(warmups, 1) : warmups)
                .measurementIterations(quick ? Math.min(iterations, 2) : iterations)
                .resultFormat(ResultFormatType.JSON)
                .result(results.resolve(name + ".json").toString())
                // Serial GC as the moss launcher uses: with 2 cores and other load, G1's concurrent
                // threads starve and GC pauses swamp what is measured.
                .jvmArgsAppend("-Xms3g", "-Xmx3g", "-XX:+UseSerialGC", "--enable-native-access=ALL-UNNAMED", "-D" + BenchData.DIR_PROPERTY + "=" + work,
                        "-Dmoss.bench.level=" + BenchData.LEVEL);
    }

    /** Median iteration score of each benchmark, keyed by method name (plus non-default params). */
    private static Map<String, Double> medians(Collection<RunResult> runs) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (RunResult r : runs) {
            String name = r.getParams().getBenchmark();
            name = name.substring(name.lastIndexOf('.') + 1);
            StringBuilder key = new StringBuilder(name);
            for (String p : r.getParams().getParamsKeys()) {
                key.append(' ').append(p).append('=').append(r.getParams().getParam(p));
            }
            out.put(key.toString(), r.getPrimaryResult().getStatistics().getPercentile(50));
        }
        return out;
    }

    private void line(String format, Object... args) {
        summary.add(String.format(Locale.ROOT, format, args));
    }

    private static String verdict(boolean ok) {
        return ok ? "MET" : "MISSED";
    }

    private void content() throws Exception {
        Collection<RunResult> runs = new Runner(options(ContentStreamingBenchmark.class.getName() + ".*", 4, 10, "content")
                .warmupTime(TimeValue.seconds(1)).measurementTime(TimeValue.seconds(2)).build()).run();
        Map<String, Double> ms = medians(runs);
        long plain = ContentStreamingBenchmark.plainBytes(work.resolve(BenchData.CONTENT_STONE));
        long files = RecordDecodeBenchmark.recordCounts(work.resolve(BenchData.CONTENT_STONE))[1];
        line("");
        line("Content streaming: %.1f MiB plain content, %d unique files, level %d (MB/s of plain content)",
                plain / 1048576.0, files, BenchData.LEVEL);
        for (Map.Entry<String, Double> e : ms.entrySet()) {
            line("  %-22s %9.1f ms  %8.1f MB/s", e.getKey(), e.getValue(), plain / 1e3 / e.getValue());
        }
        double moss = ms.get("mossUnpackVerify");
        double raw = ms.get("rawZstd");
        double rawFile = ms.get("rawZstdFromFile");
        line("  ratio moss/raw (stored bytes in memory)  %.2f  target >= 0.70: %s", raw / moss, verdict(raw / moss >= 0.70));
        line("  ratio moss/raw (stored bytes from file)  %.2f", rawFile / moss);

        // The two sides again, interleaved in one JVM, which load changes cannot skew.
        ContentStreamingBenchmark b = new ContentStreamingBenchmark();
        b.setup();
        try {
            Paired.Result p = Paired.ratio(b::rawZstd, b::mossUnpackVerify, quick ? 2 : 5, quick ? 5 : 21);
            line("  interleaved, %d rounds: raw %.1f MB/s, moss %.1f MB/s, ratio moss/raw %.2f (quartiles %.2f-%.2f)"
                            + "  target >= 0.70: %s",
                    p.rounds(), plain / 1e3 / p.aMs(), plain / 1e3 / p.bMs(), p.median(), p.q1(), p.q3(),
                    verdict(p.median() >= 0.70));
            line("  interleaved, CPU time instead of wall time: ratio moss/raw %.2f", p.cpuMedian());
        } finally {
            b.tearDown();
        }
    }

    private void records() throws Exception {
        Collection<RunResult> runs = new Runner(options(RecordDecodeBenchmark.class.getName() + ".*", 4, 8, "records")
                .warmupTime(TimeValue.seconds(1)).measurementTime(TimeValue.seconds(2)).build()).run();
        Map<String, Double> ms = medians(runs);
        long[] counts = RecordDecodeBenchmark.recordCounts(work.resolve(BenchData.RECORDS_STONE));
        long both = counts[0] + counts[1];
        line("");
        line("Record decoding: %d layout + %d index records (M records/s; layout-only and index-only rows count their own)",
                counts[0], counts[1]);
        for (Map.Entry<String, Double> e : ms.entrySet()) {
            long n = e.getKey().equals("recordsLayout") ? counts[0] : e.getKey().equals("recordsIndex") ? counts[1] : both;
            line("  %-22s %9.2f ms  %8.2f M records/s", e.getKey(), e.getValue(), n / 1e3 / e.getValue());
        }
        double open = both / 1e3 / ms.get("openFile");
        line("  StoneReader.open, layout + index       %.2f M records/s  target >= 5: %s", open, verdict(open >= 5));

        // The same in this JVM, with the CPU time the decoding thread got: load from other
        // processes stretches wall time, hardly CPU time (zstd decodes in this thread too).
        RecordDecodeBenchmark b = new RecordDecodeBenchmark();
        b.setup();
        try {
            Paired.Solo t = Paired.solo(b::openFile, quick ? 3 : 10, quick ? 5 : 31);
            line("  in this JVM, %d rounds: %.2f M records/s of wall time, %.2f M records/s of CPU time"
                            + " (wall/CPU %.1f)", t.rounds(), both / 1e3 / t.wallMs(), both / 1e3 / t.cpuMs(),
                    t.wallMs() / t.cpuMs());
        } finally {
            b.tearDown();
        }
    }

    /**
     * Pack and zstd alone, interleaved in this JVM (one op takes minutes on a loaded 2-core
     * machine, so separate JMH forks minutes apart would see different load). The setup packs
     * the tree once, which also warms up pack's Java code.
     */
    private void pack() throws Exception {
        PackBenchmark b = new PackBenchmark();
        b.open(true);
        Paired.Result p;
        BenchData.PackTree tree = BenchData.packTree(work);
        try {
            p = Paired.ratio(b::zstd, b::pack, 0, quick ? 1 : 3);
        } finally {
            b.tearDown();
        }
        line("");
        line("Pack (moss-store Pack.run, as moss pack) of a tree of %d regular files, %d layout entries; level %d;"
                        + " zstd workers %d = all %d cores",
                tree.files(), tree.layoutEntries(), BenchData.LEVEL, b.workerCount(), BenchData.CORES);
        line("  interleaved, %d rounds (medians): pack %.1f s (%.2f cores busy), zstd-jni alone %.1f s (%.2f cores busy)",
                p.rounds(), p.bMs() / 1e3, p.bCores(), p.aMs() / 1e3, p.aCores());
        line("  zstd share of pack (zstd-jni alone / pack, per round)   %.0f %% (quartiles %.0f-%.0f %%)",
                100 * p.median(), 100 * p.q1(), 100 * p.q3());
    }
}
