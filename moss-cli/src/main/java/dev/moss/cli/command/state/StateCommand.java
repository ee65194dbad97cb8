package dev.moss.cli.command.state;

import picocli.CommandLine.Command;

/** {@code moss state}: the history of system states, rollback and pruning. */
@Command(name = "state", mixinStandardHelpOptions = true, description = "Show, activate, verify and prune system states.",
        subcommands = {
            StateListCommand.class,
            StateActiveCommand.class,
            StateQueryCommand.class,
            StateActivateCommand.class,
            StateRemoveCommand.class,
            StatePruneCommand.class,
            StateVerifyCommand.class,
        })
public final class StateCommand {}
