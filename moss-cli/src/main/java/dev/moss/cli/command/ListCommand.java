package dev.moss.cli.command;

import picocli.CommandLine.Command;

/** {@code moss list}: the package listings. */
@Command(name = "list", mixinStandardHelpOptions = true, description = "List packages.",
        subcommands = ListInstalledCommand.class)
public final class ListCommand {}
