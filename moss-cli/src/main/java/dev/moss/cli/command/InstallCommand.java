package dev.moss.cli.command;

import dev.moss.cli.CommandContext;
import dev.moss.cli.ExitCodes;
import dev.moss.cli.model.Arg;
import dev.moss.cli.model.CommandModel;
import dev.moss.cli.render.BlitLine;
import dev.moss.cli.render.ConsoleListener;
import dev.moss.store.client.CancelledException;
import dev.moss.store.client.Client;
import dev.moss.store.client.Install;
import dev.moss.store.client.InstallPlan;
import dev.moss.store.client.InstallResult;
import dev.moss.store.client.LocalStone;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.ParameterException;

/**
 * {@code moss install FILE.stone...}: a new state with the given packages added; with {@code --to},
 * an ephemeral root built from the shared store, recording nothing (no question asked: the
 * installed system does not change).
 */
public final class InstallCommand implements Callable<Integer> {
    private final CommandModel model = CommandModel.of(this, "install",
            "Install local stone files as a new state, or build an ephemeral root with --to.")
            .aliases("it");
    private final Arg<List<Path>> files = model.parameters(Path.class, "FILE", "Stone files to install.");
    private final Arg<Path> to = model.option(Path.class, "DIR",
            "Build a complete root in DIR from the installation's store; record no state.", "--to");
    private final Arg<Boolean> force = model.flag("With --to: empty a non-empty DIR first.", "--force");
    private final Arg<Boolean> dryRun = model.flag("Show what would be installed and stop.", "--dry-run");

    public CommandModel model() {
        return model;
    }

    @Override
    public Integer call() throws IOException {
        CommandContext ctx = CommandContext.of(model.spec());
        PrintWriter out = ctx.out();
        ConsoleListener listener = ctx.listener();
        listener.phase("Opening " + ctx.globals().directory());
        List<Path> stones = files.get();
        Optional<Path> target = Optional.ofNullable(to.get());
        if (force.get() && target.isEmpty()) {
            throw new ParameterException(model.spec().commandLine(), "--force needs --to");
        }
        try (Client client = Client.openWriter(ctx.globals().directory(), ctx.globals().waitForLock(), listener)) {
            listener.phase("Reading " + stones.size() + " stone" + (stones.size() == 1 ? "" : "s"));
            InstallPlan plan = Install.plan(client, stones, target, force.get());
            for (String problem : plan.unsatisfied()) {
                listener.warning(problem);
            }
            if (plan.target().isEmpty()) {
                if (!plan.alreadyInstalled().isEmpty()) {
                    out.println("The following package(s) are already installed:");
                    out.println();
                    plan.alreadyInstalled().forEach(s -> out.println("  " + s.label()));
                    out.println();
                }
                if (plan.isEmpty()) {
                    out.flush();
                    return ExitCodes.OK;
                }
                out.println("The following package(s) will be installed:");
                out.println();
                for (LocalStone s : plan.toInstall()) {
                    out.println("  " + s.label());
                }
                for (String r : plan.replaced()) {
                    out.println("  (replaces " + r + ")");
                }
                out.println();
                out.flush();
                if (dryRun.get()) {
                    return ExitCodes.OK;
                }
                if (!listener.confirm("Do you wish to continue?")) {
                    throw new CancelledException("cancelled");
                }
            } else if (dryRun.get()) {
                out.println("Would build " + target.get() + " from:");
                plan.toInstall().forEach(s -> out.println("  " + s.label()));
                out.flush();
                return ExitCodes.OK;
            }
            InstallResult result = Install.apply(client, plan, listener);
            out.println(BlitLine.of(result.blit()));
            result.state().ifPresent(id -> out.println("State " + id + " is now active"));
            out.flush();
        }
        return ExitCodes.OK;
    }
}
