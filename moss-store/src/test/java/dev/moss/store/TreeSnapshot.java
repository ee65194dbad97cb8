package dev.moss.store;

import dev.moss.store.fs.FileStat;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Everything a tree comparison cares about, per relative path: type and mode (lstat), owner,
 * symlink text and the SHA-256 of regular files. Two trees are identical when their snapshots are equal.
 */
public final class TreeSnapshot {
    /** One path's facts; {@code content} is a SHA-256 for files, the link text for symlinks, else empty. */
    public record Node(int mode, int uid, int gid, String content) {
        @Override
        public String toString() {
            return String.format("%07o %d:%d %s", mode, uid, gid, content);
        }
    }

    private TreeSnapshot() {}

    /** Snapshot of everything below {@code root} (not {@code root} itself). */
    public static Map<String, Node> of(Path root) throws IOException {
        Map<String, Node> out = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                if (p.equals(root)) {
                    continue;
                }
                FileStat st = FileStat.of(p);
                String content = "";
                if (st.isRegular()) {
                    content = sha256(p);
                } else if (st.isSymlink()) {
                    content = "-> " + Files.readSymbolicLink(p);
                }
                out.put(root.relativize(p).toString(), new Node(st.mode(), st.uid(), st.gid(), content));
            }
        }
        return out;
    }

    private static String sha256(Path p) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
