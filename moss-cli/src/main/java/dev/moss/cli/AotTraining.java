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
 * The training runs of the launcher's AOT caches (JEP 483, 514, 515). After each build the
 * {@code moss} launcher runs this class twice with {@code -XX:AOTCacheOutput}; the classes each
 * run loads and links (picocli's model of each command, sqlite-jdbc, the databases, the store)
 * then come ready-made from its cache at every start.
 *
 * <ul>
 *   <li>{@code AotTraining ROOT} (the full cache, for every command): packs a small stone with
 *       the real packer, installs it into the new root {@code ROOT}, and runs the queries too.
 *   <li>{@code AotTraining --queries ROOT} (the query cache): only the read-only queries, against
 *       the root the first run made. A JVM loads every class of its cache at start-up, so queries
 *       start faster from a cache without the packer's, installer's and blit's classes: about
 *       40 ms of a 0.2 s {@code moss li}.
 * </ul>
 *
 * <p>Each command goes through the same path as a real run ({@link Aliases#expand},
 * {@link WarmUp#start}, {@link Main#commandLineFor}), in one JVM. Output is discarded; the exit
 * code is non-zero when any command failed, so the launcher can drop a cache trained on a failure.
 */
final class AotTraining {
    private AotTraining() {}

    public static void main(String[] args) throws IOException {
        boolean queries = args.length == 2 && args[0].equals("--queries");
        if (!(queries || args.length == 1)) {
            System.err.println("usage: AotTraining ROOT | AotTraining --queries ROOT");
            System.exit(ExitCodes.USAGE);
        }
        Path root = Path.of(args[args.length - 1]);
        System.exit(queries ? queries(root) : train(root));
    }

    /**
     * Packs and installs into {@code root} (a new directory, created here), then runs the
     * queries; the exit code is non-zero when any command failed.
     */
    static int train(Path root) throws IOException {
        Path work = Files.createTempDirectory("moss-aot-training-");
        try {
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
            Files.createDirectory(root);
            int failures = run("-D", root.toString(), "install", "-y", stone.toString()) == ExitCodes.OK ? 0 : 1;
            // an ephemeral root, as build tools make them: its content is in the store by now
            failures += run("-D", root.toString(), "install", "--to", work.resolve("ephemeral").toString(),
                    stone.toString()) == ExitCodes.OK ? 0 : 1;
            failures += run("inspect", stone.toString()) == ExitCodes.OK ? 0 : 1;
            return failures == 0 ? queries(root) : ExitCodes.FAILURE;
        } finally {
            deleteTree(work);
        }
    }

    /** The read-only queries against a root {@link #train} made; non-zero when any failed. */
    static int queries(Path root) {
        String r = root.toString();
        List<List<String>> runs = List.of(
                List.of("-D", r, "li"),
                List.of("-D", r, "list", "installed", "--explicit"),
                List.of("-D", r, "list", "installed", "--json"),
                List.of("-D", r, "info", "aot-training"),
                List.of("-D", r, "info", "--files", "binary(aot-training)"),
                List.of("-D", r, "search-file", "/usr/bin/aot"),
                List.of("-D", r, "state", "list"),
                List.of("-D", r, "state", "active"),
                List.of("-D", r, "state", "query", "1"),
                List.of("version"),
                List.of("--version"),
                List.of("--help"));
        int failures = 0;
        for (List<String> run : runs) {
            failures += run(run.toArray(String[]::new)) == ExitCodes.OK ? 0 : 1;
        }
        return failures == 0 ? ExitCodes.OK : ExitCodes.FAILURE;
    }

    private static int run(String... args) {
        PrintWriter sink = new PrintWriter(OutputStream.nullOutputStream());
        String[] expanded = Aliases.expand(args);
        WarmUp.start(expanded);
        return Main.commandLineFor(expanded).setOut(sink).setErr(sink).execute(expanded);
    }

    static void deleteTree(Path root) throws IOException {
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
