package dev.moss.cli.command;

import dev.moss.cli.CommandContext;
import dev.moss.cli.ExitCodes;
import dev.moss.cli.model.CommandModel;
import dev.moss.store.client.Client;
import dev.moss.store.client.PruneCache;
import java.io.IOException;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code moss cache prune}: forget packages no state uses; delete stones and assets nothing needs. */
public final class CachePruneCommand implements Callable<Integer> {
    private final CommandModel model =
            CommandModel.of(this, "prune", "Delete cached stones and assets that no state uses.");

    public CommandModel model() {
        return model;
    }

    @Override
    public Integer call() throws IOException {
        CommandContext ctx = CommandContext.of(model.spec());
        try (Client client = Client.openWriter(ctx.globals().directory(), ctx.globals().waitForLock(), ctx.listener())) {
            PruneCache.Result r = PruneCache.run(client);
            ctx.out().println(r.files() == 0 && r.packages() == 0 ? "No files to remove"
                    : String.format(Locale.ROOT, "%d package(s) forgotten, %d file(s) removed, %.1f MiB freed",
                            r.packages(), r.files(), r.bytes() / 1048576.0));
        }
        ctx.out().flush();
        return ExitCodes.OK;
    }
}
