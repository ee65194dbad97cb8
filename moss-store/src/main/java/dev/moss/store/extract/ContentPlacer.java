package dev.moss.store.extract;

import dev.moss.format.ContentSink;
import dev.moss.format.digest.Digest128;
import dev.moss.format.record.IndexRecord;
import dev.moss.format.record.LayoutRecord;
import dev.moss.store.fs.FileStat;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Receives the content of a stone file by file and puts each verified file at every layout path
 * that uses it. Each unique file is written once to a temp file inside the tree; paths that want
 * the same owner and mode share one inode (hardlinks), and each other (mode, owner) variant gets
 * its own copy, so every path ends up with exactly its layout mode.
 */
final class ContentPlacer implements ContentSink {
    /** Layout paths (already claimed and checked by the tree writer) that use one digest. */
    record Placement(Path path, LayoutRecord record) {}

    private record Variant(int permissions, int uid, int gid) {}

    private final TreeWriter tree;
    private final Path staging;
    private final Map<Digest128, List<Placement>> byDigest;
    private Path current;
    private OutputStream out;
    private int placedFiles;

    ContentPlacer(TreeWriter tree, Path staging, Map<Digest128, List<Placement>> byDigest) {
        this.tree = tree;
        this.staging = staging;
        this.byDigest = byDigest;
    }

    int placedFiles() {
        return placedFiles;
    }

    @Override
    public OutputStream begin(IndexRecord record) throws IOException {
        if (!byDigest.containsKey(record.digest())) {
            return OutputStream.nullOutputStream(); // unused by the layout: verify only
        }
        current = staging.resolve(record.digest().toPaddedHex());
        out = Files.newOutputStream(current, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        // umask-proof: we must be able to read it back for copies whatever the umask is.
        FileStat.chmod(current, 0600);
        return out;
    }

    @Override
    public void verified(IndexRecord record) throws IOException {
        List<Placement> uses = byDigest.remove(record.digest());
        if (uses == null) {
            return;
        }
        out.close();
        place(current, uses);
        placedFiles++;
        current = null;
    }

    @Override
    public void failed(IndexRecord record) {
        try {
            if (out != null) {
                out.close();
            }
            if (current != null) {
                Files.deleteIfExists(current);
            }
        } catch (IOException e) {
            // The whole extraction is being abandoned and its temp tree removed anyway.
        }
    }

    /** Digests the layout uses but the content did not contain. */
    Map<Digest128, List<Placement>> missing() {
        return byDigest;
    }

    private void place(Path temp, List<Placement> uses) throws IOException {
        Map<Variant, List<Placement>> variants = new LinkedHashMap<>();
        for (Placement p : uses) {
            LayoutRecord r = p.record();
            Variant v = new Variant(r.permissions(), tree.asRoot() ? r.uid() : -1, tree.asRoot() ? r.gid() : -1);
            variants.computeIfAbsent(v, k -> new ArrayList<>()).add(p);
        }
        List<List<Placement>> groups = new ArrayList<>(variants.values());
        // Copies first, while the temp file is still ours to read; the first group takes the temp itself.
        for (int g = 1; g < groups.size(); g++) {
            Placement first = groups.get(g).getFirst();
            TreeWriter.requireAbsent(first.path());
            Files.copy(temp, first.path(), LinkOption.NOFOLLOW_LINKS);
            link(first, groups.get(g));
        }
        Placement first = groups.getFirst().getFirst();
        TreeWriter.requireAbsent(first.path());
        Files.move(temp, first.path()); // no REPLACE_EXISTING: never clobbers
        link(first, groups.getFirst());
    }

    private void link(Placement first, List<Placement> group) throws IOException {
        tree.setOwnerAndMode(first.path(), first.record());
        for (int i = 1; i < group.size(); i++) {
            Path p = group.get(i).path();
            TreeWriter.requireAbsent(p);
            Files.createLink(p, first.path());
        }
    }
}
