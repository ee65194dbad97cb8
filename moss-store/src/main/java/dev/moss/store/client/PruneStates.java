package dev.moss.store.client;

import dev.moss.db.state.State;
import dev.moss.db.state.StateId;
import dev.moss.store.MossException;
import dev.moss.store.fs.TreeDeleter;
import dev.moss.store.installation.Installation;
import dev.moss.store.state.CrashPoint;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * {@code moss state prune} and {@code moss state remove}: deletes archived states, then the
 * packages only they selected (metadata and layout rows), then every cached stone and asset no
 * row refers to any more (reference section 3.4). The active state is never removed.
 *
 * <p>Order for crash safety: state rows first (a tree without a row is removed by recovery), then
 * package rows, then files. A crash between steps leaves only more to sweep, never a row that
 * points at a deleted file.
 */
public final class PruneStates {
    /**
     * What {@link #apply} will do.
     *
     * @param states the states to remove, oldest first
     * @param packages ids of the packages no remaining state selects
     */
    public record Plan(List<State> states, SortedSet<String> packages) {
        public boolean isEmpty() {
            return states.isEmpty();
        }
    }

    /** What was removed. */
    public record Result(int states, int packages, long files, long bytes) {}

    private PruneStates() {}

    /**
     * Keeps the newest {@code keep} states counting the active one, removing older ones (with
     * {@code includeNewer}, newer ones too).
     */
    public static Plan keepNewest(Client client, int keep, boolean includeNewer) throws IOException {
        if (keep < 1) {
            throw new MossException("--keep must be at least 1, not " + keep);
        }
        StateId active = requireActive(client);
        List<State> candidates = new ArrayList<>();
        for (State s : client.states().list()) {
            boolean older = s.id().compareTo(active) < 0;
            if (!s.id().equals(active) && (older || includeNewer)) {
                candidates.add(s);
            }
        }
        // newest first by creation time, ties by id; the active state is one of the kept
        candidates.sort(Comparator.comparing(State::created).thenComparing(State::id).reversed());
        List<State> doomed = new ArrayList<>(candidates.subList(Math.min(keep - 1, candidates.size()), candidates.size()));
        return plan(client, doomed);
    }

    /**
     * Removes exactly {@code ids}.
     *
     * @throws StateNotFoundException an id is not a state
     * @throws BadStateException an id is the active state
     */
    public static Plan exactly(Client client, List<StateId> ids) throws IOException {
        Optional<StateId> active = client.activeState();
        List<State> doomed = new ArrayList<>();
        for (StateId id : new TreeSet<>(ids)) {
            if (active.isPresent() && active.get().equals(id)) {
                throw new BadStateException("state " + id + " is the active state; activate another one first");
            }
            doomed.add(client.states().get(id).orElseThrow(() -> new StateNotFoundException(id)));
        }
        return plan(client, doomed);
    }

    private static Plan plan(Client client, List<State> doomed) throws IOException {
        List<State> oldestFirst = new ArrayList<>(doomed);
        oldestFirst.sort(Comparator.comparing(State::id));
        SortedSet<String> packages = client.states().packagesOnlyIn(oldestFirst.stream().map(State::id).toList());
        return new Plan(oldestFirst, packages);
    }

    private static StateId requireActive(Client client) throws IOException {
        return client.activeState().orElseThrow(() ->
                new BadStateException("no state is active in " + client.installation().root()));
    }

    public static Result apply(Client client, Plan plan, ClientListener listener) throws IOException {
        client.requireWriter();
        if (plan.isEmpty()) {
            return new Result(0, 0, 0, 0);
        }
        Installation inst = client.installation();
        client.states().remove(plan.states().stream().map(State::id).toList());
        CrashPoint.reached("prune-after-rows");
        client.layout().remove(plan.packages());
        client.meta().remove(plan.packages());
        CrashPoint.reached("prune-after-packages");
        listener.phase("Removing state trees");
        int done = 0;
        for (State s : plan.states()) {
            TreeDeleter.delete(inst.stateDir(s.id().value()));
            CrashPoint.reached("prune-tree");
            listener.progress(++done, plan.states().size());
        }
        StoreSweep.Swept swept = StoreSweep.run(client);
        return new Result(plan.states().size(), plan.packages().size(), swept.files(), swept.bytes());
    }
}
