package dev.moss.cli;

import dev.moss.cli.model.CommandModel;

/**
 * The top-level {@code moss} command. Without a subcommand it shows the usage help. Its
 * subcommands are added by {@link Main} (see {@link Subcommands}).
 */
public final class MossCommand implements Runnable {
    private final CommandModel model = CommandModel.of(this, "moss", "Content-addressed package manager for stone packages.")
            .version(new MossVersion())
            .footer(ExitCodes.FOOTER);
    private final GlobalOptions globals = new GlobalOptions(model);

    public CommandModel model() {
        return model;
    }

    public GlobalOptions globals() {
        return globals;
    }

    @Override
    public void run() {
        model.spec().commandLine().usage(model.spec().commandLine().getOut());
    }
}
