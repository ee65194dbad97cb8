package dev.moss.cli.command;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.moss.cli.CommandContext;
import dev.moss.cli.ExitCodes;
import dev.moss.cli.model.Arg;
import dev.moss.cli.model.CommandModel;
import dev.moss.cli.render.Json;
import dev.moss.cli.render.PackageJson;
import dev.moss.cli.render.PackageRenderer;
import dev.moss.db.layout.LayoutRow;
import dev.moss.db.meta.MetaEntry;
import dev.moss.format.meta.Capability;
import dev.moss.format.record.LayoutEntry;
import dev.moss.store.MossException;
import dev.moss.store.client.Client;
import dev.moss.store.client.Installed;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code moss info NAME...}: every known package (installed, or cached for an older state) whose
 * name is NAME or which provides NAME; {@code --files} adds its layout.
 */
public final class InfoCommand implements Callable<Integer> {
    private final CommandModel model = CommandModel.of(this, "info", "Show details of packages.");
    private final Arg<List<String>> names = model.parameters(String.class, "NAME", "Package names or providers.");
    private final Arg<Boolean> files = model.flag("Also list the files each package installs.", "-f", "--files");
    private final Arg<Boolean> json = model.flag("Print JSON.", "--json");

    public CommandModel model() {
        return model;
    }

    @Override
    public Integer call() throws IOException {
        CommandContext ctx = CommandContext.of(model.spec());
        boolean withFiles = files.get();
        boolean asJson = json.get();
        PrintWriter out = ctx.out();
        // A list rather than an ArrayNode: adding to an ArrayNode here would make the verifier
        // load Jackson even for plain output.
        List<ObjectNode> documents = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        try (Client client = Client.openReader(ctx.globals().directory())) {
            Installed installed = Installed.active(client);
            boolean first = true;
            for (String name : names.get()) {
                Map<String, MetaEntry> found = new LinkedHashMap<>();
                client.meta().byName(name).forEach(e -> found.putIfAbsent(e.id(), e));
                parse(name).ifPresent(cap -> {
                    try {
                        client.meta().byProvider(cap).forEach(e -> found.putIfAbsent(e.id(), e));
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                });
                if (found.isEmpty()) {
                    missing.add(name);
                    continue;
                }
                for (MetaEntry e : found.values()) {
                    Installed.Package p = installed.byId().get(e.id());
                    List<LayoutRow> layout = withFiles ? client.layout().query(List.of(e.id())) : List.of();
                    if (asJson) {
                        boolean isInstalled = p != null;
                        boolean explicit = p != null && p.explicit();
                        documents.add(withFiles
                                ? PackageJson.of(e.id(), e.meta(), isInstalled, explicit,
                                        layout.stream().map(r -> fileLine(r.record().entry())).toList())
                                : PackageJson.of(e.id(), e.meta(), isInstalled, explicit));
                        continue;
                    }
                    if (!first) {
                        out.println();
                    }
                    first = false;
                    PackageRenderer.info(out, e.id(), e.meta(), p != null);
                    if (withFiles) {
                        out.println("Files");
                        layout.forEach(r -> out.println("  " + fileLine(r.record().entry())));
                    }
                }
            }
        }
        if (asJson) {
            out.println(Json.writeArray(documents));
        }
        out.flush();
        if (!missing.isEmpty()) {
            throw new MossException("no such package: " + String.join(", ", missing));
        }
        return ExitCodes.OK;
    }

    private static java.util.Optional<Capability> parse(String name) {
        try {
            return java.util.Optional.of(Capability.parse(name));
        } catch (IllegalArgumentException e) {
            return java.util.Optional.empty();
        }
    }

    /** {@code /usr/path (hash)}, {@code /usr/path -> target}, or {@code /usr/path/}. */
    static String fileLine(LayoutEntry entry) {
        return switch (entry) {
            case LayoutEntry.Regular r -> "/usr/" + r.target() + " (" + r.digest().toHex() + ")";
            case LayoutEntry.Symlink s -> "/usr/" + s.target() + " -> " + s.source();
            case LayoutEntry.Directory d -> "/usr/" + d.target() + "/";
            case LayoutEntry.Special s -> "/usr/" + s.target() + " [" + s.type().displayName + "]";
            case LayoutEntry.Unknown u -> "/usr/" + u.target() + " [unknown]";
        };
    }
}
