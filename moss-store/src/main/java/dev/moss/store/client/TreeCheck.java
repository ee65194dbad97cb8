package dev.moss.store.client;

import dev.moss.db.state.StateId;
import dev.moss.format.digest.Digest128;
import dev.moss.format.record.EntryType;
import dev.moss.store.blit.TreeNode;
import dev.moss.store.blit.VfsTree;
import dev.moss.store.fs.FileStat;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.RecursiveAction;

/**
 * The tree pass of {@code state verify} for one state: every path of the state's {@link VfsTree}
 * must be on disk with the layout's type (lstat, never following a link), its exact permission
 * bits (setuid, setgid and sticky included), its owner when running as root, its link text, and
 * for regular files its content. A file that is a hardlink of an inode the scan already hashed is
 * not read again. Files in the tree that no layout names are not looked for.
 *
 * <p>Below a missing directory, or a path of the wrong type, nothing more is reported: one issue
 * per broken subtree, not one per file in it.
 */
final class TreeCheck {
    /** Leaves per task: big directories are checked in parallel slices. */
    private static final int CHUNK = 256;

    private final VerifyScan scan;
    private final StateId state;
    private final boolean root;

    /**
     * @param root whether moss runs as root: only then do blits set owners and create device
     *     nodes, so only then are owners compared and devices looked for
     */
    TreeCheck(VerifyScan scan, StateId state, boolean root) {
        this.scan = scan;
        this.state = state;
        this.root = root;
    }

    /** Checks the tree at {@code usr} against {@code tree}. */
    void run(VfsTree tree, Path usr, ClientListener listener) throws IOException {
        ContentHasher.Lstat st = lstat(usr);
        if (st == null || st.type() != FileStat.S_IFDIR) {
            scan.treeIssue(VerifyIssue.Kind.MISSING_TREE, state, usr, "/usr", Optional.empty(), "a directory",
                    st == null ? "" : "a " + typeName(st.type()));
            return;
        }
        checkStateId(usr);
        checkAttributes(tree.root(), usr, "/usr", st);
        scan.entries.increment();
        long before = scan.entries.sum();
        scan.run(new DirTask(tree.root(), usr, "/usr"), () -> scan.entries.sum() - before, tree.size(), listener);
    }

    private void checkStateId(Path usr) throws IOException {
        Path file = usr.resolve(".stateID");
        ContentHasher.Lstat st = lstat(file);
        String found = "";
        if (st != null && st.isRegular() && st.size() < 64) {
            found = Files.readString(file, StandardCharsets.US_ASCII);
        } else if (st != null) {
            found = "a " + typeName(st.type());
        }
        if (!found.equals(state.toString())) {
            scan.treeIssue(VerifyIssue.Kind.BAD_STATE_ID, state, file, "/usr/.stateID", Optional.empty(),
                    state.toString(), found);
        }
    }

    /** Checks the children of one directory, forking a task per subdirectory and per slice of leaves. */
    private final class DirTask extends RecursiveAction {
        private final TreeNode.Dir dir;
        private final Path path;
        private final String entry;

        DirTask(TreeNode.Dir dir, Path path, String entry) {
            this.dir = dir;
            this.path = path;
            this.entry = entry;
        }

        @Override
        protected void compute() {
            List<RecursiveAction> forks = new ArrayList<>();
            List<TreeNode> leaves = new ArrayList<>();
            try {
                for (TreeNode child : dir.children()) {
                    if (child instanceof TreeNode.Dir d) {
                        String name = d.name();
                        Path p = path.resolve(name);
                        String e = entry + "/" + name;
                        if (check(d, p, e)) {
                            forks.add(new DirTask(d, p, e));
                        }
                    } else {
                        leaves.add(child);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            for (int i = 0; i < leaves.size(); i += CHUNK) {
                forks.add(new Leaves(leaves.subList(i, Math.min(leaves.size(), i + CHUNK)), path, entry));
            }
            invokeAll(forks);
        }
    }

    private final class Leaves extends RecursiveAction {
        private final List<TreeNode> nodes;
        private final Path dir;
        private final String entry;

        Leaves(List<TreeNode> nodes, Path dir, String entry) {
            this.nodes = nodes;
            this.dir = dir;
            this.entry = entry;
        }

        @Override
        protected void compute() {
            try {
                for (TreeNode n : nodes) {
                    String name = n.name();
                    check(n, dir.resolve(name), entry + "/" + name);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Checks one node; returns whether it is a directory whose children can be checked. */
    private boolean check(TreeNode node, Path path, String entry) throws IOException {
        scan.entries.increment();
        int wantType = typeBits(node);
        if (wantType == 0) {
            return false; // never blitted: unknown types, and device nodes without root
        }
        ContentHasher.Lstat st = lstat(path);
        if (st == null) {
            scan.treeIssue(VerifyIssue.Kind.MISSING_PATH, state, path, entry, digestOf(node), typeName(wantType), "");
            return false;
        }
        if (st.type() != wantType) {
            scan.treeIssue(VerifyIssue.Kind.WRONG_TYPE, state, path, entry, digestOf(node), typeName(wantType),
                    typeName(st.type()));
            return false;
        }
        checkAttributes(node, path, entry, st);
        switch (node) {
            case TreeNode.Link l -> {
                String text = Files.readSymbolicLink(path).toString();
                if (!text.equals(l.text())) {
                    scan.treeIssue(VerifyIssue.Kind.WRONG_LINK, state, path, entry, Optional.empty(), l.text(), text);
                }
            }
            case TreeNode.File f -> {
                Digest128 actual = scan.content(path, st);
                if (!actual.equals(f.digest())) {
                    scan.treeIssue(VerifyIssue.Kind.CORRUPT_PATH, state, path, entry, Optional.of(f.digest()),
                            f.digest().toHex(), actual.toHex());
                }
            }
            case TreeNode.Dir d -> {
                return true;
            }
            case TreeNode.Special s -> {
                // the format stores no device numbers: type and mode are all there is to compare
            }
        }
        return false;
    }

    /** Mode (not for symlinks, which have none on Linux) and, as root, owner. */
    private void checkAttributes(TreeNode node, Path path, String entry, ContentHasher.Lstat st) {
        if (!(node instanceof TreeNode.Link) && st.permissions() != node.permissions()) {
            scan.treeIssue(VerifyIssue.Kind.WRONG_MODE, state, path, entry, Optional.empty(),
                    mode(node.permissions()), mode(st.permissions()));
        }
        if (root && (st.uid() != node.uid() || st.gid() != node.gid())) {
            scan.treeIssue(VerifyIssue.Kind.WRONG_OWNER, state, path, entry, Optional.empty(),
                    node.uid() + ":" + node.gid(), st.uid() + ":" + st.gid());
        }
    }

    /** The {@code S_IFMT} bits the blit gives {@code node}, or 0 if it never blits it. */
    private int typeBits(TreeNode node) {
        return switch (node) {
            case TreeNode.Dir d -> FileStat.S_IFDIR;
            case TreeNode.File f -> FileStat.S_IFREG;
            case TreeNode.Link l -> FileStat.S_IFLNK;
            case TreeNode.Special s -> {
                boolean device = s.type() == EntryType.CHARACTER_DEVICE || s.type() == EntryType.BLOCK_DEVICE;
                yield s.type() == EntryType.UNKNOWN || (device && !root) ? 0 : s.type().modeTypeBits();
            }
        };
    }

    private static Optional<Digest128> digestOf(TreeNode node) {
        return node instanceof TreeNode.File f ? Optional.of(f.digest()) : Optional.empty();
    }

    private static ContentHasher.Lstat lstat(Path path) throws IOException {
        try {
            return ContentHasher.Lstat.of(path);
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    static String mode(int permissions) {
        return String.format("%04o", permissions);
    }

    static String typeName(int typeBits) {
        return switch (typeBits) {
            case FileStat.S_IFREG -> "regular file";
            case FileStat.S_IFDIR -> "directory";
            case FileStat.S_IFLNK -> "symlink";
            case FileStat.S_IFCHR -> "character device";
            case FileStat.S_IFBLK -> "block device";
            case FileStat.S_IFIFO -> "fifo";
            case FileStat.S_IFSOCK -> "socket";
            default -> String.format("file of type %06o", typeBits);
        };
    }
}
