package dev.moss.store.pack;

import dev.moss.store.MossException;
import dev.moss.store.fs.FileStat;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Walks a staged root the way boulder's collector does: only {@code usr/}; each directory's
 * entries sorted bytewise by name; lstat semantics (symlinks, also those to directories, are
 * recorded as links and never followed); files, symlinks and special files always recorded; a
 * directory recorded only when nothing was recorded beneath it or its mode is not exactly
 * {@code 040755}, and then after its children. Paths come out relative to {@code /usr}.
 */
final class TreeCollector {
    /** Layout strings carry u16 lengths. */
    static final int MAX_STRING_BYTES = 0xFFFF;
    private static final int PLAIN_DIRECTORY = FileStat.S_IFDIR | 0755;
    private static final Comparator<byte[]> BYTEWISE = Arrays::compareUnsigned;

    private TreeCollector() {}

    /**
     * Collects {@code root/usr}.
     *
     * @throws MossException if {@code root} has no {@code usr/} directory, a directory cannot be
     *     listed, or a name cannot be stored (not UTF-8, longer than 65535 bytes)
     */
    static List<StagedEntry> collect(Path root) throws IOException {
        Path usr = root.resolve("usr");
        FileStat st;
        try {
            st = FileStat.of(usr);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new MossException("\"" + root + "\": no usr/ directory to pack");
        }
        if (!st.isDirectory()) {
            throw new MossException("\"" + usr + "\": is not a directory (a staged root needs a real usr/)");
        }
        List<StagedEntry> out = new ArrayList<>();
        walk(usr, "", out);
        return out;
    }

    private static void walk(Path dir, String rel, List<StagedEntry> out) throws IOException {
        for (Child child : sortedChildren(dir)) {
            Path path = child.path();
            String target = rel.isEmpty() ? child.name() : rel + "/" + child.name();
            checkEncodable(path, target);
            FileStat stat = FileStat.of(path);
            if (stat.isDirectory()) {
                int before = out.size();
                walk(path, target, out);
                if (out.size() == before || stat.mode() != PLAIN_DIRECTORY) {
                    out.add(new StagedEntry(target, path, stat, null));
                }
            } else if (stat.isSymlink()) {
                String text = Files.readSymbolicLink(path).toString();
                checkEncodable(path, text);
                out.add(new StagedEntry(target, path, stat, text));
            } else {
                out.add(new StagedEntry(target, path, stat, null));
            }
        }
    }

    private record Child(String name, byte[] bytes, Path path) {}

    private static List<Child> sortedChildren(Path dir) throws IOException {
        List<Child> children = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
            for (Path p : ds) {
                String name = p.getFileName().toString();
                children.add(new Child(name, name.getBytes(StandardCharsets.UTF_8), p));
            }
        } catch (AccessDeniedException e) {
            throw new MossException("\"" + dir + "\": cannot list directory: permission denied", e);
        }
        children.sort(Comparator.comparing(Child::bytes, BYTEWISE));
        return children;
    }

    /**
     * Java decodes file names with the platform encoding and replaces bytes it cannot decode with
     * U+FFFD, so such a name could not be written back faithfully: refuse it rather than pack a
     * different name.
     */
    private static void checkEncodable(Path path, String text) throws MossException {
        if (text.indexOf('\uFFFD') >= 0) {
            throw new MossException("\"" + path + "\": name or link text is not valid UTF-8 and cannot be stored");
        }
        int bytes = text.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_STRING_BYTES) {
            throw new MossException("\"" + path + "\": path or link text of " + bytes
                    + " bytes exceeds the stone limit of " + MAX_STRING_BYTES);
        }
    }
}
