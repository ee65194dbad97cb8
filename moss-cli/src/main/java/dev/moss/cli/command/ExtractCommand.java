package dev.moss.cli.command;

import dev.moss.cli.ExitCodes;
import dev.moss.cli.model.Arg;
import dev.moss.cli.model.CommandModel;
import dev.moss.format.StoneFormatException;
import dev.moss.store.MossException;
import dev.moss.store.extract.Extract;
import dev.moss.store.extract.ExtractListener;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code moss extract}: writes each stone's {@code /usr} tree to {@code <out>/<name-version-release.arch>}. */
public final class ExtractCommand implements Callable<Integer> {
    private final CommandModel model = CommandModel.of(this, "extract",
            "Extract the /usr tree of stone files into <output-dir>/<name-version-release.arch>.");
    private final Arg<List<Path>> files = model.parameters(Path.class, "FILE", "Stone files to extract.");
    private final Arg<Path> outputDir = model.optionWithDefault(Path.class, "DIR", ".",
            "Directory to extract into (default: ${DEFAULT-VALUE}).", "-o", "--output-dir");

    public CommandModel model() {
        return model;
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter out = model.spec().commandLine().getOut();
        PrintWriter err = model.spec().commandLine().getErr();
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
        for (Path file : files.get()) {
            InspectCommand.requireFile(file);
            try {
                Extract.run(file, outputDir.get(), listener);
            } catch (StoneFormatException | MossException e) {
                throw new MossException("\"" + file + "\"", e);
            }
        }
        return ExitCodes.OK;
    }
}
