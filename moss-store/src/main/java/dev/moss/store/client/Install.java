package dev.moss.store.client;

import dev.moss.db.state.Selection;
import dev.moss.format.meta.PackageMeta;
import dev.moss.format.record.LayoutRecord;
import dev.moss.store.MossException;
import dev.moss.store.blit.BlitStats;
import dev.moss.store.blit.VfsTree;
import dev.moss.store.state.CrashPoint;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code moss install FILE.stone...}: the given local stones plus everything already selected
 * become a new state (DESIGN.md "A stateful transaction"); with a target directory, an ephemeral
 * root built from the shared store instead, recording nothing ({@link EphemeralRoot}).
 *
 * <p>A stone whose package (same hash) is selected already is skipped; one with the name of an
 * installed package but another hash replaces it.
 */
public final class Install {
    private Install() {}

    /**
     * Reads the stones and works out the new selection. Changes nothing.
     *
     * @param target the {@code --to} directory, or empty for a stateful install
     * @throws MossException a stone is missing or damaged, two stones have one name, or the
     *     target is not allowed
     */
    public static InstallPlan plan(Client client, List<Path> stones, Optional<Path> target, boolean force)
            throws IOException {
        List<LocalStone> read = LocalStone.readAll(stones, target.isEmpty());
        Set<String> names = new HashSet<>();
        for (LocalStone s : read) {
            if (!names.add(s.meta().name())) {
                throw new MossException("\"" + s.file() + "\": another given stone is also package " + s.meta().name());
            }
        }
        if (target.isPresent()) {
            EphemeralRoot.check(client, target.get(), force);
            List<Installed.Package> fresh = read.stream().map(s -> new Installed.Package(s.displayId(), s.meta(), true))
                    .toList();
            return new InstallPlan(read, List.of(), List.of(), List.of(), Installed.unsatisfied(fresh, fresh),
                    target, force);
        }
        return statefulPlan(client, read);
    }

    private static InstallPlan statefulPlan(Client client, List<LocalStone> read) throws IOException {
        Installed installed = Installed.active(client);
        List<LocalStone> toInstall = new ArrayList<>();
        List<LocalStone> already = new ArrayList<>();
        List<String> replaced = new ArrayList<>();
        Set<String> dropped = new HashSet<>();
        for (LocalStone s : read) {
            String id = s.id().orElseThrow();
            if (installed.byId().containsKey(id)) {
                already.add(s);
                continue;
            }
            installed.find(s.meta().name()).filter(p -> p.meta().name().equals(s.meta().name())).ifPresent(p -> {
                dropped.add(p.id());
                replaced.add(p.meta().name() + " " + p.versionRelease());
            });
            toInstall.add(s);
        }
        // New packages first, then the previous selections unchanged (reference section 2, step 7).
        List<Selection> selections = new ArrayList<>();
        List<Installed.Package> all = new ArrayList<>();
        List<Installed.Package> fresh = new ArrayList<>();
        for (LocalStone s : toInstall) {
            selections.add(Selection.explicit(s.id().orElseThrow()));
            fresh.add(new Installed.Package(s.id().orElseThrow(), s.meta(), true));
        }
        for (Selection s : installed.selections()) {
            if (!dropped.contains(s.packageId())) {
                selections.add(s);
                all.add(installed.byId().get(s.packageId()));
            }
        }
        all.addAll(fresh);
        return new InstallPlan(toInstall, already, replaced, selections, Installed.unsatisfied(fresh, all),
                Optional.empty(), false);
    }

    /**
     * Carries out {@code plan}. File conflicts are found before anything is written.
     *
     * @throws dev.moss.store.blit.FileConflictException nothing has changed
     * @throws IOException the active state is unchanged; what was imported stays in the store
     */
    public static InstallResult apply(Client client, InstallPlan plan, ClientListener listener) throws IOException {
        client.requireWriter();
        if (plan.target().isPresent()) {
            return EphemeralRoot.install(client, plan, listener);
        }
        if (plan.isEmpty()) {
            return new InstallResult(Optional.empty(), new BlitStats(0, 0, 0, 0, 0, java.time.Duration.ZERO), 0, 0, 0);
        }
        StateCommit.requireSwitchable(client);
        Map<String, List<LayoutRecord>> fresh = new LinkedHashMap<>();
        Map<String, PackageMeta> metas = new LinkedHashMap<>();
        Map<String, String> labels = new LinkedHashMap<>();
        for (LocalStone s : plan.toInstall()) {
            String id = s.id().orElseThrow();
            fresh.put(id, s.layout());
            labels.put(id, s.label());
            metas.put(id, s.meta().withRepositoryFields(s.file().toAbsolutePath().toUri().toString(), id, s.size()));
        }
        List<String> recorded = TreeBuilder.ids(plan.selections()).stream().filter(id -> !fresh.containsKey(id)).toList();
        VfsTree tree;
        StoneImport.Counts counts;
        StoneImport imports = StoneImport.begin(client, plan.toInstall(), true);
        // The store is checked for the stones' content while the tree is built; nothing is
        // written until the tree has no conflicts. A failed import takes out what it added.
        try (imports) {
            listener.phase("Building the tree");
            tree = TreeBuilder.build(client, recorded, fresh, labels);
            counts = imports.finish(listener);
        }
        // Failing later, before the switch, the command takes back the imports too, and the rows
        // of packages the database did not know before.
        Set<String> known = client.meta().ids();
        List<String> added = fresh.keySet().stream().filter(id -> !known.contains(id)).toList();
        StateCommit.Undo undo = () -> {
            client.layout().remove(added);
            client.meta().remove(added);
            imports.undo();
        };
        try {
            CrashPoint.reached("after-import");
            client.meta().addAll(metas);
            client.layout().addAll(fresh);
            CrashPoint.reached("after-db");
        } catch (IOException | RuntimeException e) {
            StateCommit.undoQuietly(undo, e);
            throw e;
        }
        StateCommit.Committed c = StateCommit.commit(client, tree, plan.selections(), "Install", listener, undo);
        return new InstallResult(Optional.of(c.id()), c.stats(), counts.imported(), counts.reused(),
                counts.skippedStones());
    }
}
