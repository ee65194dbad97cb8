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
        /** The hash of each slot's name, so probes and growth never hash a name twice. */
        private int[] hashes = new int[4];

        Dir(byte[] name, String packageId, int mode, int uid, int gid, boolean explicit) {
            super(name, packageId, mode, uid, gid);
            this.explicit = explicit;
        }

        @Override
        EntryType type() {
            return EntryType.DIRECTORY;
        }

        /** The child named by {@code path[from, to)}, whose {@link #hash} is {@code hash}; or null. */
        TreeNode child(byte[] path, int from, int to, int hash) {
            int mask = slots.length - 1;
            for (int i = hash & mask; ; i = (i + 1) & mask) {
                TreeNode n = slots[i];
                if (n == null || (hashes[i] == hash && Arrays.equals(n.name, 0, n.name.length, path, from, to))) {
                    return n;
                }
            }
        }

        /** Adds a child whose name (of {@link #hash} {@code hash}) is not taken: the caller looked. */
        void add(TreeNode child, int hash) {
            children.add(child);
            if (children.size() * 2 > slots.length) {
                TreeNode[] oldSlots = slots;
                int[] oldHashes = hashes;
                slots = new TreeNode[oldSlots.length * 2];
                hashes = new int[oldSlots.length * 2];
                for (int i = 0; i < oldSlots.length; i++) {
                    if (oldSlots[i] != null) {
                        place(oldSlots[i], oldHashes[i]);
                    }
                }
            }
            place(child, hash);
        }

        private void place(TreeNode n, int hash) {
            int mask = slots.length - 1;
            int i = hash & mask;
            while (slots[i] != null) {
                i = (i + 1) & mask;
            }
            slots[i] = n;
            hashes[i] = hash;
        }

        /** The hash a name in {@code b[from, to)} is filed under. */
        static int hash(byte[] b, int from, int to) {
            int h = 1;
            for (int i = from; i < to; i++) {
                h = 31 * h + b[i];
            }
            return h ^ (h >>> 16);
        }

        /** The tree is complete: the lookup table is not needed any more. */
        void sealed() {
            slots = null;
            hashes = null;
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
