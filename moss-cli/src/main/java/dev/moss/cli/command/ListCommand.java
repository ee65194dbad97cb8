package dev.moss.cli.command;

import dev.moss.cli.model.CommandModel;

/**
 * {@code moss list}: the package listings. Not runnable itself: without a listing named, picocli
 * reports the missing subcommand.
 */
public final class ListCommand {
    private final CommandModel model = CommandModel.of(this, "list", "List packages.")
            .subcommand(new ListInstalledCommand().model());

    public CommandModel model() {
        return model;
    }
}
