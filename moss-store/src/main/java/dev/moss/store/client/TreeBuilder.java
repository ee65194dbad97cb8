package dev.moss.store.client;

import dev.moss.db.state.Selection;
import dev.moss.format.record.LayoutRecord;
import dev.moss.store.MossException;
import dev.moss.store.blit.FileConflictException;
import dev.moss.store.blit.VfsTree;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Merges the layouts of a state's packages into one {@link VfsTree}, before anything is written:
 * packages already recorded stream from the layout database, packages about to be installed come
 * from their stones. Conflicts and unsafe paths fail here, with nothing changed.
 */
final class TreeBuilder {
    private TreeBuilder() {}

    /** The ids of {@code selections}, in order. */
    static List<String> ids(Collection<Selection> selections) {
        return selections.stream().map(Selection::packageId).toList();
    }

    /** The tree of packages whose layouts are all recorded: a state being rebuilt, verified or shrunk. */
    static VfsTree build(Client client, Collection<String> recorded) throws IOException {
        return build(client, recorded, Map.of(), Map.of());
    }

    /**
     * @param recorded packages whose layout is in the layout database
     * @param fresh packages not recorded yet: id to layout
     * @param freshLabels how to name fresh packages in messages ({@code name version-release});
     *     recorded ones are named from the metadata database, unknown ones by their id
     * @throws FileConflictException two packages want different things at one path
     * @throws MossException a layout path is unsafe
     */
    static VfsTree build(Client client, Collection<String> recorded, Map<String, List<LayoutRecord>> fresh,
            Map<String, String> freshLabels) throws IOException {
        VfsTree.Builder builder = VfsTree.builder();
        try {
            client.layout().forEach(recorded, builder::add);
            fresh.forEach((id, records) -> records.forEach(r -> builder.add(id, r)));
            return builder.build();
        } catch (IllegalArgumentException e) {
            // VfsTree refuses paths that leave /usr; that is bad input, not a bug
            throw new MossException(e.getMessage(), e);
        } catch (FileConflictException e) {
            // package ids are SHA-256 hashes: say which packages they are
            Map<String, String> labels = new HashMap<>(freshLabels);
            List<FileConflictException.Conflict> named = new ArrayList<>();
            for (FileConflictException.Conflict c : e.conflicts()) {
                named.add(new FileConflictException.Conflict(c.path(), label(client, c.firstPackage(), labels),
                        label(client, c.secondPackage(), labels), c.why()));
            }
            throw new FileConflictException(named);
        }
    }

    private static String label(Client client, String id, Map<String, String> labels) throws IOException {
        String known = labels.get(id);
        if (known == null) {
            known = client.meta().get(id).map(m -> m.name() + " " + m.version() + "-" + m.release()).orElse(id);
            labels.put(id, known);
        }
        return known;
    }
}
