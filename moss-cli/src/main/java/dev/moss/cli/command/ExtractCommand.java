package dev.moss.cli.command;

import dev.moss.cli.ExitCodes;
import dev.moss.format.StoneFormatException;
import dev.moss.store.MossException;
import dev.moss.store.extract.Extract;
import dev.moss.store.extract.ExtractListener;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code moss extract}: writes each stone's {@code /usr} tree to {@code <out>/<name-version-release.arch>}. */
@Command(name = "extract", mixinStandardHelpOptions = true,
        description = "Extract the /usr tree of stone files into <output-dir>/<name-version-release.arch>.")
public final class ExtractCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Stone files to extract.")
    List<Path> files;

    @Option(names = {"-o", "--output-dir"}, paramLabel = "DIR", defaultValue = ".",
            description = "Directory to extract into (default: ${DEFAULT-VALUE}).")
    Path outputDir;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ExtractListener listener = new ExtractListener() {
            @Override
            public void started(Path stone, Path destination) {
                out.println("Extract: \"" + stone + "\" -> \"" + destination + "\"");
                out.flush();
            }

            @Override
            public void warning(String message) {
                err.println("warning: " + message);
                err.flush();
            }

            @Override
            public void skipped(Path stone, String reason) {
                out.println("Skipping \"" + stone + "\": " + reason);
                out.flush();
            }
        };
        for (Path file : files) {
            InspectCommand.requireFile(file);
            try {
                Extract.run(file, outputDir, listener);
            } catch (StoneFormatException | MossException e) {
                throw new MossException("\"" + file + "\"", e);
            }
        }
        return ExitCodes.OK;
    }
}
