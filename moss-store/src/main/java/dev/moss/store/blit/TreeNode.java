package dev.moss.store.blit;

import dev.moss.format.digest.Digest128;
import dev.moss.format.record.EntryType;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
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

    TreeNode(String name, String packageId, int mode, int uid, int gid) {
        this.name = name.getBytes(StandardCharsets.UTF_8);
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
        /** Children by name while the tree is being built; dropped afterwards. */
        HashMap<String, TreeNode> byName = new HashMap<>();

        Dir(String name, String packageId, int mode, int uid, int gid, boolean explicit) {
            super(name, packageId, mode, uid, gid);
            this.explicit = explicit;
        }

        @Override
        EntryType type() {
            return EntryType.DIRECTORY;
        }

        TreeNode child(String name) {
            return byName.get(name);
        }

        void add(String name, TreeNode child) {
            byName.put(name, child);
            children.add(child);
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

        File(String name, String packageId, int mode, int uid, int gid, Digest128 digest) {
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

        Link(String name, String packageId, int mode, int uid, int gid, String text) {
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

        Special(String name, String packageId, int mode, int uid, int gid, EntryType type) {
            super(name, packageId, mode, uid, gid);
            this.type = type;
        }

        @Override
        public EntryType type() {
            return type;
        }
    }
}
