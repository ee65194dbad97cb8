package dev.moss.cli.command;

import dev.moss.cli.CommandContext;
import dev.moss.cli.ExitCodes;
import dev.moss.cli.model.Arg;
import dev.moss.cli.model.CommandModel;
import dev.moss.cli.render.BlitLine;
import dev.moss.cli.render.ConsoleListener;
import dev.moss.store.client.CancelledException;
import dev.moss.store.client.Client;
import dev.moss.store.client.Installed;
import dev.moss.store.client.Remove;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code moss remove NAME...}: a new state without the packages, their dependants and orphans. */
public final class RemoveCommand implements Callable<Integer> {
    private final CommandModel model = CommandModel.of(this, "remove",
            "Remove installed packages, the packages that depend on them and orphaned dependencies.")
            .aliases("rm");
    private final Arg<List<String>> names =
            model.parameters(String.class, "NAME", "Package names or providers, e.g. bash or binary(bash).");
    private final Arg<Boolean> dryRun = model.flag("Show what would be removed and stop.", "--dry-run");

    public CommandModel model() {
        return model;
    }

    @Override
    public Integer call() throws IOException {
        CommandContext ctx = CommandContext.of(model.spec());
        PrintWriter out = ctx.out();
        ConsoleListener listener = ctx.listener();
        try (Client client = Client.openWriter(ctx.globals().directory(), ctx.globals().waitForLock(), listener)) {
            Remove.Plan plan = Remove.plan(client, names.get());
            out.println("The following package(s) will be removed:");
            out.println();
            for (Installed.Package p : plan.all()) {
                String why = plan.dependants().contains(p) ? "  (depends on a removed package)"
                        : plan.orphans().contains(p) ? "  (no longer needed)" : "";
                out.println("  " + p.meta().name() + " " + p.versionRelease() + why);
            }
            out.println();
            out.flush();
            if (dryRun.get()) {
                return ExitCodes.OK;
            }
            if (!listener.confirm("Do you wish to continue?")) {
                throw new CancelledException("cancelled");
            }
            Remove.Result result = Remove.apply(client, plan, listener);
            plan.all().forEach(p -> out.println("Removed " + p.meta().name()));
            out.println(BlitLine.of(result.blit()));
            out.println("State " + result.state() + " is now active");
            out.flush();
        }
        return ExitCodes.OK;
    }
}
