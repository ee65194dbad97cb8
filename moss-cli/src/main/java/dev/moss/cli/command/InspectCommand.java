package dev.moss.cli.command;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.moss.cli.ExitCodes;
import dev.moss.cli.model.Arg;
import dev.moss.cli.model.CommandModel;
import dev.moss.cli.render.CheckRenderer;
import dev.moss.cli.render.InspectJson;
import dev.moss.cli.render.Json;
import dev.moss.cli.render.InspectRenderer;
import dev.moss.format.StoneCheck;
import dev.moss.format.StoneFormatException;
import dev.moss.format.StoneReader;
import dev.moss.format.meta.PackageMeta;
import dev.moss.store.MossException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code moss inspect}: shows what a stone contains, as upstream prints it, or with
 * {@code --check} verifies every payload checksum and every file digest.
 */
public final class InspectCommand implements Callable<Integer> {
    private final CommandModel model = CommandModel.of(this, "inspect",
            "Show the metadata and layout of stone files, or verify them with --check.");
    private final Arg<List<Path>> files = model.parameters(Path.class, "FILE", "Stone files to inspect.");
    private final Arg<Boolean> check =
            model.flag("Verify every payload checksum and file digest; print OK/FAILED per payload.", "--check");
    private final Arg<Boolean> json = model.flag("Print a JSON document instead of text.", "--json");

    public CommandModel model() {
        return model;
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter out = model.spec().commandLine().getOut();
        // Not an ArrayNode: plain output should not load Jackson.
        List<ObjectNode> documents = new ArrayList<>();
        int failed = 0;
        for (Path file : files.get()) {
            requireFile(file);
            if (check.get()) {
                StoneCheck.Report report = StoneCheck.check(file);
                if (json.get()) {
                    documents.add(InspectJson.check(file.toString(), report));
                } else {
                    CheckRenderer.render(out, file.toString(), report);
                }
                failed += report.ok() ? 0 : 1;
            } else {
                inspect(out, file, documents);
            }
            out.flush();
        }
        if (json.get()) {
            out.println(Json.writeArray(documents));
            out.flush();
        }
        if (failed > 0) {
            PrintWriter err = model.spec().commandLine().getErr();
            err.println("error: " + failed + " of " + files.get().size() + " files failed the check");
            err.flush();
            return ExitCodes.FAILURE;
        }
        return ExitCodes.OK;
    }

    private void inspect(PrintWriter out, Path file, List<ObjectNode> documents) throws IOException {
        try (StoneReader reader = StoneReader.open(file)) {
            if (json.get()) {
                PackageMeta meta = reader.metaRecords().isEmpty() ? null : PackageMeta.from(reader.metaRecords());
                documents.add(InspectJson.stone(file.toString(), reader, meta));
            } else {
                InspectRenderer.render(out, file.toString(), reader.metaRecords(), reader.layoutRecords());
            }
        } catch (StoneFormatException e) {
            throw new MossException("\"" + file + "\"", e);
        }
    }

    static void requireFile(Path file) throws MossException {
        if (!Files.isRegularFile(file)) {
            throw new MossException("\"" + file + "\": " + (Files.exists(file) ? "not a regular file" : "no such file"));
        }
    }
}
