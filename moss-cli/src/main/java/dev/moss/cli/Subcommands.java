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
import dev.moss.cli.model.CommandModel;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The top-level subcommands of {@code moss}. Each command modelled means its classes loaded and
 * its model built; a query such as {@code list installed} must start in well under half a
 * second, so {@link #create} makes only the command that was typed. The switch keeps the other
 * command classes unloaded.
 */
final class Subcommands {
    private Subcommands() {}

    /** Every subcommand's model, in the order help lists them. */
    static List<CommandSpec> all() {
        return List.of(new InstallCommand().model().spec(), new RemoveCommand().model().spec(),
                new ListCommand().model().spec(), new InfoCommand().model().spec(),
                new SearchFileCommand().model().spec(), new StateCommand().model().spec(),
                new CacheCommand().model().spec(), new InspectCommand().model().spec(),
                new ExtractCommand().model().spec(), new PackCommand().model().spec(),
                new IndexCommand().model().spec(), new VersionCommand().model().spec());
    }

    /** The model of the subcommand called {@code word} (name or alias), or null when there is none. */
    static CommandSpec create(String word) {
        CommandModel model = switch (word) {
            case "install", "it" -> new InstallCommand().model();
            case "remove", "rm" -> new RemoveCommand().model();
            case "list" -> new ListCommand().model();
            case "info" -> new InfoCommand().model();
            case "search-file", "sf" -> new SearchFileCommand().model();
            case "state" -> new StateCommand().model();
            case "cache" -> new CacheCommand().model();
            case "inspect" -> new InspectCommand().model();
            case "extract" -> new ExtractCommand().model();
            case "pack" -> new PackCommand().model();
            case "index", "ix" -> new IndexCommand().model();
            case "version" -> new VersionCommand().model();
            default -> null;
        };
        return model == null ? null : model.spec();
    }
}
