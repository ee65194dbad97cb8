package dev.moss.cli.command.state;

import dev.moss.cli.CommandContext;
import dev.moss.cli.ExitCodes;
import dev.moss.cli.model.Arg;
import dev.moss.cli.model.CommandModel;
import dev.moss.db.state.StateId;
import dev.moss.store.client.ActivateState;
import dev.moss.store.client.Client;
import java.io.IOException;
import java.util.concurrent.Callable;

/**
 * {@code moss state activate ID}: make an earlier (or later) state live, in one rename. The initrd
 * runs {@code moss -D /sysroot state activate -y --skip-triggers ID}; that line must keep working.
 */
public final class StateActivateCommand implements Callable<Integer> {
    private final CommandModel model = CommandModel.of(this, "activate",
            "Make a state the live system (rollback); only the /usr link changes.");
    private final Arg<StateId> id =
            model.parameter(StateId.class, new StateIdConverter(), "ID", "The state to activate.");
    // Accepted (the initrd passes --skip-triggers) and not read: activating only swaps the /usr link.
    private final Arg<Boolean> skipTriggers =
            model.flag("Do not run system triggers (as the initrd does).", "--skip-triggers");
    private final Arg<Boolean> skipBoot = model.flag("Do not update boot entries.", "--skip-boot");

    public CommandModel model() {
        return model;
    }

    @Override
    public Integer call() throws IOException {
        CommandContext ctx = CommandContext.of(model.spec());
        try (Client client = Client.openWriter(ctx.globals().directory(), ctx.globals().waitForLock(), ctx.listener())) {
            StateId id = this.id.get();
            ActivateState.Result r = ActivateState.run(client, id);
            if (!r.changed()) {
                ctx.out().println("State " + id + " is already active");
            } else {
                ctx.out().println("State " + id + " activated"
                        + r.previous().map(p -> " (state " + p + " stays on disk)").orElse(""));
            }
        }
        ctx.out().flush();
        return ExitCodes.OK;
    }
}
