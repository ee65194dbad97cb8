package dev.moss.cli;

import dev.moss.store.pack.Pack;
import dev.moss.store.pack.PackRequest;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;

/**
 * The training run of the launcher's AOT cache (JEP 483, 514, 515). After each build the
 * {@code moss} launcher runs this class once with {@code -XX:AOTCacheOutput}; the classes it
 * loads and links (picocli's model of each command, sqlite-jdbc, the databases, the store) then
 * come ready-made from the cache at every start.
 *
 * <p>It goes through the same path as a real run ({@link Aliases#expand}, then
 * {@link Main#commandLineFor}), in one JVM, against a throwaway root in a temporary directory: it
 * packs a small stone with the real packer, installs it, and runs the commands whose start-up
 * matters. Output is discarded; the exit code is non-zero when any command failed, so the
 * launcher can drop a cache trained on a failure.
 */
final class AotTraining {
    private AotTraining() {}

    public static void main(String[] args) throws IOException {
        Path work = Files.createTempDirectory("moss-aot-training-");
        int code;
        try {
            code = train(work);
        } finally {
            deleteTree(work);
        }
        System.exit(code);
    }

    /** Packs, installs and queries in {@code work}; the exit code is non-zero when any command failed. */
    static int train(Path work) throws IOException {
        Path staged = work.resolve("staged");
        Path bin = Files.createDirectories(staged.resolve("usr/bin"));
        Files.writeString(bin.resolve("aot-training"), "#!/bin/sh\necho trained\n");
        Files.createSymbolicLink(bin.resolve("aot-trained"), Path.of("aot-training"));
        Files.createDirectories(staged.resolve("usr/share/aot-training/empty"));
        Path stone = Pack.run(PackRequest.builder(staged, "aot-training", "1.0", 1)
                .outputDir(work)
                .summary("AOT cache training package")
                .licenses(List.of("MPL-2.0"))
                .provides(List.of("binary(aot-training)"))
                .workers(1)
                .build()).file();

        String root = Files.createDirectory(work.resolve("root")).toString();
        List<List<String>> runs = List.of(
                List.of("-D", root, "install", "-y", stone.toString()),
                List.of("-D", root, "li"),
                List.of("-D", root, "list", "installed", "--explicit"),
                List.of("-D", root, "info", "aot-training"),
                List.of("-D", root, "info", "--files", "binary(aot-training)"),
                List.of("-D", root, "search-file", "/usr/bin/aot"),
                List.of("-D", root, "state", "list"),
                List.of("-D", root, "state", "active"),
                List.of("-D", root, "state", "query", "1"),
                List.of("inspect", stone.toString()),
                List.of("version"),
                List.of("--version"),
                List.of("--help"));
        int failures = 0;
        for (List<String> run : runs) {
            failures += run(run.toArray(String[]::new)) == ExitCodes.OK ? 0 : 1;
        }
        return failures == 0 ? ExitCodes.OK : ExitCodes.FAILURE;
    }

    private static int run(String[] args) {
        PrintWriter sink = new PrintWriter(OutputStream.nullOutputStream());
        String[] expanded = Aliases.expand(args);
        return Main.commandLineFor(expanded).setOut(sink).setErr(sink).execute(expanded);
    }

    private static void deleteTree(Path root) throws IOException {
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                if (e != null) {
                    throw e;
                }
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
