package dev.moss.store.installation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.OptionalLong;

/**
 * Where everything of one installation root lives (DESIGN.md "On-disk layout"):
 * <pre>
 * ROOT/usr -> .moss/root/&lt;id&gt;/usr     the live tree, a relative symlink
 * ROOT/.moss/lock                      writer lock
 * ROOT/.moss/db/{install,layout,state} SQLite
 * ROOT/.moss/assets/v2/...             content store
 * ROOT/.moss/cache/downloads/v1/...    downloaded stones
 * ROOT/.moss/repo/&lt;id&gt;/...            repository indexes
 * ROOT/.moss/root/&lt;id&gt;/usr            state trees; staging-* while being built
 * </pre>
 */
public final class Installation {
    private final Path root;
    private final boolean writable;

    private Installation(Path root, boolean writable) {
        this.root = root;
        this.writable = writable;
    }

    /**
     * Opens {@code root} (which must exist). When the caller can write there, the {@code .moss}
     * skeleton is created; otherwise the installation is read-only and nothing is created.
     */
    public static Installation open(Path root) throws IOException {
        Path abs = root.toAbsolutePath().normalize();
        if (!Files.exists(abs)) {
            throw new NoSuchFileException(abs.toString(), null, "installation root does not exist");
        }
        if (!Files.isDirectory(abs)) {
            throw new NotDirectoryException(abs + ": installation root is not a directory");
        }
        Path moss = abs.resolve(".moss");
        boolean writable = Files.isDirectory(moss) ? Files.isWritable(moss) : Files.isWritable(abs);
        Installation inst = new Installation(abs, writable);
        if (writable) {
            inst.createSkeleton();
        }
        return inst;
    }

    private void createSkeleton() throws IOException {
        for (Path p : new Path[] {dbDir(), assetsDir(), downloadsDir(), repoDir(), treesDir()}) {
            Files.createDirectories(p);
        }
        Path tag = cacheDir().resolve("CACHEDIR.TAG");
        if (!Files.exists(tag)) {
            Files.writeString(tag, "Signature: 8a477f597d28d172789f06886806bc55\n"
                    + "# This file is a cache directory tag created by moss.\n");
        }
    }

    public Path root() {
        return root;
    }

    public boolean writable() {
        return writable;
    }

    public Path mossDir() {
        return root.resolve(".moss");
    }

    public Path lockFile() {
        return mossDir().resolve("lock");
    }

    public Path dbDir() {
        return mossDir().resolve("db");
    }

    public Path installDb() {
        return dbDir().resolve("install");
    }

    public Path layoutDb() {
        return dbDir().resolve("layout");
    }

    public Path stateDb() {
        return dbDir().resolve("state");
    }

    public Path assetsDir() {
        return mossDir().resolve("assets").resolve("v2");
    }

    public Path cacheDir() {
        return mossDir().resolve("cache");
    }

    public Path downloadsDir() {
        return cacheDir().resolve("downloads").resolve("v1");
    }

    public Path repoDir() {
        return mossDir().resolve("repo");
    }

    /** {@code .moss/root}: state trees and staging trees. */
    public Path treesDir() {
        return mossDir().resolve("root");
    }

    /** {@code .moss/root/<id>}, which holds the state's {@code usr}. */
    public Path stateDir(long stateId) {
        return treesDir().resolve(Long.toString(stateId));
    }

    /** The live {@code ROOT/usr}. */
    public Path usr() {
        return root.resolve("usr");
    }

    /** The link text {@code ROOT/usr} has when state {@code id} is active. */
    public static String usrLinkText(long stateId) {
        return ".moss/root/" + stateId + "/usr";
    }

    /**
     * The active state: the id in {@code usr/.stateID}, else (as upstream reads the legacy
     * layout) the {@code <id>} of a {@code usr -> .moss/root/<id>/usr} link. Empty if none.
     */
    public OptionalLong activeStateId() {
        OptionalLong id = stateIdIn(usr());
        return id.isPresent() ? id : linkedStateId();
    }

    /** The id in {@code usr/.stateID} (decimal text, as moss and upstream write it), if readable. */
    public static OptionalLong stateIdIn(Path usr) {
        try {
            return OptionalLong.of(Long.parseLong(Files.readString(usr.resolve(".stateID")).trim()));
        } catch (IOException | NumberFormatException | SecurityException e) {
            return OptionalLong.empty();
        }
    }

    /** The state {@code ROOT/usr} links to, if it is a {@code .moss/root/<id>/usr} symlink. */
    public OptionalLong linkedStateId() {
        Path usr = usr();
        if (!Files.isSymbolicLink(usr)) {
            return OptionalLong.empty();
        }
        try {
            Path target = Files.readSymbolicLink(usr);
            if (target.getNameCount() >= 2 && target.getFileName().toString().equals("usr")) {
                return OptionalLong.of(Long.parseLong(target.getName(target.getNameCount() - 2).toString()));
            }
        } catch (IOException | NumberFormatException e) {
            return OptionalLong.empty();
        }
        return OptionalLong.empty();
    }

    /**
     * Whether {@code ROOT/usr} is a real directory: upstream's layout, where the active state's tree
     * is {@code ROOT/usr} itself (the first switch moves it to {@code .moss/root/<id>/usr}).
     */
    public boolean usrIsRealDirectory() {
        return Files.isDirectory(usr(), LinkOption.NOFOLLOW_LINKS);
    }

    @Override
    public String toString() {
        return root.toString();
    }
}
