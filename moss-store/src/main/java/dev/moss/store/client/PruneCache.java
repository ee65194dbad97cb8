package dev.moss.store.client;

import dev.moss.db.state.State;
import java.io.IOException;
import java.util.HashSet;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * {@code moss cache prune}: forgets packages no state selects (metadata and layout rows) and
 * deletes the cached stones and assets nothing refers to any more.
 */
public final class PruneCache {
    /** What was removed. */
    public record Result(int packages, long files, long bytes) {}

    private PruneCache() {}

    public static Result run(Client client) throws IOException {
        client.requireWriter();
        Set<String> kept = new HashSet<>();
        for (State s : client.states().list()) {
            s.selections().forEach(sel -> kept.add(sel.packageId()));
        }
        SortedSet<String> unused = new TreeSet<>(client.meta().ids());
        unused.addAll(client.layout().packageIds());
        unused.removeAll(kept);
        client.layout().remove(unused);
        client.meta().remove(unused);
        StoreSweep.Swept swept = StoreSweep.run(client);
        return new Result(unused.size(), swept.files(), swept.bytes());
    }
}
