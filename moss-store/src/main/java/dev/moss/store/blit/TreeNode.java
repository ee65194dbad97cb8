package dev.moss.store.blit;

import dev.moss.format.digest.Digest128;
import dev.moss.format.record.EntryType;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A node of the tree a state is blitted from. Names are kept as UTF-8 bytes because that is what
 * the system calls take, and the blit makes one call per node.
 */
public abstract sealed class TreeNode permits TreeNode.Dir, TreeNode.File, TreeNode.Link, TreeNode.Special {
    final byte[] name;
    /**
     * Package that declared the node; for an implicit directory, the package whose entry first
     * needed it (named in conflict messages).
     */
    String packageId;
    int mode;
    int uid;
    int gid;

    TreeNode(byte[] name, String packageId, int mode, int uid, int gid) {
        this.name = name;
        this.packageId = packageId;
        this.mode = mode;
        this.uid = uid;
        this.gid = gid;
    }

    public String name() {
        return new String(name, StandardCharsets.UTF_8);
    }

    public String packageId() {
        return packageId;
    }

    /** Permission bits, setuid/setgid/sticky included. */
    public int permissions() {
        return mode & 07777;
    }

    public int uid() {
        return uid;
    }

    public int gid() {
        return gid;
    }

    /** The entry type, as layouts name it. */
    abstract EntryType type();

    public static final class Dir extends TreeNode {
        boolean explicit;
        final List<TreeNode> children = new ArrayList<>();
        /**
         * Children by name while the tree is being built, dropped afterwards: an open-addressing
         * table looked up with a slice of the path being walked, so no walk makes a string per
         * path component.
         */
        private TreeNode[] slots = new TreeNode[4];

        Dir(byte[] name, String packageId, int mode, int uid, int gid, boolean explicit) {
            super(name, packageId, mode, uid, gid);
            this.explicit = explicit;
        }

        @Override
        EntryType type() {
            return EntryType.DIRECTORY;
        }

        /** The child named by {@code path[from, to)}, or null. */
        TreeNode child(byte[] path, int from, int to) {
            int mask = slots.length - 1;
            for (int i = hash(path, from, to) & mask; ; i = (i + 1) & mask) {
                TreeNode n = slots[i];
                if (n == null || Arrays.equals(n.name, 0, n.name.length, path, from, to)) {
                    return n;
                }
            }
        }

        /** Adds a child whose name is not taken (the caller looked it up). */
        void add(TreeNode child) {
            children.add(child);
            if (children.size() * 2 > slots.length) {
                TreeNode[] old = slots;
                slots = new TreeNode[old.length * 2];
                for (TreeNode n : old) {
                    if (n != null) {
                        place(n);
                    }
                }
            }
            place(child);
        }

        private void place(TreeNode n) {
            int mask = slots.length - 1;
            int i = hash(n.name, 0, n.name.length) & mask;
            while (slots[i] != null) {
                i = (i + 1) & mask;
            }
            slots[i] = n;
        }

        private static int hash(byte[] b, int from, int to) {
            int h = 1;
            for (int i = from; i < to; i++) {
                h = 31 * h + b[i];
            }
            return h ^ (h >>> 16);
        }

        /** The tree is complete: the lookup table is not needed any more. */
        void sealed() {
            slots = null;
        }

        public List<TreeNode> children() {
            return children;
        }

        public boolean explicit() {
            return explicit;
        }
    }

    public static final class File extends TreeNode {
        final Digest128 digest;

        File(byte[] name, String packageId, int mode, int uid, int gid, Digest128 digest) {
            super(name, packageId, mode, uid, gid);
            this.digest = digest;
        }

        public Digest128 digest() {
            return digest;
        }

        @Override
        EntryType type() {
            return EntryType.REGULAR;
        }
    }

    public static final class Link extends TreeNode {
        final byte[] text;

        Link(byte[] name, String packageId, int mode, int uid, int gid, String text) {
            super(name, packageId, mode, uid, gid);
            this.text = text.getBytes(StandardCharsets.UTF_8);
        }

        public String text() {
            return new String(text, StandardCharsets.UTF_8);
        }

        @Override
        EntryType type() {
            return EntryType.SYMLINK;
        }
    }

    /** Device node, fifo or socket. */
    public static final class Special extends TreeNode {
        final EntryType type;

        Special(byte[] name, String packageId, int mode, int uid, int gid, EntryType type) {
            super(name, packageId, mode, uid, gid);
            this.type = type;
        }

        @Override
        public EntryType type() {
            return type;
        }
    }
}
