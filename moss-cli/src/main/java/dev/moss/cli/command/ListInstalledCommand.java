package dev.moss.cli.command;

import dev.moss.cli.CommandContext;
import dev.moss.cli.ExitCodes;
import dev.moss.cli.model.Arg;
import dev.moss.cli.model.CommandModel;
import dev.moss.cli.render.PackageJson;
import dev.moss.cli.render.PackageRenderer;
import dev.moss.store.client.Client;
import dev.moss.store.client.Installed;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code moss list installed} ({@code li}): the active state's packages, sorted by name. */
public final class ListInstalledCommand implements Callable<Integer> {
    private final CommandModel model = CommandModel.of(this, "installed", "List the installed packages.");
    private final Arg<Boolean> explicit =
            model.flag("Only packages installed explicitly, not as dependencies.", "-e", "--explicit");
    private final Arg<Boolean> json = model.flag("Print JSON.", "--json");

    public CommandModel model() {
        return model;
    }

    @Override
    public Integer call() throws IOException {
        CommandContext ctx = CommandContext.of(model.spec());
        boolean explicitOnly = explicit.get();
        // JSON shows every field of each package; the plain listing reads only what it prints.
        try (Client client = Client.openReader(ctx.globals().directory())) {
            if (json.get()) {
                List<Installed.Package> packages = Installed.active(client).sorted().stream()
                        .filter(p -> !explicitOnly || p.explicit()).toList();
                ctx.out().println(PackageJson.list(packages, true));
            } else {
                List<Installed.Summary> packages = Installed.activeSummaries(client).stream()
                        .filter(p -> !explicitOnly || p.explicit()).toList();
                if (packages.isEmpty()) {
                    ctx.err().println("No packages installed");
                } else {
                    PackageRenderer.summaries(ctx.out(), packages);
                }
            }
        }
        ctx.out().flush();
        ctx.err().flush();
        return ExitCodes.OK;
    }
}
