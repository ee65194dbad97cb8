package dev.moss.cli.command;

import dev.moss.cli.ExitCodes;
import dev.moss.store.pack.Pack;
import dev.moss.store.pack.PackRequest;
import dev.moss.store.pack.PackResult;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code moss pack}: makes a stone from a staged root, the way boulder collects and writes it. */
@Command(name = "pack", mixinStandardHelpOptions = true,
        description = {"Make a stone from a staged root (the directory containing usr/).",
            "Writes <name>-<version>-<release>-<build-release>-<arch>.stone and prints its path."})
public final class PackCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "DIR", description = "Staged root; only its usr/ is packed.")
    Path root;

    @Option(names = "--name", required = true, description = "Package name.")
    String name;

    @Option(names = "--version", required = true, description = "Package version (free text).")
    String version;

    @Option(names = "--release", required = true, paramLabel = "N", description = "Release number.")
    long release;

    @Option(names = "--build-release", paramLabel = "N", defaultValue = "1",
            description = "Build release (default: ${DEFAULT-VALUE}).")
    long buildRelease;

    @Option(names = "--architecture", paramLabel = "ARCH", description = "Architecture (default: this machine's, e.g. x86_64).")
    String architecture;

    @Option(names = "--summary", defaultValue = "", description = "One-line summary.")
    String summary;

    @Option(names = "--description", defaultValue = "", description = "Longer description.")
    String description;

    @Option(names = "--homepage", defaultValue = "", description = "Project homepage.")
    String homepage;

    @Option(names = "--source-id", paramLabel = "ID", description = "Source (recipe) id (default: the name).")
    String sourceId;

    @Option(names = "--license", paramLabel = "SPDX", description = "A license; repeatable.")
    List<String> licenses = new ArrayList<>();

    @Option(names = "--depends", paramLabel = "P", description = "A dependency, kind(name) or a bare package name; repeatable.")
    List<String> depends = new ArrayList<>();

    @Option(names = "--provides", paramLabel = "P", description = "An extra provider, kind(name); repeatable.")
    List<String> provides = new ArrayList<>();

    @Option(names = "--conflicts", paramLabel = "P", description = "A conflict, kind(name) or a bare name; repeatable.")
    List<String> conflicts = new ArrayList<>();

    @Option(names = "--level", paramLabel = "N", defaultValue = "18",
            description = "zstd compression level 1..22 (default: ${DEFAULT-VALUE}, as boulder).")
    int level;

    @Option(names = {"-o", "--output-dir"}, paramLabel = "OUTDIR", defaultValue = ".",
            description = "Where to write the stone (default: ${DEFAULT-VALUE}).")
    Path outputDir;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PackRequest.Builder b = PackRequest.builder(root, name, version, release)
                .outputDir(outputDir)
                .buildRelease(buildRelease)
                .summary(summary)
                .description(description)
                .homepage(homepage)
                .licenses(licenses)
                .depends(depends)
                .provides(provides)
                .conflicts(conflicts)
                .level(level);
        if (architecture != null) {
            b.architecture(architecture);
        }
        if (sourceId != null) {
            b.sourceId(sourceId);
        }
        PackResult result = Pack.run(b.build());
        spec.commandLine().getOut().println(result.file());
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }
}
