package dev.moss.cli.command.state;

import dev.moss.cli.model.CommandModel;

/**
 * {@code moss state}: the history of system states, rollback and pruning. Not runnable itself:
 * without a subcommand named, picocli reports the missing subcommand.
 */
public final class StateCommand {
    private final CommandModel model =
            CommandModel.of(this, "state", "Show, activate, verify and prune system states.")
                    .subcommand(new StateListCommand().model())
                    .subcommand(new StateActiveCommand().model())
                    .subcommand(new StateQueryCommand().model())
                    .subcommand(new StateActivateCommand().model())
                    .subcommand(new StateRemoveCommand().model())
                    .subcommand(new StatePruneCommand().model())
                    .subcommand(new StateVerifyCommand().model());

    public CommandModel model() {
        return model;
    }
}
