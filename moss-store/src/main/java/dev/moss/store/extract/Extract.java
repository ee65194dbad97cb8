package dev.moss.store.extract;

import dev.moss.format.StoneReader;
import dev.moss.format.digest.Digest128;
import dev.moss.format.meta.PackageMeta;
import dev.moss.format.record.LayoutEntry;
import dev.moss.format.record.LayoutRecord;
import dev.moss.store.MossException;
import dev.moss.store.fs.AtomicFile;
import dev.moss.store.fs.FileStat;
import dev.moss.store.fs.Posix;
import dev.moss.store.fs.TreeDeleter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Extracts a stone's {@code /usr} tree to {@code <out>/<name-version-release.arch>/usr}, the
 * directory name upstream's {@code moss extract} uses.
 *
 * <p>The tree is built in a hidden temp directory beside its final place and renamed there only
 * when complete, so a failure (damaged content, an unsafe layout, a full disk) leaves nothing at
 * the final location. Content is streamed and every file is verified against its digest before it
 * gets a name in the tree. Modes are set exactly (setuid, setgid and sticky included) whatever the
 * umask; owners only when running as root. See {@link TreeWriter} for why no entry can escape.
 *
 * <pre>
 * ExtractResult r = Extract.run(stone, outputDir, ExtractListener.NONE);
 * </pre>
 */
public final class Extract {
    private Extract() {}

    /**
     * Extracts one stone.
     *
     * @throws dev.moss.format.StoneFormatException if the stone is damaged (nothing is left behind)
     * @throws UnsafeLayoutException if the layout would write outside the output or through its own symlinks
     * @throws MossException if the destination already exists or an entry cannot be created
     */
    public static ExtractResult run(Path stone, Path outputDir, ExtractListener listener) throws IOException {
        try (StoneReader reader = StoneReader.open(stone)) {
            PackageMeta meta = PackageMeta.from(reader.metaRecords());
            String id = meta.localId();
            if (id.indexOf('/') >= 0 || id.indexOf('\0') >= 0 || id.startsWith(".")) {
                throw new UnsafeLayoutException("package id \"" + id + "\" cannot be used as a directory name");
            }
            List<LayoutRecord> layout = reader.layoutRecords();
            if (layout.isEmpty()) {
                listener.skipped(stone, "no layout entries");
                return new ExtractResult(stone, id, Optional.empty(), 0, 0, 0);
            }
            Files.createDirectories(outputDir);
            Path destination = outputDir.resolve(id);
            if (Files.exists(destination, LinkOption.NOFOLLOW_LINKS)) {
                throw new MossException("\"" + destination + "\": already exists; remove it or choose another output directory");
            }
            listener.started(stone, destination);
            Path temp = outputDir.resolve("." + id + ".extract-" + Long.toHexString(ThreadLocalRandom.current().nextLong()));
            Files.createDirectory(temp);
            try {
                ExtractResult result = extractInto(reader, layout, temp, stone, id, destination, listener);
                Files.move(temp, destination); // no REPLACE_EXISTING: never clobbers a tree made meanwhile
                AtomicFile.syncDirectory(outputDir);
                return result;
            } catch (IOException | RuntimeException | Error e) {
                TreeDeleter.deleteQuietly(temp, e);
                throw e;
            }
        }
    }

    private static ExtractResult extractInto(StoneReader reader, List<LayoutRecord> layout, Path temp, Path stone,
            String id, Path destination, ExtractListener listener) throws IOException {
        Path usr = temp.resolve("usr");
        Files.createDirectory(usr);
        FileStat.chmod(usr, 0755);
        FileStat.chmod(temp, 0755);
        TreeWriter tree = new TreeWriter(usr, Posix.isRoot());
        Map<Digest128, List<ContentPlacer.Placement>> byDigest = new LinkedHashMap<>();
        int skipped = 0;
        for (LayoutRecord r : layout) {
            switch (r.entry()) {
                case LayoutEntry.Regular reg -> byDigest.computeIfAbsent(reg.digest(), d -> new ArrayList<>())
                        .add(new ContentPlacer.Placement(tree.claim(reg.target(), reg.type()), r));
                case LayoutEntry.Symlink link -> tree.symlink(r, link.source());
                case LayoutEntry.Directory dir -> tree.directory(r);
                case LayoutEntry.Special special -> {
                    if (!tree.special(r)) {
                        skipped++;
                        listener.warning("skipped /usr/" + special.target() + ": cannot create a "
                                + special.type().displayName + (tree.asRoot() ? " here" : " without root"));
                    }
                }
                case LayoutEntry.Unknown unknown -> {
                    skipped++;
                    listener.warning("skipped /usr/" + unknown.target() + ": unknown entry type " + unknown.typeCode());
                }
            }
        }
        checkContentPresent(reader, byDigest);
        Path staging = temp.resolve(".content");
        Files.createDirectory(staging);
        ContentPlacer placer = new ContentPlacer(tree, staging, byDigest);
        reader.unpackContent(placer);
        if (!placer.missing().isEmpty()) {
            throw new MossException("content for " + placer.missing().size() + " layout digests was not unpacked");
        }
        Files.delete(staging);
        tree.finish();
        return new ExtractResult(stone, id, Optional.of(destination), layout.size() - skipped, placer.placedFiles(),
                skipped);
    }

    /** Fails before anything is unpacked if a regular entry names content the stone does not have. */
    private static void checkContentPresent(StoneReader reader, Map<Digest128, List<ContentPlacer.Placement>> byDigest)
            throws MossException {
        Set<Digest128> indexed = new HashSet<>();
        reader.indexRecords().forEach(r -> indexed.add(r.digest()));
        for (var e : byDigest.entrySet()) {
            if (!indexed.contains(e.getKey())) {
                String path = e.getValue().getFirst().record().entry().target();
                throw new MossException("layout entry \"/usr/" + path + "\" refers to content "
                        + e.getKey().toPaddedHex() + " that the stone does not contain");
            }
        }
    }
}
