package dev.moss.cli.command.state;

import dev.moss.cli.CommandContext;
import dev.moss.cli.ExitCodes;
import dev.moss.db.state.State;
import dev.moss.store.client.CancelledException;
import dev.moss.store.client.Client;
import dev.moss.store.client.ClientListener;
import dev.moss.store.client.PruneStates;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.Locale;

/** Shows a state-removal plan, asks, applies it and says what was freed: shared by prune and remove. */
final class PruneRenderer {
    private PruneRenderer() {}

    static int confirmAndApply(CommandContext ctx, Client client, PruneStates.Plan plan) throws IOException {
        PrintWriter out = ctx.out();
        if (plan.isEmpty()) {
            out.println("No states to remove");
            out.flush();
            return ExitCodes.OK;
        }
        out.println("The following state(s) will be removed:");
        out.println();
        for (State s : plan.states()) {
            out.println("  State " + s.id());
        }
        out.println();
        out.flush();
        ClientListener listener = ctx.listener();
        if (!listener.confirm("Do you wish to continue?")) {
            throw new CancelledException("cancelled");
        }
        PruneStates.Result r = PruneStates.apply(client, plan, listener);
        out.println(String.format(Locale.ROOT, "Removed %d state(s) and %d package(s); %d file(s) deleted, %.1f MiB freed",
                r.states(), r.packages(), r.files(), r.bytes() / 1048576.0));
        out.flush();
        return ExitCodes.OK;
    }
}
