package dev.moss.cli.command;

import dev.moss.cli.CommandContext;
import dev.moss.cli.ExitCodes;
import dev.moss.cli.model.Arg;
import dev.moss.cli.model.CommandModel;
import dev.moss.db.layout.LayoutRow;
import dev.moss.db.meta.MetaEntry;
import dev.moss.store.client.Client;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;

/** {@code moss search-file TEXT} ({@code sf}): files of known packages whose path contains TEXT. */
public final class SearchFileCommand implements Callable<Integer> {
    /** The {@code (digest)} that {@link InfoCommand#fileLine} puts after a regular file. */
    private static final Pattern DIGEST = Pattern.compile(" \\(.*\\)$");

    private final CommandModel model = CommandModel.of(this, "search-file",
            "Find which packages ship a file whose path contains TEXT.")
            .aliases("sf");
    private final Arg<String> text =
            model.parameter(String.class, "TEXT", "Part of a path; a leading /usr/ is ignored.");

    public CommandModel model() {
        return model;
    }

    @Override
    public Integer call() throws IOException {
        CommandContext ctx = CommandContext.of(model.spec());
        PrintWriter out = ctx.out();
        String needle = stripUsr(text.get());
        try (Client client = Client.openReader(ctx.globals().directory())) {
            List<LayoutRow> rows = client.layout().searchFile(needle);
            // One query for the names of all packages found, not one per package.
            Map<String, String> names = new HashMap<>();
            for (MetaEntry e : client.meta().byIds(rows.stream().map(LayoutRow::packageId).distinct().toList())) {
                names.put(e.id(), e.meta().name());
            }
            for (LayoutRow row : rows) {
                String name = names.get(row.packageId());
                if (name != null) {
                    out.println(DIGEST.matcher(InfoCommand.fileLine(row.record().entry())).replaceFirst("")
                            + " from " + name);
                }
            }
        }
        out.flush();
        return ExitCodes.OK;
    }

    /** Layout paths are relative to /usr: {@code /usr/bin/x} and {@code usr/bin/x} search for {@code bin/x}. */
    static String stripUsr(String text) {
        for (String prefix : new String[] {"/usr/", "usr/"}) {
            if (text.startsWith(prefix)) {
                return text.substring(prefix.length());
            }
        }
        return text;
    }
}
