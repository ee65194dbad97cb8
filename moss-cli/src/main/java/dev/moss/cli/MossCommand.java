package dev.moss.cli;

import dev.moss.cli.command.CacheCommand;
import dev.moss.cli.command.ExtractCommand;
import dev.moss.cli.command.InfoCommand;
import dev.moss.cli.command.ListCommand;
import dev.moss.cli.command.RemoveCommand;
import dev.moss.cli.command.SearchFileCommand;
import dev.moss.cli.command.state.StateCommand;
import dev.moss.cli.command.IndexCommand;
import dev.moss.cli.command.InstallCommand;
import dev.moss.cli.command.InspectCommand;
import dev.moss.cli.command.PackCommand;
import dev.moss.cli.command.VersionCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The top-level {@code moss} command. Without a subcommand it shows the usage help. */
@Command(name = "moss",
        mixinStandardHelpOptions = true,
        versionProvider = MossVersion.class,
        description = "Content-addressed package manager for stone packages.",
        footer = ExitCodes.FOOTER,
        subcommands = {
            InspectCommand.class,
            ExtractCommand.class,
            PackCommand.class,
            IndexCommand.class,
            InstallCommand.class,
            RemoveCommand.class,
            ListCommand.class,
            InfoCommand.class,
            SearchFileCommand.class,
            StateCommand.class,
            CacheCommand.class,
            VersionCommand.class,
        })
public final class MossCommand implements Runnable {
    @Mixin
    GlobalOptions globals = new GlobalOptions();

    @Spec
    CommandSpec spec;

    public GlobalOptions globals() {
        return globals;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
