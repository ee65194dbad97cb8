package dev.moss.cli.command;

import dev.moss.cli.ExitCodes;
import dev.moss.store.index.Index;
import dev.moss.store.index.IndexResult;
import dev.moss.store.index.IndexedPackage;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code moss index}: writes {@code stone.index} for a directory of stones. */
@Command(name = "index", aliases = "ix", mixinStandardHelpOptions = true,
        description = "Write a repository index (stone.index) for every *.stone below DIR; the highest release per name wins.")
public final class IndexCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "DIR", description = "Directory searched recursively for *.stone files.")
    Path dir;

    @Option(names = {"-o", "--output-dir"}, paramLabel = "OUTDIR",
            description = "Where stone.index goes (default: DIR); package URIs are relative to it.")
    Path outputDir;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        IndexResult result = Index.run(dir, outputDir != null ? outputDir : dir);
        PrintWriter out = spec.commandLine().getOut();
        out.println("Indexing " + result.stonesFound() + " files");
        for (IndexedPackage p : result.packages()) {
            out.println("Indexed " + p.uri());
        }
        out.println("Index file written to \"" + result.indexFile() + "\"");
        out.flush();
        return ExitCodes.OK;
    }
}
