package dev.moss.tests;

import dev.moss.store.pack.Pack;
import dev.moss.store.pack.PackRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;

/**
 * Builds real stones with the real packer ({@link Pack}, what {@code moss pack} runs) from a map
 * of paths under {@code /usr} to file contents, modes and symlinks. The staged tree is kept, so a
 * test knows exactly what an installed tree must contain.
 *
 * <pre>
 * TestStone s = TestStones.named("hello").file("bin/hello", "#!/bin/sh\n", 0755)
 *         .link("bin/hi", "hello").build(dir);
 * </pre>
 */
public final class TestStones {
    /** What a path holds. */
    public sealed interface Entry {}

    public record File(byte[] content, int mode) implements Entry {}

    public record Link(String text) implements Entry {}

    public record Dir(int mode) implements Entry {}

    /**
     * A stone that was built, with the tree it was packed from.
     *
     * @param file the {@code .stone}
     * @param usr the staged {@code usr} it was packed from
     */
    public record TestStone(String name, Path file, Path usr) {
        /** What the package puts under /usr: the packed tree as a {@link Listing}. */
        public SortedMap<String, Listing.Node> listing() throws IOException {
            return Listing.of(usr);
        }

        public String path() {
            return file.toString();
        }
    }

    private final String name;
    private String version = "1.0";
    private long release = 1;
    private final List<String> depends = new ArrayList<>();
    private final Map<String, Entry> entries = new LinkedHashMap<>();

    private TestStones(String name) {
        this.name = name;
    }

    public static TestStones named(String name) {
        return new TestStones(name);
    }

    public TestStones version(String v) {
        version = v;
        return this;
    }

    public TestStones release(long r) {
        release = r;
        return this;
    }

    public TestStones depends(String p) {
        depends.add(p);
        return this;
    }

    public TestStones file(String path, String content) {
        return file(path, content, 0644);
    }

    public TestStones file(String path, String content, int mode) {
        return file(path, content.getBytes(StandardCharsets.UTF_8), mode);
    }

    public TestStones file(String path, byte[] content, int mode) {
        entries.put(path, new File(content, mode));
        return this;
    }

    public TestStones link(String path, String text) {
        entries.put(path, new Link(text));
        return this;
    }

    public TestStones dir(String path, int mode) {
        entries.put(path, new Dir(mode));
        return this;
    }

    /** {@code count} small distinct files {@code share/<name>/f<i>} (plus what was added before). */
    public TestStones files(int count) {
        for (int i = 0; i < count; i++) {
            file("share/" + name + "/f" + i, name + " file " + i + "\n" + "x".repeat(i * 7));
        }
        return this;
    }

    /**
     * Stages the entries under {@code dir/stage-<name>-<release>/usr} and packs them into
     * {@code dir}. Directories get mode 0755 unless given; modes are set exactly (no umask).
     */
    public TestStone build(Path dir) throws IOException {
        Path stage = dir.resolve("stage-" + name + "-" + version + "-" + release);
        Path usr = stage.resolve("usr");
        Files.createDirectories(usr);
        chmod(usr, 0755);
        List<Map.Entry<String, Entry>> dirsLast = new ArrayList<>();
        for (Map.Entry<String, Entry> e : entries.entrySet()) {
            Path p = usr.resolve(e.getKey());
            mkdirs(usr, p.getParent());
            switch (e.getValue()) {
                case File f -> {
                    Files.write(p, f.content());
                    chmod(p, f.mode());
                }
                case Link l -> Files.createSymbolicLink(p, Path.of(l.text()));
                case Dir d -> {
                    mkdirs(usr, p);
                    dirsLast.add(e);
                }
            }
        }
        for (Map.Entry<String, Entry> e : dirsLast) {
            chmod(usr.resolve(e.getKey()), ((Dir) e.getValue()).mode()); // after their content was written
        }
        PackRequest request = PackRequest.builder(stage, name, version, release).outputDir(dir)
                .summary("test package " + name).depends(depends).level(1).workers(1).build();
        return new TestStone(name, Pack.run(request).file(), usr);
    }

    private static void mkdirs(Path usr, Path d) throws IOException {
        if (Files.isDirectory(d)) {
            return;
        }
        mkdirs(usr, d.getParent());
        Files.createDirectory(d);
        chmod(d, 0755);
    }

    static void chmod(Path p, int mode) throws IOException {
        if ((mode & ~0777) != 0) {
            Files.setAttribute(p, "unix:mode", mode); // setuid/setgid/sticky: beyond PosixFilePermission
            return;
        }
        Set<PosixFilePermission> perms = PosixFilePermissions.fromString(rwx(mode));
        Files.setPosixFilePermissions(p, perms);
    }

    private static String rwx(int mode) {
        String s = "rwxrwxrwx";
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 9; i++) {
            sb.append((mode & (0400 >> i)) != 0 ? s.charAt(i) : '-');
        }
        return sb.toString();
    }
}
