package dev.moss.bench.corpus;

import dev.moss.store.fs.TreeDeleter;
import dev.moss.store.pack.Pack;
import dev.moss.store.pack.PackRequest;
import dev.moss.store.pack.PackResult;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Generates the install benchmark's corpus: a directory of {@code .stone} packages made by the
 * real packer from staged trees with the shapes of a distribution (see {@link Shapes}), all of
 * it a function of the seed and the parameters.
 *
 * <pre>
 * java -cp bench/target/benchmarks.jar dev.moss.bench.corpus.CorpusGenerator --out DIR
 *     [--seed 1] [--packages 300] [--entries 110000] [--level 3] [--threads N] [--million]
 * </pre>
 *
 * <p>Package sizes are log-normal (a few packages with thousands of entries, many with tens);
 * {@code --entries} is the total number of layout entries, met exactly unless a package's
 * fixed parts overshoot its share. A few large files (1-20 MiB) land in mid-sized packages.
 * {@code --million} makes the 1,000,000-entry set (default 40 packages): the same shapes,
 * but 95 % of files come from a pool of 4096 tiny bodies and there are no large files, so
 * the store stays small. When done, {@code DIR/corpus.txt} holds the parameters and totals;
 * its presence marks a complete corpus.
 */
public final class CorpusGenerator {
    /** Bump when the output for given parameters changes, so cached corpora are regenerated. */
    public static final int VERSION = 1;

    private record Plan(String name, Shapes.Kind kind, int budget, long seed, List<Integer> large) {}

    private record Made(PackResult result, long stagedBytes, long stageNanos, long packNanos) {}

    public static void main(String[] args) throws Exception {
        Path out = null;
        long seed = 1;
        Integer packages = null;
        Integer entries = null;
        int level = 3;
        int threads = Runtime.getRuntime().availableProcessors();
        boolean million = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--out" -> out = Path.of(args[++i]);
                case "--seed" -> seed = Long.parseLong(args[++i]);
                case "--packages" -> packages = Integer.parseInt(args[++i]);
                case "--entries" -> entries = Integer.parseInt(args[++i]);
                case "--level" -> level = Integer.parseInt(args[++i]);
                case "--threads" -> threads = Integer.parseInt(args[++i]);
                case "--million" -> million = true;
                default -> usage();
            }
        }
        if (out == null) {
            usage();
        }
        int p = packages != null ? packages : million ? 40 : 300;
        int e = entries != null ? entries : million ? 1_000_000 : 110_000;
        if (p < 1 || e < 8 * p) {
            System.err.println("error: need at least one package and 8 entries per package");
            System.exit(2);
        }
        long start = System.nanoTime();
        List<Plan> plans = plan(seed, p, e, million);
        Files.createDirectories(out);
        clean(out);
        Bodies.Shared shared = new Bodies.Shared(seed * 31 + 7);
        List<Made> made = generate(out, plans, shared, million, level, threads);

        long layout = 0;
        long unique = 0;
        long content = 0;
        long stoneBytes = 0;
        long staged = 0;
        long stageNanos = 0;
        long packNanos = 0;
        for (Made m : made) {
            layout += m.result().layoutEntries();
            unique += m.result().uniqueFiles();
            content += m.result().contentBytes();
            stoneBytes += Files.size(m.result().file());
            staged += m.stagedBytes();
            stageNanos += m.stageNanos();
            packNanos += m.packNanos();
        }
        String summary = String.format(Locale.ROOT, """
                version=%d
                seed=%d
                packages=%d
                requested_entries=%d
                million=%b
                level=%d
                layout_entries=%d
                unique_files_per_package_sum=%d
                content_bytes_per_package_sum=%d
                staged_file_bytes=%d
                stone_bytes=%d
                """, VERSION, seed, p, e, million, level, layout, unique, content, staged, stoneBytes);
        Files.writeString(out.resolve("corpus.txt"), summary);
        System.err.printf(Locale.ROOT, "corpus: %d packages, %d layout entries, %.1f MiB staged, %.1f MiB of stones, %.0f s"
                + " (thread time: staging %.0f s, packing %.0f s)%n",
                p, layout, staged / 1048576.0, stoneBytes / 1048576.0, (System.nanoTime() - start) / 1e9,
                stageNanos / 1e9, packNanos / 1e9);
    }

    private static void usage() {
        System.err.println("usage: CorpusGenerator --out DIR [--seed N] [--packages N] [--entries N] [--level N]"
                + " [--threads N] [--million]");
        System.exit(2);
    }

    /** Names, shapes, entry budgets, seeds and large files of every package, from the seed alone. */
    private static List<Plan> plan(long seed, int packages, int entries, boolean million) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] weight = new double[packages];
        double sum = 0;
        for (int i = 0; i < packages; i++) {
            weight[i] = Math.exp(rng.nextGaussian() * (million ? 0.6 : 1.3));
            sum += weight[i];
        }
        int[] budget = new int[packages];
        int given = 0;
        int largest = 0;
        for (int i = 0; i < packages; i++) {
            budget[i] = Math.max(8, (int) (entries * weight[i] / sum));
            given += budget[i];
            largest = budget[i] > budget[largest] ? i : largest;
        }
        budget[largest] = Math.max(8, budget[largest] + entries - given);

        Shapes.Kind[] kinds = Shapes.Kind.values();
        int[] kindWeight = {25, 25, 22, 8, 7, 6, 7}; // python, library, application, docs, data, modules, fonts
        List<List<Integer>> large = new ArrayList<>();
        for (int i = 0; i < packages; i++) {
            large.add(new ArrayList<>());
        }
        if (!million) {
            for (int n = Math.max(2, entries / 10_000); n > 0; n--) {
                int i = rng.nextInt(packages);
                if (budget[i] >= 50) {
                    large.get(i).add(Bodies.logSize(rng, 1 << 20, 20 << 20));
                }
            }
        }
        List<Plan> plans = new ArrayList<>(packages);
        for (int i = 0; i < packages; i++) {
            // Letters then the index: no name is another's prefix followed by a letter, so
            // paths built as name + separator never collide between packages.
            String name = Names.word(rng, 4 + rng.nextInt(5)) + i;
            int pick = rng.nextInt(100);
            int k = 0;
            while (pick >= kindWeight[k]) {
                pick -= kindWeight[k++];
            }
            plans.add(new Plan(name, kinds[k], budget[i], rng.nextLong(), List.copyOf(large.get(i))));
        }
        return plans;
    }

    /** Removes stones and staging left by an earlier or interrupted run. */
    private static void clean(Path out) throws IOException {
        Files.deleteIfExists(out.resolve("corpus.txt"));
        TreeDeleter.delete(out.resolve(".staging"));
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(out, "*.stone")) {
            for (Path s : ds) {
                Files.delete(s);
            }
        }
    }

    private static List<Made> generate(Path out, List<Plan> plans, Bodies.Shared shared, boolean tiny, int level,
            int threads) throws Exception {
        Files.createDirectories(out.resolve(".staging"));
        Path staging = out.resolve(".staging");
        try {
            return generate(out, staging, plans, shared, tiny, level, threads);
        } finally {
            TreeDeleter.delete(staging);
        }
    }

    private static List<Made> generate(Path out, Path staging, List<Plan> plans, Bodies.Shared shared, boolean tiny,
            int level, int threads) throws Exception {
        Map<byte[], Path> pooled = new IdentityHashMap<>();
        if (tiny) {
            Path dir = Files.createDirectories(staging.resolve(".pool"));
            byte[][] bodies = shared.tinyPool();
            for (int i = 0; i < bodies.length; i++) {
                Path p = dir.resolve(Integer.toString(i));
                Files.write(p, bodies[i]);
                PackageStager.chmod(p, 0644);
                pooled.put(bodies[i], p);
            }
        }
        AtomicInteger done = new AtomicInteger();
        List<Future<Made>> futures = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            // Biggest first, so the last package to finish is a small one.
            List<Plan> order = new ArrayList<>(plans);
            order.sort((a, b) -> Integer.compare(b.budget(), a.budget()));
            for (Plan plan : order) {
                futures.add(pool.submit(() -> {
                    Made m = one(staging.resolve(plan.name()), out, plan, shared, pooled, tiny, level);
                    int n = done.incrementAndGet();
                    if (n % Math.max(1, plans.size() / 10) == 0) {
                        System.err.printf("corpus: %d of %d packages%n", n, plans.size());
                    }
                    return m;
                }));
            }
            List<Made> made = new ArrayList<>();
            for (Future<Made> f : futures) {
                made.add(f.get());
            }
            return made;
        }
    }

    private static Made one(Path root, Path out, Plan plan, Bodies.Shared shared, Map<byte[], Path> pool,
            boolean tiny, int level) throws IOException {
        try {
            long t0 = System.nanoTime();
            PackageStager st = new PackageStager(root, pool);
            Bodies bodies = new Bodies(new SplittableRandom(plan.seed()), shared, tiny);
            new Shapes(st, bodies, plan.name(), plan.budget()).write(plan.kind(), plan.large());
            long t1 = System.nanoTime();
            PackResult r = Pack.run(PackRequest.builder(root, plan.name(), "1.0", 1)
                    .outputDir(out)
                    .summary("install benchmark corpus: " + plan.kind().name().toLowerCase(Locale.ROOT))
                    .description("generated by dev.moss.bench.corpus.CorpusGenerator")
                    .licenses(List.of("MIT"))
                    .level(level)
                    .workers(1)
                    .build());
            return new Made(r, st.bytes(), t1 - t0, System.nanoTime() - t1);
        } finally {
            TreeDeleter.delete(root);
        }
    }
}
