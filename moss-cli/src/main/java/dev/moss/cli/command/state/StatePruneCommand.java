package dev.moss.cli.command.state;

import dev.moss.cli.CommandContext;
import dev.moss.cli.model.Arg;
import dev.moss.cli.model.CommandModel;
import dev.moss.store.client.Client;
import dev.moss.store.client.PruneStates;
import java.io.IOException;
import java.util.concurrent.Callable;

/** {@code moss state prune [-k N]}: keep the newest N states (the active one counts), remove older ones. */
public final class StatePruneCommand implements Callable<Integer> {
    private final CommandModel model = CommandModel.of(this, "prune",
            "Remove old states, keeping the newest N (the active state counts as one).");
    private final Arg<Integer> keep = model.optionWithDefault(int.class, "N", "10",
            "States to keep (default ${DEFAULT-VALUE}, at least 1).", "-k", "--keep");
    private final Arg<Boolean> includeNewer =
            model.flag("Also remove states newer than the active one.", "--include-newer");

    public CommandModel model() {
        return model;
    }

    @Override
    public Integer call() throws IOException {
        CommandContext ctx = CommandContext.of(model.spec());
        try (Client client = Client.openWriter(ctx.globals().directory(), ctx.globals().waitForLock(), ctx.listener())) {
            PruneStates.Plan plan = PruneStates.keepNewest(client, keep.get(), includeNewer.get());
            return PruneRenderer.confirmAndApply(ctx, client, plan);
        }
    }
}
