package dev.moss.tests;

import dev.moss.format.StoneWriter;
import dev.moss.format.digest.Digest128;
import dev.moss.format.digest.Xxh3;
import dev.moss.format.header.FileType;
import dev.moss.format.meta.PackageMeta;
import dev.moss.format.record.EntryType;
import dev.moss.format.record.LayoutEntry;
import dev.moss.format.record.LayoutRecord;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Stones with layouts {@code moss pack} would never write (paths with {@code ..}, absolute paths,
 * files below symlinks, content the stone lacks), written record by record with
 * {@link StoneWriter}.
 *
 * <pre>
 * RawStones.named("evil").link("lib/evil", "/etc").file("lib/evil/passwd", "root::0:0").write(dir);
 * </pre>
 */
final class RawStones {
    private final String name;
    private final List<LayoutRecord> layout = new ArrayList<>();
    private final List<byte[]> content = new ArrayList<>();

    private RawStones(String name) {
        this.name = name;
    }

    static RawStones named(String name) {
        return new RawStones(name);
    }

    /** A regular file at {@code path} (relative to /usr, unchecked), content included. */
    RawStones file(String path, String text) {
        return file(path, text, 0644, 0, 0);
    }

    /** A regular file with the given permission bits and owner. */
    RawStones file(String path, String text, int mode, int uid, int gid) {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        content.add(b);
        layout.add(new LayoutRecord(uid, gid, 0100000 | mode, 0, new LayoutEntry.Regular(Xxh3.hash128(b), path)));
        return this;
    }

    /** A device node, fifo or socket. */
    RawStones special(String path, EntryType type, int mode, int uid, int gid) {
        layout.add(new LayoutRecord(uid, gid, type.modeTypeBits() | mode, 0, new LayoutEntry.Special(type, path)));
        return this;
    }

    /** A regular file whose content the stone does not carry. */
    RawStones fileWithoutContent(String path, String text) {
        Digest128 d = Xxh3.hash128(text.getBytes(StandardCharsets.UTF_8));
        layout.add(new LayoutRecord(0, 0, 0100644, 0, new LayoutEntry.Regular(d, path)));
        return this;
    }

    RawStones link(String path, String text) {
        return link(path, text, 0, 0);
    }

    RawStones link(String path, String text, int uid, int gid) {
        layout.add(new LayoutRecord(uid, gid, 0120777, 0, new LayoutEntry.Symlink(text, path)));
        return this;
    }

    RawStones dir(String path, int mode) {
        return dir(path, mode, 0, 0);
    }

    RawStones dir(String path, int mode, int uid, int gid) {
        layout.add(new LayoutRecord(uid, gid, 040000 | mode, 0, new LayoutEntry.Directory(path)));
        return this;
    }

    /** Writes {@code dir/<name>-1-1-1-x86_64.stone}. */
    Path write(Path dir) throws IOException {
        StoneWriter w = new StoneWriter(FileType.BINARY, new StoneWriter.Options(1, 0));
        for (byte[] b : content) {
            w.addContent(Xxh3.hash128(b), b.length, () -> new ByteArrayInputStream(b));
        }
        PackageMeta meta = new PackageMeta(name, "1", 1, 1, "x86_64", "hostile " + name, "", name, "", List.of(),
                List.of(), List.of(), List.of(), Optional.empty(), Optional.empty(), Optional.empty());
        w.addMeta(meta.toRecords()).addLayout(layout);
        Path stone = dir.resolve(name + "-1-1-1-x86_64.stone");
        Path scratch = dir.resolve(name + ".scratch");
        try (FileChannel out = FileChannel.open(stone, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                FileChannel s = FileChannel.open(scratch, StandardOpenOption.CREATE_NEW, StandardOpenOption.READ,
                        StandardOpenOption.WRITE)) {
            w.write(out, s);
        }
        Files.delete(scratch);
        return stone;
    }
}
