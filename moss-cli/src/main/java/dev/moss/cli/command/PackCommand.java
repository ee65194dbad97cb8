package dev.moss.cli.command;

import dev.moss.cli.ExitCodes;
import dev.moss.cli.model.Arg;
import dev.moss.cli.model.CommandModel;
import dev.moss.store.pack.Pack;
import dev.moss.store.pack.PackRequest;
import dev.moss.store.pack.PackResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code moss pack}: makes a stone from a staged root, the way boulder collects and writes it. */
public final class PackCommand implements Callable<Integer> {
    // Its --version is the package's version: so pack has neither -V nor -h (see CommandModel#spec).
    private final CommandModel model = CommandModel.of(this, "pack",
            "Make a stone from a staged root (the directory containing usr/).",
            "Writes <name>-<version>-<release>-<build-release>-<arch>.stone and prints its path.");
    private final Arg<Path> root = model.parameter(Path.class, "DIR", "Staged root; only its usr/ is packed.");
    // <name>, <version> ...: the labels picocli derived from the annotated fields' names.
    private final Arg<String> name = model.requiredOption(String.class, "<name>", "Package name.", "--name");
    private final Arg<String> version =
            model.requiredOption(String.class, "<version>", "Package version (free text).", "--version");
    private final Arg<Long> release = model.requiredOption(long.class, "N", "Release number.", "--release");
    private final Arg<Long> buildRelease = model.optionWithDefault(long.class, "N", "1",
            "Build release (default: ${DEFAULT-VALUE}).", "--build-release");
    private final Arg<String> architecture = model.option(String.class, "ARCH",
            "Architecture (default: this machine's, e.g. x86_64).", "--architecture");
    private final Arg<String> summary =
            model.optionWithDefault(String.class, "<summary>", "", "One-line summary.", "--summary");
    private final Arg<String> description =
            model.optionWithDefault(String.class, "<description>", "", "Longer description.", "--description");
    private final Arg<String> homepage =
            model.optionWithDefault(String.class, "<homepage>", "", "Project homepage.", "--homepage");
    private final Arg<String> sourceId =
            model.option(String.class, "ID", "Source (recipe) id (default: the name).", "--source-id");
    private final Arg<List<String>> licenses =
            model.repeated(String.class, "SPDX", "A license; repeatable.", "--license");
    private final Arg<List<String>> depends = model.repeated(String.class, "P",
            "A dependency, kind(name) or a bare package name; repeatable.", "--depends");
    private final Arg<List<String>> provides =
            model.repeated(String.class, "P", "An extra provider, kind(name); repeatable.", "--provides");
    private final Arg<List<String>> conflicts =
            model.repeated(String.class, "P", "A conflict, kind(name) or a bare name; repeatable.", "--conflicts");
    private final Arg<Integer> level = model.optionWithDefault(int.class, "N", "18",
            "zstd compression level 1..22 (default: ${DEFAULT-VALUE}, as boulder).", "--level");
    private final Arg<Path> outputDir = model.optionWithDefault(Path.class, "OUTDIR", ".",
            "Where to write the stone (default: ${DEFAULT-VALUE}).", "-o", "--output-dir");

    public CommandModel model() {
        return model;
    }

    @Override
    public Integer call() throws IOException {
        PackRequest.Builder b = PackRequest.builder(root.get(), name.get(), version.get(), release.get())
                .outputDir(outputDir.get())
                .buildRelease(buildRelease.get())
                .summary(summary.get())
                .description(description.get())
                .homepage(homepage.get())
                .licenses(licenses.get())
                .depends(depends.get())
                .provides(provides.get())
                .conflicts(conflicts.get())
                .level(level.get());
        if (architecture.get() != null) {
            b.architecture(architecture.get());
        }
        if (sourceId.get() != null) {
            b.sourceId(sourceId.get());
        }
        PackResult result = Pack.run(b.build());
        PrintWriter out = model.spec().commandLine().getOut();
        out.println(result.file());
        out.flush();
        return ExitCodes.OK;
    }
}
