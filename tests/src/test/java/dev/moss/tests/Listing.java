package dev.moss.tests;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * A directory tree as data, for exact comparisons: every path (relative, {@code /}-separated,
 * without following symlinks) with its type, permission bits, size, the SHA-256 of a regular
 * file's bytes and a symlink's text. Owners and times are left out: they differ between root and
 * unprivileged runs, and moss does not promise times.
 */
public final class Listing {
    /**
     * One path.
     *
     * @param type {@code d} directory, {@code f} regular file, {@code l} symlink, {@code o} other
     * @param mode permission bits (07777); 0 for symlinks, whose mode means nothing on Linux
     * @param size bytes of a regular file, else 0
     * @param sha256 hex digest of a regular file's bytes, else empty
     * @param link a symlink's text, else empty
     */
    public record Node(char type, int mode, long size, String sha256, String link) {
        static Node dir(int mode) {
            return new Node('d', mode, 0, "", "");
        }

        @Override
        public String toString() {
            return switch (type) {
                case 'f' -> String.format("file %04o %d %s", mode, size, sha256.substring(0, 12));
                case 'l' -> "link -> " + link;
                case 'd' -> String.format("dir %04o", mode);
                default -> String.format("other %04o", mode);
            };
        }
    }

    private Listing() {}

    /**
     * Every path below {@code dir} ({@code dir} itself is left out; if it is a symlink, the
     * directory it points to is listed). A missing dir lists empty.
     */
    public static SortedMap<String, Node> of(Path dir) throws IOException {
        return of(dir, p -> true);
    }

    /** Like {@link #of(Path)}, leaving out (with everything below) the paths {@code keep} rejects. */
    public static SortedMap<String, Node> of(Path start, Predicate<String> keep) throws IOException {
        SortedMap<String, Node> out = new TreeMap<>();
        if (!Files.exists(start, LinkOption.NOFOLLOW_LINKS)) {
            return out;
        }
        Path dir = Files.isSymbolicLink(start) ? start.toRealPath() : start; // ROOT/usr: list its tree
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) throws IOException {
                if (d.equals(dir)) {
                    return FileVisitResult.CONTINUE;
                }
                String rel = rel(dir, d);
                if (!keep.test(rel)) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                out.put(rel, node(d));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) throws IOException {
                String rel = rel(dir, f);
                if (keep.test(rel)) {
                    out.put(rel, node(f));
                }
                return FileVisitResult.CONTINUE;
            }
        });
        return out;
    }

    /** The node of one path (not following a final symlink). */
    public static Node node(Path p) throws IOException {
        int mode = (Integer) Files.getAttribute(p, "unix:mode", LinkOption.NOFOLLOW_LINKS);
        int perms = mode & 07777;
        return switch (mode & 0170000) {
            case 0040000 -> Node.dir(perms);
            case 0100000 -> new Node('f', perms, Files.size(p), sha256(p), "");
            case 0120000 -> new Node('l', 0, 0, "", Files.readSymbolicLink(p).toString());
            default -> new Node('o', perms, 0, "", "");
        };
    }

    static String rel(Path base, Path p) {
        return base.relativize(p).toString();
    }

    public static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
            return sha256(in);
        }
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sha256(InputStream in) throws IOException {
        MessageDigest md;
        try {
            md = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        byte[] buf = new byte[1 << 16];
        for (int n; (n = in.read(buf)) > 0; ) {
            md.update(buf, 0, n);
        }
        return HexFormat.of().formatHex(md.digest());
    }

    /** Readable one-line-per-path text of a listing, for assertion messages. */
    public static String text(Map<String, Node> listing) {
        StringBuilder sb = new StringBuilder();
        listing.forEach((k, v) -> sb.append(k).append("  ").append(v).append('\n'));
        return sb.toString();
    }
}
