package dev.moss.cli.command;

import picocli.CommandLine.Command;

/** {@code moss cache}: the download cache and asset store. */
@Command(name = "cache", mixinStandardHelpOptions = true, description = "Manage the package cache.",
        subcommands = CachePruneCommand.class)
public final class CacheCommand {}
