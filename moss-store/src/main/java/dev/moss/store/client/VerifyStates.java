package dev.moss.store.client;

import dev.moss.db.state.State;
import dev.moss.db.state.StateId;
import dev.moss.format.StoneFormatException;
import dev.moss.format.StoneReader;
import dev.moss.format.digest.Digest128;
import dev.moss.format.meta.PackageMeta;
import dev.moss.format.record.LayoutEntry;
import dev.moss.store.MossException;
import dev.moss.store.asset.AssetImporter;
import dev.moss.store.blit.VfsTree;
import dev.moss.store.fs.Posix;
import dev.moss.store.fs.TreeDeleter;
import dev.moss.store.installation.Installation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * {@code moss state verify}: checks the asset store and every state tree against the databases
 * ({@link #check}), and repairs what it can ({@link #repair}): corrupt store files are deleted,
 * the packages that own missing or corrupt assets are imported again from their cached stones,
 * and every affected state tree is blitted afresh and swapped in whole.
 *
 * <pre>
 * VerifyReport report = VerifyStates.check(client, listener);
 * if (!report.isClean() &amp;&amp; listener.confirm("...")) {
 *     VerifyStates.RepairResult r = VerifyStates.repair(client, report, listener);
 *     boolean resolved = r.complete() &amp;&amp; VerifyStates.check(client, listener).isClean();
 * }
 * </pre>
 */
public final class VerifyStates {
    /** A package whose assets could not be restored, and why. */
    public record Unrepaired(String packageId, String label, String reason) {}

    /**
     * What {@link #repair} did.
     *
     * @param deleted corrupt asset and variant files removed from the store
     * @param reimported labels of the packages whose content was imported again
     * @param unrepaired packages that could not be imported again (their stone is not cached or damaged)
     * @param reblitted states whose tree was blitted afresh and swapped in
     * @param failed states left as they were, with the reason
     */
    public record RepairResult(int deleted, List<String> reimported, List<Unrepaired> unrepaired,
            List<StateId> reblitted, SortedMap<StateId, String> failed) {
        public RepairResult {
            reimported = List.copyOf(reimported);
            unrepaired = List.copyOf(unrepaired);
            reblitted = List.copyOf(reblitted);
            failed = new TreeMap<>(failed);
        }

        /** Whether everything found could be acted on. A second {@link #check} says whether it worked. */
        public boolean complete() {
            return unrepaired.isEmpty() && failed.isEmpty();
        }
    }

    private VerifyStates() {}

    /**
     * Checks every asset the layouts need and every state's tree. Reads only; works on a reader
     * client too. Progress phases: "Verifying assets", then "Verifying state N" per state.
     */
    public static VerifyReport check(Client client, ClientListener listener) throws IOException {
        long start = System.nanoTime();
        boolean root = Posix.isRoot();
        try (VerifyScan scan = new VerifyScan(Runtime.getRuntime().availableProcessors())) {
            listener.phase("Verifying assets");
            long assets = new AssetCheck(client.assets(), scan, root).run(client.layout().regularDigests(), listener);
            List<State> states = new ArrayList<>(client.states().list());
            states.sort(Comparator.comparing(State::id));
            for (State s : states) {
                listener.phase("Verifying state " + s.id());
                VfsTree tree;
                try {
                    tree = TreeBuilder.build(client, TreeBuilder.ids(s.selections()));
                } catch (MossException | dev.moss.store.blit.FileConflictException e) {
                    scan.treeIssue(VerifyIssue.Kind.BAD_LAYOUT, s.id(), client.installation().stateDir(s.id().value()),
                            "/usr", Optional.empty(), "", e.getMessage());
                    continue;
                }
                new TreeCheck(scan, s.id(), root).run(tree, treeOf(client, s.id()), listener);
            }
            return new VerifyReport(scan.issues(), assets, states.size(), scan.entries.sum(), scan.hashed.sum(),
                    Duration.ofNanos(System.nanoTime() - start));
        }
    }

    /**
     * Repairs what {@code report} found. Needs a writer client. Problems with single packages or
     * states are collected in the result and the rest carries on; the state of things can be read
     * from a second {@link #check}.
     *
     * @throws IOException a failure of the store itself; every tree is then either the old one or
     *     the new one, never half of each
     */
    public static RepairResult repair(Client client, VerifyReport report, ClientListener listener) throws IOException {
        client.requireWriter();
        Set<Digest128> bad = new HashSet<>();
        int deleted = 0;
        for (VerifyIssue i : report.issues()) {
            if (i.kind() == VerifyIssue.Kind.MISSING_ASSET || i.kind() == VerifyIssue.Kind.CORRUPT_ASSET) {
                bad.add(i.digest().orElseThrow());
            }
            if (i.kind() == VerifyIssue.Kind.CORRUPT_ASSET || i.kind() == VerifyIssue.Kind.CORRUPT_VARIANT) {
                TreeDeleter.delete(i.file()); // wrong bytes help nobody; trees keep their links until reblitted
                deleted++;
            }
        }
        client.assets().forgetAll(); // files were deleted behind its back
        SortedSet<String> owners = owners(client, bad);
        List<String> reimported = new ArrayList<>();
        List<Unrepaired> unrepaired = new ArrayList<>();
        reimport(client, owners, reimported, unrepaired, listener);

        SortedMap<StateId, String> failed = new TreeMap<>();
        SortedSet<StateId> affected = affected(client, report, owners, unrepaired, failed);
        List<StateId> reblitted = new ArrayList<>();
        for (StateId id : affected) {
            listener.phase("Reblitting state " + id);
            State s = client.states().get(id).orElseThrow(() -> new StateNotFoundException(id));
            try {
                StateRebuild.reblit(client, s, treeOf(client, id), listener);
                reblitted.add(id);
            } catch (java.io.InterruptedIOException e) {
                throw e;
            } catch (IOException e) {
                failed.put(id, describe(e)); // this state's tree is unchanged; carry on with the others
            }
        }
        return new RepairResult(deleted, reimported, unrepaired, reblitted, failed);
    }

    /**
     * The states to reblit: those with tree issues, and those selecting a package whose assets
     * were restored (so their trees link the restored files). States that cannot be rebuilt go to
     * {@code failed} instead: their layouts do not merge, or they need a package that could not
     * be restored.
     */
    private static SortedSet<StateId> affected(Client client, VerifyReport report, Set<String> owners,
            List<Unrepaired> unrepaired, SortedMap<StateId, String> failed) throws IOException {
        SortedSet<StateId> affected = new TreeSet<>();
        for (VerifyIssue i : report.issues()) {
            if (i.kind() == VerifyIssue.Kind.BAD_LAYOUT) {
                failed.put(i.state().orElseThrow(), "its layouts cannot be merged: " + i.found());
            } else if (i.state().isPresent()) {
                affected.add(i.state().get());
            }
        }
        Map<String, String> lost = new HashMap<>();
        unrepaired.forEach(u -> lost.put(u.packageId(), u.label()));
        for (State s : client.states().list()) {
            List<String> ids = TreeBuilder.ids(s.selections());
            if (ids.stream().anyMatch(owners::contains)) {
                affected.add(s.id());
            }
            ids.stream().filter(lost::containsKey).findFirst().ifPresent(id ->
                    failed.putIfAbsent(s.id(), "it needs " + lost.get(id) + ", which could not be repaired"));
        }
        affected.removeAll(failed.keySet());
        return affected;
    }

    private static String describe(IOException e) {
        if (e instanceof java.nio.file.FileSystemException f && f.getFile() != null) {
            String reason = f instanceof java.nio.file.NoSuchFileException ? "no such file" : f.getReason();
            return "\"" + f.getFile() + "\": " + (reason == null ? f.getClass().getSimpleName() : reason);
        }
        return e.getMessage();
    }

    /** Where state {@code id}'s tree is: {@code ROOT/usr} itself only for a live tree that is a real directory. */
    static Path treeOf(Client client, StateId id) {
        Installation inst = client.installation();
        if (inst.usrIsRealDirectory() && inst.activeStateId().orElse(-1) == id.value()) {
            return inst.usr();
        }
        return inst.stateDir(id.value()).resolve("usr");
    }

    /** Ids of the packages with a regular file of one of {@code digests}. */
    private static SortedSet<String> owners(Client client, Set<Digest128> digests) throws IOException {
        SortedSet<String> out = new TreeSet<>();
        if (digests.isEmpty()) {
            return out;
        }
        client.layout().forEachRow((id, record) -> {
            if (record.entry() instanceof LayoutEntry.Regular r && digests.contains(r.digest())) {
                out.add(id);
            }
        });
        return out;
    }

    /**
     * Imports the content of each package again from {@code .moss/cache/downloads}, after checking
     * the cached stone's SHA-256. A package whose stone is missing or damaged is listed, not fatal.
     */
    private static void reimport(Client client, SortedSet<String> packages, List<String> reimported,
            List<Unrepaired> unrepaired, ClientListener listener) throws IOException {
        if (packages.isEmpty()) {
            return;
        }
        listener.phase("Reimporting");
        AssetImporter importer = new AssetImporter(client.assets(), Posix.isRoot());
        int done = 0;
        for (String id : packages) {
            Optional<PackageMeta> meta = client.meta().get(id);
            String label = meta.map(m -> m.name() + " " + m.version() + "-" + m.release()).orElse(id);
            String hash = meta.flatMap(PackageMeta::hash).orElse(id);
            Optional<String> problem = importFromCache(client, importer, hash);
            if (problem.isPresent()) {
                unrepaired.add(new Unrepaired(id, label, problem.get()));
            } else {
                reimported.add(label);
            }
            listener.progress(++done, packages.size());
        }
    }

    /** Imports one cached stone; returns what is wrong with it instead, if anything. */
    private static Optional<String> importFromCache(Client client, AssetImporter importer, String hash)
            throws IOException {
        Path stone;
        try {
            stone = client.downloadPath(hash);
        } catch (IllegalArgumentException e) {
            return Optional.of("it has no package hash, so no cached stone");
        }
        if (!Files.isRegularFile(stone, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.of("its stone is not in the download cache (" + stone + ")");
        }
        if (!LocalStone.sha256(stone).equals(hash)) {
            return Optional.of("the cached stone " + stone + " is damaged (SHA-256 mismatch)");
        }
        try (StoneReader reader = StoneReader.open(stone)) {
            importer.importContent(reader);
        } catch (StoneFormatException e) {
            return Optional.of("the cached stone " + stone + " is damaged: " + e.getMessage());
        }
        return Optional.empty();
    }
}
