package dev.moss.bench;

import dev.moss.store.pack.Pack;
import dev.moss.store.pack.PackRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Packs {@code COUNT} tiny stones ({@code bench-pkg-NNNN}, one small file each) into
 * {@code OUTDIR}, in one JVM: {@code moss pack} would start a JVM per stone. Used by
 * {@code bench/run-startup.sh} to install 500 packages before timing {@code moss li}.
 *
 * <pre>
 * java -cp benchmarks.jar dev.moss.bench.ManyStones OUTDIR 500
 * </pre>
 */
public final class ManyStones {
    private ManyStones() {}

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: ManyStones OUTDIR COUNT");
            System.exit(2);
        }
        Path out = Path.of(args[0]);
        int count = Integer.parseInt(args[1]);
        Path staging = Files.createTempDirectory("moss-many-stones-");
        try {
            for (int i = 0; i < count; i++) {
                String name = "bench-pkg-%04d".formatted(i);
                Path root = staging.resolve(name);
                Path file = root.resolve("usr/share/bench/" + name);
                Files.createDirectories(file.getParent());
                Files.writeString(file, name + "\n", StandardCharsets.UTF_8);
                Pack.run(PackRequest.builder(root, name, "1.0." + i, 1)
                        .outputDir(out)
                        .summary("Benchmark package number " + i)
                        .licenses(List.of("MIT"))
                        .level(3)
                        .workers(1)
                        .build());
            }
        } finally {
            BenchData.deleteTree(staging);
        }
    }
}
