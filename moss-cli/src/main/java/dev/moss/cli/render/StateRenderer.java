package dev.moss.cli.render;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.moss.db.state.State;
import java.io.PrintWriter;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;

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

    public static ObjectNode json(State s, Optional<Long> active) {
        ObjectNode o = Json.newObject();
        o.put("id", s.id().value());
        o.put("summary", s.summary().orElse(null));
        o.put("description", s.description().orElse(null));
        o.put("created", s.created().toString());
        o.put("active", active.isPresent() && active.get() == s.id().value());
        ArrayNode sel = o.putArray("selections");
        s.selections().forEach(x -> sel.addObject().put("package", x.packageId()).put("explicit", x.explicit()));
        return o;
    }
}
