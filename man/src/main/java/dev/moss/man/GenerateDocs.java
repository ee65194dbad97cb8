package dev.moss.man;

import dev.moss.cli.Main;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.codegen.docgen.manpage.ManPageGenerator;

/**
 * Build step of the man module. The moss command's subcommands are added by {@link Main} (they are
 * not part of its model, so start-up models only the command typed), so picocli's generators are
 * given the complete {@link Main#commandLine()} rather than a class name.
 *
 * <pre>
 * GenerateDocs manpages OUTDIR      AsciiDoc page per command and subcommand
 * GenerateDocs completion FILE      bash completion script
 * </pre>
 */
public final class GenerateDocs {
    private GenerateDocs() {}

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: GenerateDocs manpages OUTDIR | completion FILE");
        }
        CommandLine moss = Main.commandLine();
        switch (args[0]) {
            case "manpages" -> {
                int rc = ManPageGenerator.generateManPage(new File(args[1]), null, new boolean[0], true,
                        moss.getCommandSpec());
                if (rc != 0) {
                    throw new IOException("ManPageGenerator exited with " + rc);
                }
            }
            case "completion" -> {
                Path file = Path.of(args[1]);
                Files.createDirectories(file.toAbsolutePath().getParent());
                Files.writeString(file, AutoComplete.bash("moss", moss), StandardCharsets.UTF_8);
            }
            default -> throw new IllegalArgumentException("unknown target " + args[0]);
        }
    }
}
