package dev.moss.cli.command;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.moss.cli.ExitCodes;
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
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code moss inspect}: shows what a stone contains, as upstream prints it, or with
 * {@code --check} verifies every payload checksum and every file digest.
 */
@Command(name = "inspect", mixinStandardHelpOptions = true,
        description = "Show the metadata and layout of stone files, or verify them with --check.")
public final class InspectCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Stone files to inspect.")
    List<Path> files;

    @Option(names = "--check", description = "Verify every payload checksum and file digest; print OK/FAILED per payload.")
    boolean check;

    @Option(names = "--json", description = "Print a JSON document instead of text.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        // Not an ArrayNode: plain output should not load Jackson or build its ObjectMapper.
        List<ObjectNode> documents = new ArrayList<>();
        int failed = 0;
        for (Path file : files) {
            requireFile(file);
            if (check) {
                StoneCheck.Report report = StoneCheck.check(file);
                if (json) {
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
        if (json) {
            out.println(Json.writeArray(documents));
            out.flush();
        }
        if (failed > 0) {
            spec.commandLine().getErr().println("error: " + failed + " of " + files.size() + " files failed the check");
            spec.commandLine().getErr().flush();
            return ExitCodes.FAILURE;
        }
        return ExitCodes.OK;
    }

    private void inspect(PrintWriter out, Path file, List<ObjectNode> documents) throws IOException {
        try (StoneReader reader = StoneReader.open(file)) {
            if (json) {
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
