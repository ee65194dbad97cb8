package dev.moss.cli.command.state;

import dev.moss.cli.CommandContext;
import dev.moss.store.client.Client;
import dev.moss.store.client.PruneStates;
import java.io.IOException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code moss state prune [-k N]}: keep the newest N states (the active one counts), remove older ones. */
@Command(name = "prune", mixinStandardHelpOptions = true,
        description = "Remove old states, keeping the newest N (the active state counts as one).")
public final class StatePruneCommand implements Callable<Integer> {
    @Option(names = {"-k", "--keep"}, paramLabel = "N", defaultValue = "10",
            description = "States to keep (default ${DEFAULT-VALUE}, at least 1).")
    int keep;

    @Option(names = "--include-newer", description = "Also remove states newer than the active one.")
    boolean includeNewer;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        CommandContext ctx = CommandContext.of(spec);
        try (Client client = Client.openWriter(ctx.globals().directory(), ctx.globals().waitForLock(), ctx.listener())) {
            return PruneRenderer.confirmAndApply(ctx, client, PruneStates.keepNewest(client, keep, includeNewer));
        }
    }
}
