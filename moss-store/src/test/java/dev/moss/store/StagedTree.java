package dev.moss.store;

import dev.moss.store.fs.FileStat;
import dev.moss.store.fs.Posix;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Builds staged roots for tests, in the spirit of JGit's {@code TestRepository}: every entry gets
 * its mode set explicitly, so the test's umask never matters.
 */
public final class StagedTree {
    private final Path root;

    public StagedTree(Path root) throws IOException {
        this.root = root;
        dir("usr", 0755);
    }

    public Path root() {
        return root;
    }

    public Path usr() {
        return root.resolve("usr");
    }

    /** A directory (and plain 0755 parents) relative to the root. */
    public StagedTree dir(String rel, int mode) throws IOException {
        Path p = root.resolve(rel);
        parents(p);
        if (!Files.isDirectory(p)) {
            Files.createDirectory(p);
        }
        FileStat.chmod(p, mode);
        return this;
    }

    public StagedTree file(String rel, String text, int mode) throws IOException {
        return file(rel, text.getBytes(StandardCharsets.UTF_8), mode);
    }

    public StagedTree file(String rel, byte[] bytes, int mode) throws IOException {
        Path p = root.resolve(rel);
        parents(p);
        Files.write(p, bytes);
        FileStat.chmod(p, mode);
        return this;
    }

    public StagedTree symlink(String rel, String text) throws IOException {
        Path p = root.resolve(rel);
        parents(p);
        Files.createSymbolicLink(p, Path.of(text));
        return this;
    }

    public StagedTree fifo(String rel, int mode) throws IOException {
        Path p = root.resolve(rel);
        parents(p);
        Posix.mkfifo(p, mode);
        FileStat.chmod(p, mode);
        return this;
    }

    private void parents(Path p) throws IOException {
        Path parent = p.getParent();
        if (!Files.isDirectory(parent)) {
            parents(parent);
            Files.createDirectory(parent);
            FileStat.chmod(parent, 0755);
        }
    }

    /**
     * A tree with every case the round trip must keep: nested files, an empty file, duplicate
     * contents under different modes, setuid and setgid files, a symlink to a directory and one
     * dangling, empty directories, a 0700 and a sticky 01777 directory, a fifo and a binary file.
     */
    public static StagedTree rich(Path root) throws IOException {
        StagedTree t = new StagedTree(root);
        byte[] binary = new byte[300_000];
        new java.util.Random(42).nextBytes(binary);
        t.file("usr/bin/hello", "#!/bin/sh\necho hello\n", 0755)
                .file("usr/bin/su-ish", "setuid program", 04755)
                .file("usr/bin/wall-ish", "setgid program", 02755)
                .symlink("usr/bin/hi", "hello")
                .file("usr/share/doc/hello/README", "same bytes", 0644)
                .file("usr/share/doc/hello/COPY", "same bytes", 0600)
                .file("usr/share/doc/hello/AGAIN", "same bytes", 0644)
                .file("usr/share/doc/hello/empty", new byte[0], 0644)
                .file("usr/lib/data.bin", binary, 0444)
                .symlink("usr/lib/docs", "../share/doc")
                .symlink("usr/lib/dangling", "/nonexistent/target")
                .dir("usr/share/empty", 0755)
                .dir("usr/share/empty-private", 0700)
                .dir("usr/var-ish/private", 0700)
                .file("usr/var-ish/private/secret", "s", 0600)
                .dir("usr/tmp-ish", 01777)
                .file("usr/tmp-ish/x", "x", 0644)
                .dir("usr/lib/pkgconfig", 0755)
                .file("usr/lib/pkgconfig/hello.pc", "Name: hello\n", 0644)
                .fifo("usr/share/hello.fifo", 0640);
        return t;
    }
}
