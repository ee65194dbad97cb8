package dev.moss.store.client;

import dev.moss.format.record.LayoutRecord;
import dev.moss.store.MossException;
import dev.moss.store.asset.MissingAssetException;
import dev.moss.store.blit.BlitStats;
import dev.moss.store.blit.Blitter;
import dev.moss.store.blit.VfsTree;
import dev.moss.store.fs.FileStat;
import dev.moss.store.fs.Posix;
import dev.moss.store.fs.TreeDeleter;
import dev.moss.store.state.CrashPoint;
import dev.moss.store.state.StateActivator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * {@code install --to DIR}: a complete root in DIR from ROOT's shared store, recording nothing
 * (reference section 4.1). Build tools do this again and again from the same cache, so stones
 * whose content is all in the store are read only for their metadata, layout and index.
 */
final class EphemeralRoot {
    private EphemeralRoot() {}

    /** Refuses ROOT itself (or anything holding it, or inside its .moss), and non-empty DIRs without force. */
    static void check(Client client, Path target, boolean force) throws IOException {
        Path root = client.installation().root().toRealPath();
        Path dir = target.toAbsolutePath().normalize();
        Path real = Files.exists(dir) ? dir.toRealPath() : realParent(dir);
        if (root.startsWith(real)) {
            throw new MossException("\"" + target + "\": is the installation root or contains it; choose another --to directory");
        }
        if (real.startsWith(root.resolve(".moss"))) {
            throw new MossException("\"" + target + "\": lies inside " + root.resolve(".moss"));
        }
        if (Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
                throw new MossException("\"" + target + "\": exists and is not a directory");
            }
            if (!force && !isEmpty(dir)) {
                throw new MossException("\"" + target + "\": is not empty (use --force to replace its contents)");
            }
        }
    }

    private static Path realParent(Path dir) throws IOException {
        Path p = dir;
        while (p.getParent() != null && !Files.exists(p)) {
            p = p.getParent();
        }
        return p.toRealPath().resolve(p.relativize(dir));
    }

    private static boolean isEmpty(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.findAny().isEmpty();
        }
    }

    /**
     * Builds the tree first. When the store seems to hold the stones' content (their first and
     * last files are there), the blit goes straight ahead: it reads each asset's stat through the
     * link it makes, so nothing walks the store beforehand. If an asset turns out to be missing
     * after all (pruned since, or deleted), the partial tree goes, the stones are imported as
     * usual, and the blit runs again. A failure leaves no partial tree and takes back the imports.
     */
    static InstallResult install(Client client, InstallPlan plan, ClientListener listener) throws IOException {
        Path dir = plan.target().orElseThrow().toAbsolutePath().normalize();
        check(client, dir, plan.force());
        Map<String, List<LayoutRecord>> fresh = new LinkedHashMap<>();
        for (LocalStone s : plan.toInstall()) {
            fresh.put(s.displayId(), s.layout());
        }
        listener.phase("Building the tree");
        VfsTree tree = TreeBuilder.build(client, List.of(), fresh, Map.of());
        // what a failure deletes: DIR, or its first ancestor that does not exist yet
        Path made = null;
        for (Path p = dir; p != null && !Files.exists(p, LinkOption.NOFOLLOW_LINKS); p = p.getParent()) {
            made = p;
        }
        StoneImport imports = null;
        try {
            if (StoneImport.seemImported(client.assets(), plan.toInstall())) {
                CrashPoint.reached("after-import");
                emptyOrCreate(dir);
                try {
                    return finish(dir, blit(client, tree, dir, listener),
                            new StoneImport.Counts(0, 0, plan.toInstall().size()));
                } catch (MissingAssetException e) {
                    listener.phase("Some content is missing from the store (" + e.getFile() + "); importing");
                }
            }
            StoneImport.Counts counts;
            imports = StoneImport.begin(client, plan.toInstall(), false);
            try (StoneImport running = imports) {
                counts = running.finish(listener);
            }
            CrashPoint.reached("after-import");
            emptyOrCreate(dir);
            return finish(dir, blit(client, tree, dir, listener), counts);
        } catch (IOException | RuntimeException | Error e) {
            abandon(dir, made, e);
            client.assets().discardMade();
            if (imports != null) {
                imports.undo();
            }
            throw e;
        }
    }

    /**
     * After a failure: DIR as it was found (gone with the parents made for it, if it was not
     * there), or empty when --force had cleared it.
     */
    private static void abandon(Path dir, Path made, Throwable failure) {
        if (made != null) {
            if (Files.exists(made, LinkOption.NOFOLLOW_LINKS)) {
                TreeDeleter.deleteQuietly(made, failure);
            }
            return;
        }
        try (Stream<Path> s = Files.list(dir)) {
            for (Path child : s.toList()) {
                TreeDeleter.deleteQuietly(child, failure);
            }
        } catch (IOException | RuntimeException x) {
            failure.addSuppressed(x);
        }
    }

    /** Empties DIR (its contents were allowed to go: it was empty, or --force) or creates it. */
    private static void emptyOrCreate(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> s = Files.list(dir)) {
                for (Path child : s.toList()) {
                    TreeDeleter.delete(child);
                }
            }
        } else {
            Files.createDirectories(dir);
            FileStat.chmod(dir, 0755);
        }
    }

    private static BlitStats blit(Client client, VfsTree tree, Path dir, ClientListener listener) throws IOException {
        listener.phase("Blitting");
        return new Blitter(client.assets(), listener::warning, Posix.isRoot(),
                Runtime.getRuntime().availableProcessors()).blit(tree, dir.resolve("usr"));
    }

    private static InstallResult finish(Path dir, BlitStats stats, StoneImport.Counts counts) throws IOException {
        CrashPoint.reached("after-blit");
        StateActivator.createRootLinks(dir);
        Files.createDirectories(dir.resolve("etc"));
        return new InstallResult(Optional.empty(), stats, counts.imported(), counts.reused(), counts.skippedStones());
    }
}
