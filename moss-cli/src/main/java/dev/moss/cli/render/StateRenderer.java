package dev.moss.cli.render;

import dev.moss.db.state.State;
import java.io.PrintWriter;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** A state as upstream prints it: {@code State #id - summary}, creation time, package count. */
public final class StateRenderer {
    private static final DateTimeFormatter CREATED =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss z", Locale.ROOT).withZone(ZoneId.systemDefault());

    private StateRenderer() {}

    public static void block(PrintWriter out, State s, boolean active) {
        out.println("State #" + s.id() + " - " + s.summary().orElse("system transaction") + (active ? " (active)" : ""));
        out.println("Created: " + CREATED.format(s.created()));
        s.description().ifPresent(d -> out.println("Description: " + d));
        out.println("Packages: " + s.selections().size());
    }
}
