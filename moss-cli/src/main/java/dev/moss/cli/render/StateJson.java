package dev.moss.cli.render;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.moss.db.state.State;
import dev.moss.store.client.Installed;
import java.util.List;
import java.util.Optional;

/** The {@code --json} form of a state; apart from {@link StateRenderer} for the reason {@link PackageJson} gives. */
public final class StateJson {
    private StateJson() {}

    public static ObjectNode of(State s, Optional<Long> active) {
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

    /** A JSON array of the states. */
    public static String list(List<State> states, Optional<Long> active) {
        return Json.writeArray(states.stream().map(s -> of(s, active)).toList());
    }

    /** {@link #of} followed by a {@code packages} array; {@code installed} is each package's flag. */
    public static ObjectNode withPackages(State s, Optional<Long> active, List<Installed.Package> packages,
            boolean installed) {
        ObjectNode o = of(s, active);
        ArrayNode array = o.putArray("packages");
        packages.forEach(p -> array.add(PackageJson.of(p.id(), p.meta(), installed, p.explicit())));
        return o;
    }
}
