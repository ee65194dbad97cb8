package dev.moss.cli.command;

import dev.moss.cli.CommandContext;
import dev.moss.cli.ExitCodes;
import dev.moss.cli.render.PackageJson;
import dev.moss.cli.render.PackageRenderer;
import dev.moss.store.client.Client;
import dev.moss.store.client.Installed;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code moss list installed} ({@code li}): the active state's packages, sorted by name. */
@Command(name = "installed", mixinStandardHelpOptions = true, description = "List the installed packages.")
public final class ListInstalledCommand implements Callable<Integer> {
    @Option(names = {"-e", "--explicit"}, description = "Only packages installed explicitly, not as dependencies.")
    boolean explicit;

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        CommandContext ctx = CommandContext.of(spec);
        List<Installed.Package> packages;
        try (Client client = Client.openReader(ctx.globals().directory())) {
            packages = Installed.active(client).sorted().stream().filter(p -> !explicit || p.explicit()).toList();
        }
        if (json) {
            ctx.out().println(PackageJson.list(packages, true));
        } else if (packages.isEmpty()) {
            ctx.err().println("No packages installed");
        } else {
            PackageRenderer.lines(ctx.out(), packages);
        }
        ctx.out().flush();
        ctx.err().flush();
        return ExitCodes.OK;
    }
}
