package dev.moss.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The top-level {@code moss} command. Without a subcommand it shows the usage help. Its
 * subcommands are added by {@link Main} (see {@link Subcommands}).
 */
@Command(name = "moss",
        mixinStandardHelpOptions = true,
        versionProvider = MossVersion.class,
        description = "Content-addressed package manager for stone packages.",
        footer = ExitCodes.FOOTER)
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
