package dev.moss.store.pack;

import dev.moss.format.StoneWriter;
import dev.moss.format.digest.Digest128;
import dev.moss.format.header.FileType;
import dev.moss.format.meta.Capability;
import dev.moss.format.meta.PackageMeta;
import dev.moss.format.record.EntryType;
import dev.moss.format.record.LayoutEntry;
import dev.moss.format.record.LayoutRecord;
import dev.moss.store.MossException;
import dev.moss.store.fs.AtomicFile;
import dev.moss.store.fs.FileStat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Packs a staged root into a binary stone, as boulder does: the layout in collection order,
 * path-derived providers plus the requested ones, runtime dependencies minus what the package
 * provides, content deduplicated and stored largest first. The same tree and request always
 * give the same bytes.
 *
 * <pre>
 * PackResult r = Pack.run(PackRequest.builder(root, "hello", "1.0", 1).outputDir(out).build());
 * </pre>
 */
public final class Pack {
    private Pack() {}

    /**
     * Collects, hashes and writes the stone.
     *
     * @throws MossException for bad request values, a root without {@code usr/}, unreadable or
     *     unencodable files, or a file that changed while it was packed; no stone (and no temp
     *     file) is left behind then
     */
    public static PackResult run(PackRequest request) throws IOException {
        meta(request, Set.of()); // rejects bad request values before a possibly long walk
        List<StagedEntry> staged = TreeCollector.collect(request.root());
        List<Path> regular = new ArrayList<>();
        for (StagedEntry e : staged) {
            if (e.stat().isRegular()) {
                regular.add(e.file());
            }
        }
        List<FileHasher.Hashed> hashes = FileHasher.hashAll(regular, request.workers());

        StoneWriter writer = new StoneWriter(FileType.BINARY,
                new StoneWriter.Options(checkLevel(request.level()), Math.max(0, request.workers())));
        List<LayoutRecord> layout = new ArrayList<>(staged.size());
        Map<Digest128, Long> unique = new LinkedHashMap<>();
        int next = 0;
        for (StagedEntry e : staged) {
            FileStat st = e.stat();
            LayoutEntry entry;
            if (st.isRegular()) {
                FileHasher.Hashed h = hashes.get(next++);
                Path file = e.file();
                writer.addContent(h.digest(), h.size(),
                        () -> Files.newInputStream(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS));
                unique.putIfAbsent(h.digest(), h.size());
                entry = new LayoutEntry.Regular(h.digest(), e.target());
            } else if (st.isSymlink()) {
                entry = new LayoutEntry.Symlink(e.linkText(), e.target());
            } else if (st.isDirectory()) {
                entry = new LayoutEntry.Directory(e.target());
            } else {
                entry = new LayoutEntry.Special(specialType(e), e.target());
            }
            layout.add(new LayoutRecord(st.uid(), st.gid(), st.mode(), 0, entry));
        }

        PackageMeta meta = meta(request, PathProviders.derive(layout));
        writer.addMeta(meta.toRecords());
        writer.addLayout(layout);
        // The writer keeps record payloads in the order added: meta first, then layout.
        Files.createDirectories(request.outputDir());
        Path target = request.outputDir().resolve(meta.fileName());
        AtomicFile.write(target, writer::write);
        long bytes = unique.values().stream().mapToLong(Long::longValue).sum();
        return new PackResult(target, meta, layout.size(), unique.size(), bytes);
    }

    private static EntryType specialType(StagedEntry e) throws MossException {
        return switch (e.stat().type()) {
            case FileStat.S_IFCHR -> EntryType.CHARACTER_DEVICE;
            case FileStat.S_IFBLK -> EntryType.BLOCK_DEVICE;
            case FileStat.S_IFIFO -> EntryType.FIFO;
            case FileStat.S_IFSOCK -> EntryType.SOCKET;
            default -> throw new MossException("\"" + e.file() + "\": unknown file type (mode "
                    + Integer.toOctalString(e.stat().mode()) + ")");
        };
    }

    private static int checkLevel(int level) throws MossException {
        if (level < 1 || level > 22) {
            throw new MossException("compression level " + level + " is out of range 1..22");
        }
        return level;
    }

    /**
     * Builds the meta: licenses sorted, providers = derived + requested, runtime dependencies
     * minus anything the package itself provides (including its own name).
     */
    static PackageMeta meta(PackRequest r, Set<Capability> derived) throws MossException {
        checkName("name", r.name());
        checkName("version", r.version());
        checkName("architecture", r.architecture());
        if (r.release() < 0 || r.buildRelease() < 0) {
            throw new MossException("release and build release must not be negative");
        }
        Set<Capability> provides = new TreeSet<>(derived);
        provides.addAll(parse("--provides", r.provides()));
        Set<Capability> provided = new HashSet<>(provides);
        provided.add(Capability.name(r.name()));
        List<Capability> depends = new ArrayList<>();
        for (Capability d : parse("--depends", r.depends())) {
            if (!provided.contains(d)) {
                depends.add(d);
            }
        }
        List<String> licenses = new ArrayList<>(r.licenses());
        licenses.sort(null);
        return new PackageMeta(r.name(), r.version(), r.release(), r.buildRelease(), r.architecture(),
                r.summary(), r.description(), r.sourceId(), r.homepage(), licenses, depends,
                new ArrayList<>(provides), parse("--conflicts", r.conflicts()),
                Optional.empty(), Optional.empty(), Optional.empty());
    }

    private static void checkName(String what, String value) throws MossException {
        if (value.isEmpty()) {
            throw new MossException("package " + what + " must not be empty");
        }
        if (value.indexOf('/') >= 0 || value.indexOf('\0') >= 0 || value.chars().anyMatch(Character::isWhitespace)) {
            throw new MossException("package " + what + " \"" + value
                    + "\" must not contain '/', NUL or whitespace (it becomes part of the file name)");
        }
    }

    private static List<Capability> parse(String option, List<String> values) throws MossException {
        List<Capability> out = new ArrayList<>();
        for (String v : values) {
            try {
                out.add(Capability.parse(v));
            } catch (IllegalArgumentException e) {
                throw new MossException(option + ": " + e.getMessage(), e);
            }
        }
        return out;
    }
}
