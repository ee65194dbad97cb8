package dev.moss.cli.command;

import dev.moss.cli.model.CommandModel;

/**
 * {@code moss cache}: the download cache and asset store. Not runnable itself: without a
 * subcommand named, picocli reports the missing subcommand.
 */
public final class CacheCommand {
    private final CommandModel model = CommandModel.of(this, "cache", "Manage the package cache.")
            .subcommand(new CachePruneCommand().model());

    public CommandModel model() {
        return model;
    }
}
