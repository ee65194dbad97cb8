package dev.moss.store.client;

import dev.moss.db.meta.MetaEntry;
import dev.moss.db.meta.MetaSummary;
import dev.moss.db.state.Selection;
import dev.moss.db.state.State;
import dev.moss.db.state.StateId;
import dev.moss.format.meta.Capability;
import dev.moss.format.meta.PackageMeta;
import dev.moss.store.MossException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The packages of one state (by default the active one) with their metadata: what "installed"
 * means (reference section 3.2).
 */
public final class Installed {
    /** One selected package. */
    public record Package(String id, PackageMeta meta, boolean explicit) {
        /** {@code version-release}. */
        public String versionRelease() {
            return meta.version() + "-" + meta.release();
        }

        public Summary summary() {
            return new Summary(new MetaSummary(id, meta.name(), meta.version(), meta.release(), meta.summary()), explicit);
        }
    }

    /** One selected package as a listing shows it: {@link #summaries} reads no more than this. */
    public record Summary(MetaSummary meta, boolean explicit) {
        public String name() {
            return meta.name();
        }

        /** {@code version-release}. */
        public String versionRelease() {
            return meta.version() + "-" + meta.release();
        }
    }

    private final Optional<State> state;
    private final Map<String, Package> byId;

    private Installed(Optional<State> state, Map<String, Package> byId) {
        this.state = state;
        this.byId = byId;
    }

    /** The active state's packages; empty when no state is active. */
    public static Installed active(Client client) throws IOException {
        Optional<StateId> id = client.activeState();
        return id.isEmpty() ? new Installed(Optional.empty(), Map.of()) : of(client, id.get());
    }

    /** The active state's packages as {@link Summary summaries}, sorted by name; empty when no state is active. */
    public static List<Summary> activeSummaries(Client client) throws IOException {
        Optional<StateId> id = client.activeState();
        return id.isEmpty() ? List.of() : summaries(client, id.get());
    }

    /**
     * The packages of state {@code id} as {@link Summary summaries}, sorted by name, then id.
     *
     * @throws StateNotFoundException no such state
     * @throws MossException a selected package has no metadata (a damaged database)
     */
    public static List<Summary> summaries(Client client, StateId id) throws IOException {
        State state = client.states().get(id).orElseThrow(() -> new StateNotFoundException(id));
        Map<String, Boolean> explicit = new HashMap<>();
        for (Selection s : state.selections()) {
            explicit.put(s.packageId(), s.explicit());
        }
        List<Summary> out = new ArrayList<>(explicit.size());
        for (MetaSummary m : client.meta().summaries(explicit.keySet())) {
            out.add(new Summary(m, explicit.remove(m.id())));
        }
        if (!explicit.isEmpty()) {
            throw missingMeta(client, id, explicit.keySet().iterator().next());
        }
        return out;
    }

    /**
     * The packages of state {@code id}.
     *
     * @throws StateNotFoundException no such state
     * @throws MossException a selected package has no metadata (a damaged database)
     */
    public static Installed of(Client client, StateId id) throws IOException {
        State state = client.states().get(id).orElseThrow(() -> new StateNotFoundException(id));
        Map<String, PackageMeta> metas = new HashMap<>();
        for (MetaEntry e : client.meta().byIds(state.selections().stream().map(Selection::packageId).toList())) {
            metas.put(e.id(), e.meta());
        }
        Map<String, Package> byId = new LinkedHashMap<>();
        for (Selection s : state.selections()) {
            PackageMeta meta = metas.get(s.packageId());
            if (meta == null) {
                throw missingMeta(client, id, s.packageId());
            }
            byId.put(s.packageId(), new Package(s.packageId(), meta, s.explicit()));
        }
        return new Installed(Optional.of(state), byId);
    }

    private static MossException missingMeta(Client client, StateId id, String packageId) {
        return new MossException("state " + id + " selects package " + packageId + ", which has no metadata in "
                + client.installation().installDb());
    }

    public Optional<State> state() {
        return state;
    }

    public List<Selection> selections() {
        return state.map(State::selections).orElse(List.of());
    }

    public Map<String, Package> byId() {
        return byId;
    }

    /** Sorted by name. */
    public List<Package> sorted() {
        List<Package> out = new ArrayList<>(byId.values());
        out.sort(Comparator.comparing((Package p) -> p.meta().name()).thenComparing(Package::id));
        return out;
    }

    /** The installed package named {@code name}, or else providing {@code name} as a capability. */
    public Optional<Package> find(String name) {
        for (Package p : byId.values()) {
            if (p.meta().name().equals(name)) {
                return Optional.of(p);
            }
        }
        Capability wanted;
        try {
            wanted = Capability.parse(name);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        return byId.values().stream().filter(p -> p.meta().allProviders().contains(wanted)).findFirst();
    }

    /** Every capability provided by the given packages, to the first provider's id. */
    static Map<Capability, String> providers(Iterable<Package> packages) {
        Map<Capability, String> out = new HashMap<>();
        for (Package p : packages) {
            for (Capability c : p.meta().allProviders()) {
                out.putIfAbsent(c, p.id());
            }
        }
        return out;
    }

    /** Dependencies of {@code packages} that nothing in {@code all} provides, as {@code name: dep}. */
    static List<String> unsatisfied(Iterable<Package> packages, Iterable<Package> all) {
        Set<Capability> provided = new HashSet<>(providers(all).keySet());
        List<String> out = new ArrayList<>();
        for (Package p : packages) {
            for (Capability d : p.meta().depends()) {
                if (!provided.contains(d)) {
                    out.add(p.meta().name() + " depends on " + d + ", which no selected package provides");
                }
            }
        }
        return out;
    }
}
