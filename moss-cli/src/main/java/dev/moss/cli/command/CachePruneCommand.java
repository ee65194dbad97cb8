package dev.moss.cli.command;

import dev.moss.cli.CommandContext;
import dev.moss.cli.ExitCodes;
import dev.moss.store.client.Client;
import dev.moss.store.client.PruneCache;
import java.io.IOException;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code moss cache prune}: forget packages no state uses; delete stones and assets nothing needs. */
@Command(name = "prune", mixinStandardHelpOptions = true,
        description = "Delete cached stones and assets that no state uses.")
public final class CachePruneCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        CommandContext ctx = CommandContext.of(spec);
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
