package dev.moss.store.state;

import dev.moss.store.fs.Durability;
import dev.moss.store.installation.Installation;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.OptionalLong;

/**
 * Makes a state's tree the live {@code /usr}: a symlink {@code ROOT/usr.next} is created and
 * renamed over {@code ROOT/usr}, which replaces the old link atomically, then the root directory
 * is fsynced. Trees never move, so activating any state on disk is O(1).
 */
public final class StateActivator {
    /** Outcome of an activation. */
    public enum Result { ACTIVATED, ALREADY_ACTIVE }

    /** Root compatibility links, created once. */
    static final List<String[]> ROOT_LINKS = List.of(
            new String[] {"bin", "usr/bin"}, new String[] {"sbin", "usr/sbin"}, new String[] {"lib", "usr/lib"},
            new String[] {"lib64", "usr/lib"}, new String[] {"lib32", "usr/lib32"});

    private StateActivator() {}

    public static Result activate(Installation inst, long stateId) throws IOException {
        Path tree = inst.stateDir(stateId).resolve("usr");
        if (!Files.isDirectory(tree, LinkOption.NOFOLLOW_LINKS)) {
            throw new NoSuchFileException(tree.toString(), null, "state " + stateId + " has no tree on disk");
        }
        OptionalLong linked = inst.linkedStateId();
        if (linked.isPresent() && linked.getAsLong() == stateId) {
            return Result.ALREADY_ACTIVE;
        }
        Path usr = inst.usr();
        if (inst.usrIsRealDirectory()) {
            throw new FileAlreadyExistsException(usr.toString(), null,
                    "is a real directory; moss switches /usr as a symlink and will not replace a directory");
        }
        switchLink(inst.root(), "usr", Installation.usrLinkText(stateId));
        CrashPoint.reached("after-switch");
        createRootLinks(inst.root());
        return Result.ACTIVATED;
    }

    /** Points {@code dir/name} at {@code text} with one rename, then makes it durable. */
    static void switchLink(Path dir, String name, String text) throws IOException {
        Path next = dir.resolve(name + ".next");
        Files.deleteIfExists(next);
        Files.createSymbolicLink(next, Path.of(text));
        CrashPoint.reached("before-switch");
        Files.move(next, dir.resolve(name), StandardCopyOption.ATOMIC_MOVE);
        Durability.syncDirectory(dir);
    }

    /**
     * {@code bin sbin lib lib64 lib32} in ROOT, pointing into usr; existing entries are kept.
     *
     * @return the names of the links created
     */
    public static List<String> createRootLinks(Path root) throws IOException {
        List<String> created = new java.util.ArrayList<>();
        for (String[] link : ROOT_LINKS) {
            Path p = root.resolve(link[0]);
            if (Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
                continue;
            }
            switchLink(root, link[0], link[1]);
            created.add(link[0]);
        }
        return created;
    }
}
