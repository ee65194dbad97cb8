package dev.moss.bench.corpus;

import dev.moss.store.fs.TreeDeleter;
import dev.moss.store.pack.Pack;
import dev.moss.store.pack.PackRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;

/**
 * One package of large files, for the import figure where decompression, not file creation,
 * sets the pace (a toolchain or a browser: a few hundred MB in tens of files). Half the files
 * are binary-like and half text-like, 4-24 MiB each, from a seeded generator: the same stone on
 * every machine.
 *
 * <pre>java -cp benchmarks.jar dev.moss.bench.corpus.LargeStone OUT_DIR [MEGABYTES] [LEVEL]</pre>
 */
public final class LargeStone {
    /** Bump when the output changes, so the benchmark's cached copy is made again. */
    public static final int VERSION = 1;

    private LargeStone() {}

    public static void main(String[] args) throws IOException {
        if (args.length < 1 || args.length > 3) {
            System.err.println("usage: LargeStone OUT_DIR [MEGABYTES (default 480)] [LEVEL (default 9)]");
            System.exit(2);
        }
        Path out = Files.createDirectories(Path.of(args[0]));
        long budget = (args.length > 1 ? Long.parseLong(args[1]) : 480) << 20;
        int level = args.length > 2 ? Integer.parseInt(args[2]) : 9;
        SplittableRandom rng = new SplittableRandom(42);
        Bodies.Shared shared = new Bodies.Shared(42);
        Path root = Files.createTempDirectory(out, "stage-");
        try {
            Path dir = Files.createDirectories(root.resolve("usr/lib/large"));
            long written = 0;
            for (int i = 0; written < budget; i++) {
                int size = (int) Math.min(Bodies.logSize(rng, 4 << 20, 24 << 20), budget - written);
                byte[] body = i % 2 == 0 ? Bodies.binary(rng, size) : shared.text(rng, size);
                Files.write(dir.resolve(String.format("part-%03d%s", i, i % 2 == 0 ? ".so" : ".txt")), body);
                written += body.length;
            }
            Path stone = Pack.run(PackRequest.builder(root, "large-files", "1.0", 1)
                    .outputDir(out)
                    .summary("install benchmark: large files")
                    .licenses(List.of("MIT"))
                    .level(level)
                    .build()).file();
            System.out.println(stone + " " + written);
        } finally {
            TreeDeleter.delete(root);
        }
    }
}
