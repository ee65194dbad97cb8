package dev.moss.store.blit;

import dev.moss.format.record.EntryType;
import dev.moss.format.record.LayoutEntry;
import dev.moss.format.record.LayoutPaths;
import dev.moss.format.record.LayoutRecord;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The merged {@code /usr} tree of a set of packages, checked for conflicts before anything is
 * written. Rules:
 * <ul>
 *   <li>two packages may declare the same path only with identical entries (type, digest or link
 *       text, mode, owner); anything else is a conflict naming both packages;
 *   <li>a path below a symlink continues where the link points (so {@code lib64 -> lib} plus
 *       {@code lib64/x} gives {@code lib/x}); a path below a symlink that leaves {@code /usr} or
 *       loops is refused, and one below a link to a file clashes with that file;
 *   <li>parents not declared by any package are implicit directories, mode 0755, owner 0:0.
 * </ul>
 */
public final class VfsTree {
    private static final int MAX_LINK_HOPS = 40;

    private final TreeNode.Dir root;
    private final int entries;

    private VfsTree(TreeNode.Dir root, int entries) {
        this.root = root;
        this.entries = entries;
    }

    /** The {@code /usr} directory itself. */
    public TreeNode.Dir root() {
        return root;
    }

    /** Number of nodes below the root (files, links, specials and directories). */
    public int size() {
        return entries;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Collects layout records; {@link #build()} merges them into a tree of nodes, walking each
     * path one component at a time from {@code /usr} (a path below a symlink continues from the
     * link's target, as the kernel would), so no map of whole paths is ever built.
     */
    public static final class Builder {
        private record Pending(String packageId, LayoutRecord record) {}

        private final List<Pending> pending = new ArrayList<>();
        private final List<Pending> links = new ArrayList<>();
        /** The file in each tree that names its state: moss writes it, no package may. */
        private static final byte[] STATE_ID = ".stateID".getBytes(StandardCharsets.US_ASCII);
        private final List<FileConflictException.Conflict> conflicts = new ArrayList<>();
        private final List<TreeNode.Dir> dirs = new ArrayList<>();
        private int nodes;

        public Builder add(String packageId, LayoutRecord record) {
            (record.entry() instanceof LayoutEntry.Symlink ? links : pending).add(new Pending(packageId, record));
            return this;
        }

        /**
         * @throws FileConflictException two packages want different things at one path
         * @throws IllegalArgumentException a path could leave {@code /usr} (checked here, on the
         *     bytes the walk uses, rather than when added: layouts from the database were never
         *     checked by a stone reader)
         */
        public VfsTree build() throws FileConflictException {
            TreeNode.Dir root = new TreeNode.Dir("usr".getBytes(StandardCharsets.US_ASCII), "", 040755, 0, 0, false);
            dirs.add(root);
            // Symlinks first, shallowest first: every path through a link then resolves, whatever
            // order the packages came in (a link's own parents are never below a deeper link).
            links.sort(Comparator.comparingInt(p -> depth(p.record().entry().target())));
            for (Pending p : links) {
                insert(root, p);
            }
            for (Pending p : pending) {
                insert(root, p);
            }
            if (!conflicts.isEmpty()) {
                throw new FileConflictException(conflicts);
            }
            for (TreeNode.Dir d : dirs) {
                d.sealed(); // the lookup table is only needed while building
            }
            return new VfsTree(root, nodes);
        }

        private static int depth(String path) {
            int n = 0;
            for (int i = path.indexOf('/'); i >= 0; i = path.indexOf('/', i + 1)) {
                n++;
            }
            return n;
        }

        /*
         * The parent directory of the last path inserted. Layouts list the entries of one
         * directory together, so most paths start where the last one did and skip the walk.
         * Valid for the whole build: once the links are in, a path's parents always resolve to
         * the same directory node (nodes are never replaced, and directories stay directories).
         */
        private byte[] lastPath;
        private int lastSlash = -1;
        private TreeNode.Dir lastParent;
        /** Where {@link #walkToParent} left the path (rewritten below symlinks) and its last name. */
        private byte[] walkedPath;
        private int walkedStart;

        private void insert(TreeNode.Dir root, Pending p) {
            String original = p.record().entry().target();
            byte[] path = original.getBytes(StandardCharsets.UTF_8);
            int slash = lastIndexOf(path, path.length);
            boolean remembered = slash > 0 && slash == lastSlash && Arrays.equals(path, 0, slash, lastPath, 0, slash);
            // A remembered parent was checked with the path it came from: only the last name
            // needs a look (and when it fails, the whole path gives the message).
            String problem = remembered && slash + 1 < path.length && path.length <= LayoutPaths.MAX_PATH_BYTES
                    ? LayoutPaths.problem(path, slash + 1, path.length)
                    : LayoutPaths.problem(path, 0, path.length);
            if (problem != null) {
                throw new IllegalArgumentException("package " + p.packageId() + ": unsafe layout path \"" + original
                        + "\": " + LayoutPaths.problem(path, 0, path.length));
            }
            TreeNode.Dir dir;
            int start;
            if (slash < 0) {
                dir = root;
                start = 0;
            } else if (remembered) {
                dir = lastParent;
                start = slash + 1;
            } else {
                dir = walkToParent(root, path, original, p.packageId());
                if (dir == null) {
                    return;
                }
                lastPath = path;
                lastSlash = slash;
                lastParent = dir;
                path = walkedPath;
                start = walkedStart;
            }
            if (dir == root && Arrays.equals(path, start, path.length, STATE_ID, 0, STATE_ID.length)) {
                throw new IllegalArgumentException("package " + p.packageId() + ": ships /usr/.stateID, which only moss may write");
            }
            int hash = TreeNode.Dir.hash(path, start, path.length);
            TreeNode existing = dir.child(path, start, path.length, hash);
            TreeNode fresh = node(Arrays.copyOfRange(path, start, path.length), p);
            if (existing == null) {
                dir.add(fresh, hash);
                if (fresh instanceof TreeNode.Dir d) {
                    dirs.add(d);
                }
                nodes++;
            } else if (existing instanceof TreeNode.Dir d && !d.explicit && fresh instanceof TreeNode.Dir) {
                // made for a path below it; now declared: the declaration's mode and owner win
                d.explicit = true;
                d.packageId = p.packageId();
                d.mode = fresh.mode;
                d.uid = fresh.uid;
                d.gid = fresh.gid;
            } else if (!sameEntry(existing, fresh)) {
                conflicts.add(new FileConflictException.Conflict(utf8(path, path.length), existing.packageId,
                        p.packageId(), difference(existing, fresh)));
            }
        }

        /**
         * Walks {@code path} from {@code /usr} to the directory that is to hold its last component,
         * making implicit directories on the way; below a symlink the walk continues from where
         * it points, as the kernel would. Returns null after recording a conflict.
         */
        private TreeNode.Dir walkToParent(TreeNode.Dir root, byte[] path, String original, String packageId) {
            TreeNode.Dir dir = root;
            int start = 0;
            int hops = 0;
            for (int slash = indexOf(path, start); slash >= 0; slash = indexOf(path, start)) {
                int hash = TreeNode.Dir.hash(path, start, slash);
                TreeNode child = dir.child(path, start, slash, hash);
                if (child == null) {
                    TreeNode.Dir d = new TreeNode.Dir(Arrays.copyOfRange(path, start, slash), packageId, 040755, 0, 0, false);
                    dir.add(d, hash);
                    dirs.add(d);
                    nodes++;
                    dir = d;
                } else if (child instanceof TreeNode.Dir d) {
                    dir = d;
                } else if (child instanceof TreeNode.Link l) {
                    // Below a symlink: continue from where it points, from the top.
                    String target = ++hops > MAX_LINK_HOPS ? null : linkTarget(utf8(path, slash), l.text());
                    if (target == null) {
                        conflicts.add(new FileConflictException.Conflict(original, packageId, l.packageId,
                                "path lies below a symlink that leaves /usr or loops"));
                        return null;
                    }
                    String rest = new String(path, slash + 1, path.length - slash - 1, StandardCharsets.UTF_8);
                    path = (target.isEmpty() ? rest : target + "/" + rest).getBytes(StandardCharsets.UTF_8);
                    dir = root;
                    start = 0;
                    continue;
                } else {
                    conflicts.add(new FileConflictException.Conflict(utf8(path, slash), child.packageId, packageId,
                            "a " + child.type().dbName + " in one, a directory in the other"));
                    return null;
                }
                start = slash + 1;
            }
            walkedPath = path;
            walkedStart = start;
            return dir;
        }

        private static int indexOf(byte[] path, int from) {
            for (int i = from; i < path.length; i++) {
                if (path[i] == '/') {
                    return i;
                }
            }
            return -1;
        }

        private static int lastIndexOf(byte[] path, int before) {
            for (int i = before - 1; i >= 0; i--) {
                if (path[i] == '/') {
                    return i;
                }
            }
            return -1;
        }

        /** The first {@code length} bytes of a path, as text for messages and link resolution. */
        private static String utf8(byte[] path, int length) {
            return new String(path, 0, length, StandardCharsets.UTF_8);
        }

        /** Where a link at {@code link} (relative to /usr) points, relative to /usr; null if outside. */
        static String linkTarget(String link, String text) {
            List<String> parts = new ArrayList<>();
            if (text.startsWith("/")) {
                if (!(text.equals("/usr") || text.startsWith("/usr/"))) {
                    return null;
                }
                text = text.substring(Math.min(text.length(), 5));
            } else {
                int slash = link.lastIndexOf('/');
                if (slash > 0) {
                    parts.addAll(List.of(link.substring(0, slash).split("/")));
                }
            }
            for (String c : text.split("/")) {
                if (c.isEmpty() || c.equals(".")) {
                    continue;
                }
                if (c.equals("..")) {
                    if (parts.isEmpty()) {
                        return null;
                    }
                    parts.removeLast();
                } else {
                    parts.add(c);
                }
            }
            return String.join("/", parts);
        }

        private static TreeNode node(byte[] name, Pending p) {
            LayoutRecord r = p.record();
            return switch (r.entry()) {
                case LayoutEntry.Directory d -> new TreeNode.Dir(name, p.packageId(), r.mode(), r.uid(), r.gid(), true);
                case LayoutEntry.Regular reg -> new TreeNode.File(name, p.packageId(), r.mode(), r.uid(), r.gid(), reg.digest());
                case LayoutEntry.Symlink s -> new TreeNode.Link(name, p.packageId(), r.mode(), r.uid(), r.gid(), s.source());
                case LayoutEntry.Special s -> new TreeNode.Special(name, p.packageId(), r.mode(), r.uid(), r.gid(), s.type());
                case LayoutEntry.Unknown u -> new TreeNode.Special(name, p.packageId(), r.mode(), r.uid(), r.gid(), EntryType.UNKNOWN);
            };
        }

        /** Same type, content or link text, mode and owner: two packages may both ship it. */
        static boolean sameEntry(TreeNode a, TreeNode b) {
            return a.type() == b.type() && a.mode == b.mode && a.uid == b.uid && a.gid == b.gid && sameContent(a, b);
        }

        private static boolean sameContent(TreeNode a, TreeNode b) {
            return switch (a) {
                case TreeNode.File f -> f.digest.equals(((TreeNode.File) b).digest);
                case TreeNode.Link l -> Arrays.equals(l.text, ((TreeNode.Link) b).text);
                case TreeNode.Dir d -> true;
                case TreeNode.Special s -> true; // type compared already; no device numbers in layouts
            };
        }

        static String difference(TreeNode a, TreeNode b) {
            if (a.type() != b.type()) {
                return "a " + a.type().dbName + " in one, a " + b.type().dbName + " in the other";
            }
            if (!sameContent(a, b)) {
                return a instanceof TreeNode.Link ? "different link targets" : "different contents";
            }
            if (a.mode != b.mode) {
                return String.format("mode %o vs %o", a.mode & 07777, b.mode & 07777);
            }
            return "owner " + a.uid + ":" + a.gid + " vs " + b.uid + ":" + b.gid;
        }
    }
}
