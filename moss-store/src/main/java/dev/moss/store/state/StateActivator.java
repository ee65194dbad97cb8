package dev.moss.store.state;

import dev.moss.store.MossException;
import dev.moss.store.fs.Durability;
import dev.moss.store.fs.FileStat;
import dev.moss.store.fs.LinuxNativeFs;
import dev.moss.store.fs.TreeDeleter;
import dev.moss.store.installation.Installation;
import java.io.IOException;
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
 *
 * <p>A root made by upstream moss has the active state's tree as a real {@code ROOT/usr}
 * directory (its {@code usr/.stateID} names the state). The first switch there trades the new
 * link and that directory in one {@code renameat2(RENAME_EXCHANGE)}, so {@code ROOT/usr} is never
 * missing, then moves the old tree, now at {@code ROOT/usr.next}, to
 * {@code .moss/root/<id>/usr} where every other state lives. A crash between the two steps leaves
 * it at {@code usr.next}, where recovery finishes the move ({@link #archiveReplacedTree}).
 */
public final class StateActivator {
    /** Outcome of an activation. */
    public enum Result { ACTIVATED, ALREADY_ACTIVE }

    /** Root compatibility links, created once. */
    static final List<String[]> ROOT_LINKS = List.of(
            new String[] {"bin", "usr/bin"}, new String[] {"sbin", "usr/sbin"}, new String[] {"lib", "usr/lib"},
            new String[] {"lib64", "usr/lib"}, new String[] {"lib32", "usr/lib32"});

    private StateActivator() {}

    /**
     * Refuses, before a transaction changes anything, a {@code ROOT/usr} that a switch must not
     * replace: anything but a symlink or a recorded state's tree (upstream's layout) on the same
     * file system as {@code .moss/root}.
     *
     * @param activeRecorded whether the state database records the active state
     */
    public static void checkSwitchable(Installation inst, boolean activeRecorded) throws IOException {
        Path usr = inst.usr();
        if (!Files.exists(usr, LinkOption.NOFOLLOW_LINKS) || Files.isSymbolicLink(usr)) {
            return;
        }
        if (!inst.usrIsRealDirectory()) {
            throw new MossException(usr + ": is neither a directory nor a symlink; moss will not replace it");
        }
        OptionalLong id = Installation.stateIdIn(usr);
        if (id.isEmpty()) {
            throw notAState(usr);
        }
        if (!activeRecorded) {
            throw new MossException(usr + ": is the tree of state " + id.getAsLong()
                    + ", which the state database does not record; moss will not replace it");
        }
        Path home = Files.isDirectory(inst.treesDir()) ? inst.treesDir() : inst.mossDir();
        Object usrDevice = Files.getAttribute(usr, "unix:dev", LinkOption.NOFOLLOW_LINKS);
        if (!usrDevice.equals(Files.getAttribute(home, "unix:dev", LinkOption.NOFOLLOW_LINKS))) {
            throw new MossException(usr + ": is on another file system than " + home
                    + ", so moss cannot keep it as state " + id.getAsLong() + "'s tree; moss will not replace it");
        }
    }

    private static MossException notAState(Path usr) {
        return new MossException(usr + ": is a directory without a usr/.stateID naming a moss state; moss will not replace it");
    }

    public static Result activate(Installation inst, long stateId) throws IOException {
        Path tree = inst.stateDir(stateId).resolve("usr");
        if (!Files.isDirectory(tree, LinkOption.NOFOLLOW_LINKS)) {
            throw new NoSuchFileException(tree.toString(), null, "state " + stateId + " has no tree on disk");
        }
        boolean realDirectory = inst.usrIsRealDirectory();
        OptionalLong active = realDirectory ? inst.activeStateId() : inst.linkedStateId();
        if (active.isPresent() && active.getAsLong() == stateId) {
            return Result.ALREADY_ACTIVE;
        }
        if (realDirectory) {
            if (active.isEmpty()) { // callers check first (checkSwitchable); this keeps a stranger's /usr safe regardless
                throw notAState(inst.usr());
            }
            exchangeLink(inst.root(), "usr", Installation.usrLinkText(stateId));
            CrashPoint.reached("after-switch");
            archiveReplacedTree(inst);
        } else {
            switchLink(inst.root(), "usr", Installation.usrLinkText(stateId));
            CrashPoint.reached("after-switch");
        }
        createRootLinks(inst.root());
        return Result.ACTIVATED;
    }

    /** Points {@code dir/name} at {@code text} with one rename, then makes it durable. */
    static void switchLink(Path dir, String name, String text) throws IOException {
        Path next = newLink(dir, name, text);
        try {
            CrashPoint.reached("before-switch");
            Files.move(next, dir.resolve(name), StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            discard(next, e);
            throw e;
        }
        Durability.syncDirectory(dir);
    }

    /** Puts a link to {@code text} at {@code dir/name} and whatever was there at {@code dir/name.next}, in one step. */
    private static void exchangeLink(Path dir, String name, String text) throws IOException {
        Path next = newLink(dir, name, text);
        try {
            CrashPoint.reached("before-switch");
            LinuxNativeFs.exchange(next, dir.resolve(name));
        } catch (IOException | RuntimeException e) {
            discard(next, e); // the exchange did not happen: next is still the new link
            throw e;
        }
        Durability.syncDirectory(dir);
    }

    private static Path newLink(Path dir, String name, String text) throws IOException {
        Path next = dir.resolve(name + ".next");
        Files.deleteIfExists(next);
        Files.createSymbolicLink(next, Path.of(text));
        return next;
    }

    /** A failed switch leaves no {@code .next} link behind (recovery would remove it, but need not). */
    private static void discard(Path next, Throwable failure) {
        try {
            Files.deleteIfExists(next);
        } catch (IOException | RuntimeException x) {
            failure.addSuppressed(x);
        }
    }

    /**
     * Moves the tree an exchange put at {@code ROOT/usr.next} to {@code .moss/root/<id>/usr}, the id
     * being its {@code .stateID}. A tree already there is a stale copy (the one that was live is
     * that state's truth) and is deleted first.
     *
     * @return the state whose tree was moved; empty if {@code usr.next} is not such a directory
     */
    public static OptionalLong archiveReplacedTree(Installation inst) throws IOException {
        Path replaced = inst.root().resolve("usr.next");
        OptionalLong id = Files.isDirectory(replaced, LinkOption.NOFOLLOW_LINKS)
                ? Installation.stateIdIn(replaced) : OptionalLong.empty();
        if (id.isEmpty() || id.equals(inst.linkedStateId())) {
            return OptionalLong.empty(); // not ours to move: no state, or a copy of the live one
        }
        Path stateDir = inst.stateDir(id.getAsLong());
        Path target = stateDir.resolve("usr");
        TreeDeleter.delete(target);
        if (!Files.isDirectory(stateDir, LinkOption.NOFOLLOW_LINKS)) {
            Files.createDirectories(stateDir);
            FileStat.chmod(stateDir, 0755);
        }
        Files.move(replaced, target, StandardCopyOption.ATOMIC_MOVE);
        Durability.syncDirectory(stateDir);
        Durability.syncDirectory(inst.treesDir());
        Durability.syncDirectory(inst.root());
        return id;
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
