package dev.moss.cli;

import dev.moss.cli.command.CacheCommand;
import dev.moss.cli.command.ExtractCommand;
import dev.moss.cli.command.IndexCommand;
import dev.moss.cli.command.InfoCommand;
import dev.moss.cli.command.InspectCommand;
import dev.moss.cli.command.InstallCommand;
import dev.moss.cli.command.ListCommand;
import dev.moss.cli.command.PackCommand;
import dev.moss.cli.command.RemoveCommand;
import dev.moss.cli.command.SearchFileCommand;
import dev.moss.cli.command.VersionCommand;
import dev.moss.cli.command.state.StateCommand;
import java.util.List;

/**
 * The top-level subcommands of {@code moss}. Building picocli's model of a command costs
 * reflection over its annotations, a few milliseconds each; a query such as {@code list
 * installed} must start in well under half a second, so {@link #create} makes only the command
 * that was typed. The switch keeps the other command classes unloaded.
 */
final class Subcommands {
    private Subcommands() {}

    /** Every subcommand, in the order help lists them. */
    static List<Object> all() {
        return List.of(new InstallCommand(), new RemoveCommand(), new ListCommand().model().spec(), new InfoCommand(),
                new SearchFileCommand(), new StateCommand(), new CacheCommand(), new InspectCommand(),
                new ExtractCommand(), new PackCommand(), new IndexCommand(), new VersionCommand());
    }

    /** The subcommand called {@code word} (name or alias), or null when there is none. */
    static Object create(String word) {
        return switch (word) {
            case "install", "it" -> new InstallCommand();
            case "remove", "rm" -> new RemoveCommand();
            case "list" -> new ListCommand().model().spec();
            case "info" -> new InfoCommand();
            case "search-file", "sf" -> new SearchFileCommand();
            case "state" -> new StateCommand();
            case "cache" -> new CacheCommand();
            case "inspect" -> new InspectCommand();
            case "extract" -> new ExtractCommand();
            case "pack" -> new PackCommand();
            case "index", "ix" -> new IndexCommand();
            case "version" -> new VersionCommand();
            default -> null;
        };
    }
}
