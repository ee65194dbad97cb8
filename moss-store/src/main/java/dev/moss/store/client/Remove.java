package dev.moss.store.client;

import dev.moss.db.state.Selection;
import dev.moss.db.state.StateId;
import dev.moss.format.meta.Capability;
import dev.moss.store.MossException;
import dev.moss.store.blit.BlitStats;
import dev.moss.store.blit.VfsTree;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code moss remove NAME...}: a new state without the named packages, without the installed
 * packages that depend on them (reverse dependencies), and without the transitive packages no
 * surviving explicit package needs any more (orphans), as reference section 6.4 describes.
 * A dependency still provided by a surviving package keeps its dependant: only what would really
 * break goes.
 */
public final class Remove {
    /**
     * What {@link #apply} will do.
     *
     * @param requested the packages named on the command line
     * @param dependants installed packages that depend on a removed one
     * @param orphans transitive packages that nothing surviving needs
     * @param selections the new state's selection, explicit flags as before
     */
    public record Plan(List<Installed.Package> requested, List<Installed.Package> dependants,
            List<Installed.Package> orphans, List<Selection> selections) {
        public List<Installed.Package> all() {
            List<Installed.Package> out = new ArrayList<>(requested);
            out.addAll(dependants);
            out.addAll(orphans);
            return out;
        }
    }

    /** What a removal did. */
    public record Result(StateId state, BlitStats blit) {}

    private Remove() {}

    /**
     * Works out the removal. Changes nothing.
     *
     * @throws BadStateException no state is active
     * @throws MossException a name matches no installed package
     */
    public static Plan plan(Client client, List<String> names) throws IOException {
        Installed installed = Installed.active(client);
        if (installed.state().isEmpty()) {
            throw new BadStateException("no state is active in " + client.installation().root() + "; nothing to remove");
        }
        Set<String> gone = new LinkedHashSet<>();
        List<Installed.Package> requested = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (String name : names) {
            var p = installed.find(name);
            if (p.isEmpty()) {
                missing.add(name);
            } else if (gone.add(p.get().id())) {
                requested.add(p.get());
            }
        }
        if (!missing.isEmpty()) {
            throw new MossException("no installed package provides " + String.join(", ", missing));
        }
        List<Installed.Package> dependants = dependants(installed, gone);
        dependants.forEach(p -> gone.add(p.id()));
        List<Installed.Package> orphans = orphans(installed, gone);
        orphans.forEach(p -> gone.add(p.id()));
        List<Selection> selections = installed.selections().stream().filter(s -> !gone.contains(s.packageId())).toList();
        return new Plan(requested, dependants, orphans, selections);
    }

    /** Installed packages with a dependency that only removed packages provide, to a fixpoint. */
    private static List<Installed.Package> dependants(Installed installed, Set<String> gone) {
        Set<String> removed = new HashSet<>(gone);
        List<Installed.Package> out = new ArrayList<>();
        boolean changed = true;
        while (changed) {
            changed = false;
            Map<Capability, Integer> provided = providerCounts(installed, removed);
            for (Installed.Package p : installed.byId().values()) {
                if (removed.contains(p.id())) {
                    continue;
                }
                boolean broken = p.meta().depends().stream().anyMatch(d -> !provided.containsKey(d)
                        && providedBefore(installed, d));
                if (broken) {
                    removed.add(p.id());
                    out.add(p);
                    changed = true;
                }
            }
        }
        return out;
    }

    /**
     * Whether {@code d} was satisfied before the removal: a dependency that nothing installed
     * provided in the first place (a partially installed system) is not a reason to remove.
     */
    private static boolean providedBefore(Installed installed, Capability d) {
        return installed.byId().values().stream().anyMatch(p -> p.meta().allProviders().contains(d));
    }

    private static Map<Capability, Integer> providerCounts(Installed installed, Set<String> removed) {
        Map<Capability, Integer> out = new HashMap<>();
        for (Installed.Package p : installed.byId().values()) {
            if (!removed.contains(p.id())) {
                for (Capability c : p.meta().allProviders()) {
                    out.merge(c, 1, Integer::sum);
                }
            }
        }
        return out;
    }

    /** Surviving transitive packages not reachable from a surviving explicit package. */
    private static List<Installed.Package> orphans(Installed installed, Set<String> gone) {
        Map<Capability, List<Installed.Package>> providers = new HashMap<>();
        for (Installed.Package p : installed.byId().values()) {
            if (!gone.contains(p.id())) {
                for (Capability c : p.meta().allProviders()) {
                    providers.computeIfAbsent(c, k -> new ArrayList<>()).add(p);
                }
            }
        }
        Set<String> reached = new HashSet<>();
        Deque<Installed.Package> todo = new ArrayDeque<>();
        for (Installed.Package p : installed.byId().values()) {
            if (!gone.contains(p.id()) && p.explicit() && reached.add(p.id())) {
                todo.add(p);
            }
        }
        while (!todo.isEmpty()) {
            Installed.Package p = todo.poll();
            for (Capability d : p.meta().depends()) {
                for (Installed.Package q : providers.getOrDefault(d, List.of())) {
                    if (reached.add(q.id())) {
                        todo.add(q);
                    }
                }
            }
        }
        return installed.byId().values().stream().filter(p -> !gone.contains(p.id()) && !reached.contains(p.id()))
                .toList();
    }

    /** Blits the remaining packages as a new state and activates it. */
    public static Result apply(Client client, Plan plan, ClientListener listener) throws IOException {
        client.requireWriter();
        StateCommit.requireSwitchable(client);
        VfsTree tree = TreeBuilder.build(client, TreeBuilder.ids(plan.selections()));
        StateCommit.Committed c = StateCommit.commit(client, tree, plan.selections(), "Remove", listener,
                StateCommit.Undo.NOTHING);
        return new Result(c.id(), c.stats());
    }
}
