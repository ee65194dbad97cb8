package dev.moss.cli.command;

import dev.moss.cli.ExitCodes;
import dev.moss.cli.model.Arg;
import dev.moss.cli.model.CommandModel;
import dev.moss.store.index.Index;
import dev.moss.store.index.IndexResult;
import dev.moss.store.index.IndexedPackage;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.Callable;

/** {@code moss index}: writes {@code stone.index} for a directory of stones. */
public final class IndexCommand implements Callable<Integer> {
    private final CommandModel model = CommandModel.of(this, "index",
            "Write a repository index (stone.index) for every *.stone below DIR; the highest release per name wins.")
            .aliases("ix");
    private final Arg<Path> dir =
            model.parameter(Path.class, "DIR", "Directory searched recursively for *.stone files.");
    private final Arg<Path> outputDir = model.option(Path.class, "OUTDIR",
            "Where stone.index goes (default: DIR); package URIs are relative to it.", "-o", "--output-dir");

    public CommandModel model() {
        return model;
    }

    @Override
    public Integer call() throws IOException {
        IndexResult result = Index.run(dir.get(), Objects.requireNonNullElse(outputDir.get(), dir.get()));
        PrintWriter out = model.spec().commandLine().getOut();
        out.println("Indexing " + result.stonesFound() + " files");
        for (IndexedPackage p : result.packages()) {
            out.println("Indexed " + p.uri());
        }
        out.println("Index file written to \"" + result.indexFile() + "\"");
        out.flush();
        return ExitCodes.OK;
    }
}
