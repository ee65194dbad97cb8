package dev.moss.store.client;

import dev.moss.db.state.State;
import dev.moss.db.state.StateId;
import dev.moss.store.fs.Durability;
import dev.moss.store.fs.TreeDeleter;
import dev.moss.store.installation.Installation;
import dev.moss.store.state.CrashPoint;
import dev.moss.store.state.StateActivator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Puts an installation back in order after a command was killed (DESIGN.md "Recovery"): removes
 * staging trees, {@code .next} links and {@code .part} files; drops state rows whose tree is
 * missing or incomplete and trees that have no row; makes {@code ROOT/usr} point at a complete
 * state. Runs at the start of every writing command, under the lock. Idempotent: a second run
 * finds nothing. Each repair is reported through {@link ClientListener#repaired}.
 *
 * <p>The {@code .part} sweep walks the whole store, so it only runs when the previous writer
 * did not finish cleanly: writers hold a marker file, {@code .moss/unclean}, while they work.
 */
public final class Recovery {
    static final String MARKER = "unclean";

    private Recovery() {}

    /** Runs recovery; returns the repairs made (also reported to {@code listener}). */
    public static List<String> run(Client client, ClientListener listener) throws IOException {
        Installation inst = client.installation();
        List<String> repairs = new ArrayList<>();
        java.util.function.Consumer<String> report = m -> {
            repairs.add(m);
            listener.repaired(m);
            CrashPoint.reached("recovery-repair"); // recovery itself may be killed half-way
        };
        archiveReplacedTree(inst, report);
        removeNextLinks(inst, report);
        removeStaging(inst, report);
        Path marker = inst.mossDir().resolve(MARKER);
        if (Files.exists(marker)) {
            removeParts(inst.assetsDir(), inst, report);
            removeParts(inst.downloadsDir(), inst, report);
        }
        dropUnswitchedState(client, report);
        reconcileStates(client, report);
        fixActiveLink(client, report);
        fixRootLinks(inst, report);
        if (!repairs.isEmpty()) {
            Durability.syncDirectory(inst.treesDir());
        }
        Files.writeString(marker, "a moss command is running or was interrupted\n");
        return repairs;
    }

    /** Removes the marker: the writer finished, nothing half-done is left. */
    static void markClean(Installation inst) throws IOException {
        Files.deleteIfExists(inst.mossDir().resolve(MARKER));
    }

    /** The first switch away from upstream's real {@code ROOT/usr} was killed before moving the old tree home. */
    private static void archiveReplacedTree(Installation inst, java.util.function.Consumer<String> report)
            throws IOException {
        OptionalLong moved = StateActivator.archiveReplacedTree(inst);
        if (moved.isPresent()) {
            report.accept("moved the tree of state " + moved.getAsLong() + " from " + inst.root().resolve("usr.next")
                    + " to " + inst.root().relativize(inst.stateDir(moved.getAsLong()).resolve("usr")));
        }
    }

    /**
     * A command killed after it recorded a state and gave the tree its final name, but before
     * {@code ROOT/usr} pointed at it: that state was never active, and goes ({@link PendingState}).
     */
    private static void dropUnswitchedState(Client client, java.util.function.Consumer<String> report)
            throws IOException {
        OptionalLong pending = PendingState.read(client.installation());
        if (pending.isPresent() && PendingState.dropUnlessActive(client, pending.getAsLong())) {
            report.accept("removed state " + pending.getAsLong()
                    + ": the command that made it was interrupted before switching to it");
        } else {
            PendingState.clear(client.installation());
        }
    }

    private static void removeNextLinks(Installation inst, java.util.function.Consumer<String> report)
            throws IOException {
        for (String name : new String[] {"usr", "bin", "sbin", "lib", "lib64", "lib32"}) {
            Path next = inst.root().resolve(name + ".next");
            if (Files.isSymbolicLink(next)) {
                Files.delete(next);
                report.accept("removed unfinished link " + next);
            }
        }
    }

    private static void removeStaging(Installation inst, java.util.function.Consumer<String> report)
            throws IOException {
        for (Path p : list(inst.treesDir())) {
            if (p.getFileName().toString().startsWith("staging")) {
                TreeDeleter.delete(p);
                report.accept("removed unfinished tree " + p);
            }
        }
    }

    private static void removeParts(Path dir, Installation inst, java.util.function.Consumer<String> report)
            throws IOException {
        if (!Files.isDirectory(dir)) {
            return;
        }
        List<Path> parts;
        try (Stream<Path> s = Files.walk(dir)) {
            parts = s.filter(p -> p.getFileName().toString().endsWith(".part")).toList();
        }
        for (Path p : parts) {
            Files.deleteIfExists(p);
            report.accept("removed partial file " + inst.root().relativize(p));
        }
    }

    /** Rows without a tree and trees without a row go (the live one excepted); damaged trees are reported. */
    private static void reconcileStates(Client client, java.util.function.Consumer<String> report)
            throws IOException {
        Installation inst = client.installation();
        OptionalLong live = inst.linkedStateId();
        // upstream's layout: the live state's tree is ROOT/usr itself, not under .moss/root
        OptionalLong liveInPlace = inst.usrIsRealDirectory() ? inst.activeStateId() : OptionalLong.empty();
        Map<Long, State> rows = new TreeMap<>();
        for (State s : client.states().list()) {
            rows.put(s.id().value(), s);
        }
        Set<Long> trees = new HashSet<>();
        liveInPlace.ifPresent(trees::add);
        for (Path p : list(inst.treesDir())) {
            String name = p.getFileName().toString();
            if (!name.chars().allMatch(Character::isDigit) || name.isEmpty() || name.length() > 18) {
                continue;
            }
            long id = Long.parseLong(name);
            boolean isLive = live.isPresent() && live.getAsLong() == id;
            if (!rows.containsKey(id) && !isLive) {
                TreeDeleter.delete(p);
                report.accept("removed tree " + inst.root().relativize(p) + ": no state " + id + " is recorded");
            } else if (!complete(inst, id)) {
                // A commit renames a tree to its id only after writing .stateID, so an incomplete
                // tree under its final name was damaged afterwards: that is verify's to repair
                // (from the layouts it still has), not recovery's to delete.
                report.accept("state " + id + " has a damaged tree (" + inst.root().relativize(p)
                        + "); run 'moss state verify' to rebuild it");
                trees.add(id);
            } else {
                trees.add(id);
            }
        }
        if (inst.usrIsRealDirectory() && (liveInPlace.isEmpty() || !rows.containsKey(liveInPlace.getAsLong()))) {
            return; // ROOT/usr names no recorded state: any row without a tree may be its, so none goes
        }
        for (long id : rows.keySet()) {
            if (!trees.contains(id)) {
                client.states().remove(List.of(StateId.of(id)));
                report.accept("removed state " + id + ": it has no tree on disk");
            }
        }
    }

    /** Whether {@code .moss/root/<id>/usr/.stateID} exists and says {@code id}. */
    static boolean complete(Installation inst, long id) {
        Path file = inst.stateDir(id).resolve("usr").resolve(".stateID");
        try {
            if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)
                    || !Files.isDirectory(inst.stateDir(id).resolve("usr"), LinkOption.NOFOLLOW_LINKS)) {
                return false;
            }
            return Files.readString(file, StandardCharsets.US_ASCII).equals(Long.toString(id));
        } catch (IOException e) {
            return false;
        }
    }

    /** A dangling or missing {@code ROOT/usr} link (no tree, or no state row) is pointed at the newest complete state. */
    private static void fixActiveLink(Client client, java.util.function.Consumer<String> report) throws IOException {
        Installation inst = client.installation();
        Path usr = inst.usr();
        if (inst.usrIsRealDirectory()) {
            return;
        }
        OptionalLong live = inst.linkedStateId();
        // a recorded state whose tree is there, even damaged, stays live: verify repairs it in place
        boolean ok = live.isPresent()
                && Files.isDirectory(inst.stateDir(live.getAsLong()).resolve("usr"), LinkOption.NOFOLLOW_LINKS)
                && client.states().get(StateId.of(live.getAsLong())).isPresent();
        if (ok) {
            return;
        }
        boolean exists = Files.exists(usr, LinkOption.NOFOLLOW_LINKS);
        List<State> states = client.states().list();
        State newest = null;
        for (State s : states) {
            if (complete(inst, s.id().value()) && (newest == null || s.id().compareTo(newest.id()) > 0)) {
                newest = s;
            }
        }
        if (newest == null) {
            if (exists && Files.isSymbolicLink(usr)) {
                report.accept(usr + " points at no recorded state and none exists to point it at");
            }
            return;
        }
        StateActivator.activate(inst, newest.id().value());
        report.accept((exists ? "pointed " : "created ") + usr + " at state " + newest.id()
                + (exists ? " (it pointed at no complete state)" : ""));
    }

    /**
     * A switch killed right after {@code usr} was linked the first time leaves the root without
     * {@code bin}, {@code lib}...: an unbootable system. Missing ones are created once {@code usr}
     * is a state link; existing entries, whatever they are, are left alone.
     */
    private static void fixRootLinks(Installation inst, java.util.function.Consumer<String> report)
            throws IOException {
        if (inst.linkedStateId().isEmpty()) {
            return;
        }
        for (String name : StateActivator.createRootLinks(inst.root())) {
            report.accept("created missing link " + inst.root().resolve(name));
        }
    }

    private static List<Path> list(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        }
    }
}
