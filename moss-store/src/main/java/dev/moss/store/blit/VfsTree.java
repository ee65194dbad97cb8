package dev.moss.store.blit;

import dev.moss.format.record.EntryType;
import dev.moss.format.record.LayoutEntry;
import dev.moss.format.record.LayoutPaths;
import dev.moss.format.record.LayoutRecord;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The merged {@code /usr} tree of a set of packages, checked for conflicts before anything is
 * written. Rules:
 * <ul>
 *   <li>two packages may declare the same path only with identical entries (type, digest or link
 *       text, mode, owner); anything else is a conflict naming both packages;
 *   <li>a path below a symlink that points at a directory of the tree is moved under that
 *       directory (so {@code lib64 -> lib} plus {@code lib64/x} gives {@code lib/x}); a path below
 *       a symlink that leaves {@code /usr} or points at no directory is refused;
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

    /** Collects layout records; {@link #build()} merges them. */
    public static final class Builder {
        private record Pending(String packageId, LayoutRecord record) {}

        private final Map<String, Pending> byPath = new LinkedHashMap<>();
        private final Set<String> linkPaths = new HashSet<>();
        private final List<FileConflictException.Conflict> conflicts = new ArrayList<>();

        public Builder add(String packageId, LayoutRecord record) {
            String path = record.entry().target();
            String problem = LayoutPaths.problem(path);
            if (problem != null) {
                throw new IllegalArgumentException("package " + packageId + ": unsafe layout path \"" + path + "\": " + problem);
            }
            put(path, new Pending(packageId, record));
            if (record.entry() instanceof LayoutEntry.Symlink) {
                linkPaths.add(path);
            }
            return this;
        }

        private void put(String path, Pending p) {
            Pending old = byPath.putIfAbsent(path, p);
            if (old != null && !sameEntry(old.record(), p.record())) {
                conflicts.add(new FileConflictException.Conflict(path, old.packageId(), p.packageId(),
                        difference(old.record(), p.record())));
            }
        }

        public VfsTree build() throws FileConflictException {
            Map<String, Pending> entries = linkPaths.isEmpty() ? byPath : redirectUnderLinks();
            TreeNode.Dir root = new TreeNode.Dir("usr", "", 040755, 0, 0, false);
            Map<String, TreeNode.Dir> dirs = new HashMap<>();
            dirs.put("", root);
            // Directories first, so an explicit directory's mode wins over its implicit creation.
            for (var e : entries.entrySet()) {
                if (e.getValue().record().entry() instanceof LayoutEntry.Directory) {
                    dir(e.getKey(), entries, dirs);
                }
            }
            int count = 0;
            for (var e : entries.entrySet()) {
                String path = e.getKey();
                Pending p = e.getValue();
                if (p.record().entry() instanceof LayoutEntry.Directory) {
                    continue;
                }
                if (dirs.containsKey(path)) {
                    TreeNode.Dir d = dirs.get(path);
                    if (d == null) {
                        continue; // already reported when the directory was wanted
                    }
                    conflicts.add(new FileConflictException.Conflict(path, d.packageId.isEmpty()
                            ? packageBelow(path, entries) : d.packageId, p.packageId(),
                            "a directory in one, a " + p.record().entry().type().dbName + " in the other"));
                    continue;
                }
                int slash = path.lastIndexOf('/');
                TreeNode.Dir parent = dir(slash < 0 ? "" : path.substring(0, slash), entries, dirs);
                if (parent == null) {
                    continue;
                }
                parent.children.add(leaf(path.substring(slash + 1), p));
                count++;
            }
            if (!conflicts.isEmpty()) {
                throw new FileConflictException(conflicts);
            }
            return new VfsTree(root, count + dirs.size() - 1);
        }

        /** The directory at {@code path}, creating it and its parents; null after a conflict. */
        private TreeNode.Dir dir(String path, Map<String, Pending> entries, Map<String, TreeNode.Dir> dirs) {
            if (dirs.containsKey(path)) {
                return dirs.get(path); // null: this path already clashed
            }
            int slash = path.lastIndexOf('/');
            TreeNode.Dir parent = dir(slash < 0 ? "" : path.substring(0, slash), entries, dirs);
            if (parent == null) {
                return null;
            }
            Pending declared = entries.get(path);
            TreeNode.Dir d;
            String name = path.substring(slash + 1);
            if (declared == null) {
                d = new TreeNode.Dir(name, "", 040755, 0, 0, false);
            } else if (declared.record().entry() instanceof LayoutEntry.Directory) {
                LayoutRecord r = declared.record();
                d = new TreeNode.Dir(name, declared.packageId(), r.mode(), r.uid(), r.gid(), true);
            } else {
                conflicts.add(new FileConflictException.Conflict(path, declared.packageId(), packageBelow(path, entries),
                        "a " + declared.record().entry().type().dbName + " in one, a directory in the other"));
                dirs.put(path, null);
                return null;
            }
            dirs.put(path, d);
            parent.children.add(d);
            return d;
        }

        private static String packageBelow(String dir, Map<String, Pending> entries) {
            String prefix = dir + "/";
            for (var e : entries.entrySet()) {
                if (e.getKey().startsWith(prefix)) {
                    return e.getValue().packageId();
                }
            }
            return "?";
        }

        /**
         * Moves entries that sit below a symlink to where the link points. Paths that would leave
         * /usr, or pass through a link to something that is not a directory, are conflicts.
         */
        private Map<String, Pending> redirectUnderLinks() {
            Map<String, Pending> out = new LinkedHashMap<>();
            Map<String, Pending> original = byPath;
            for (var e : original.entrySet()) {
                String path = e.getKey();
                String resolved = resolve(path, original);
                if (resolved == null) {
                    conflicts.add(new FileConflictException.Conflict(path, e.getValue().packageId(),
                            linkOwner(path, original), "path lies below a symlink that leaves /usr or loops"));
                    continue;
                }
                Pending old = out.putIfAbsent(resolved, e.getValue());
                if (old != null && !sameEntry(old.record(), e.getValue().record())) {
                    conflicts.add(new FileConflictException.Conflict(resolved, old.packageId(), e.getValue().packageId(),
                            difference(old.record(), e.getValue().record())));
                }
            }
            return out;
        }

        /** {@code path} with every symlink ancestor replaced by its target, or null if it escapes. */
        private String resolve(String path, Map<String, Pending> all) {
            String current = path;
            for (int hop = 0; hop < MAX_LINK_HOPS; hop++) {
                int cut = linkAncestor(current);
                if (cut < 0) {
                    return current;
                }
                String link = current.substring(0, cut);
                LayoutEntry.Symlink s = (LayoutEntry.Symlink) all.get(link).record().entry();
                String target = linkTarget(link, s.source());
                if (target == null) {
                    return null;
                }
                current = target.isEmpty() ? current.substring(cut + 1) : target + current.substring(cut);
            }
            return null;
        }

        /** Index of the '/' that ends the shortest ancestor of {@code path} that is a symlink, or -1. */
        private int linkAncestor(String path) {
            for (int i = path.indexOf('/'); i >= 0; i = path.indexOf('/', i + 1)) {
                if (linkPaths.contains(path.substring(0, i))) {
                    return i;
                }
            }
            return -1;
        }

        private String linkOwner(String path, Map<String, Pending> all) {
            int cut = linkAncestor(path);
            return cut < 0 ? "?" : all.get(path.substring(0, cut)).packageId();
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

        private static TreeNode leaf(String name, Pending p) {
            LayoutRecord r = p.record();
            return switch (r.entry()) {
                case LayoutEntry.Regular reg -> new TreeNode.File(name, p.packageId(), r.mode(), r.uid(), r.gid(), reg.digest());
                case LayoutEntry.Symlink s -> new TreeNode.Link(name, p.packageId(), r.mode(), r.uid(), r.gid(), s.source());
                case LayoutEntry.Special s -> new TreeNode.Special(name, p.packageId(), r.mode(), r.uid(), r.gid(), s.type());
                case LayoutEntry.Unknown u -> new TreeNode.Special(name, p.packageId(), r.mode(), r.uid(), r.gid(), EntryType.UNKNOWN);
                case LayoutEntry.Directory d -> throw new AssertionError("directories are not leaves");
            };
        }

        static boolean sameEntry(LayoutRecord a, LayoutRecord b) {
            return a.mode() == b.mode() && a.uid() == b.uid() && a.gid() == b.gid()
                    && Objects.equals(a.entry(), b.entry());
        }

        static String difference(LayoutRecord a, LayoutRecord b) {
            if (a.entry().type() != b.entry().type()) {
                return "a " + a.entry().type().dbName + " in one, a " + b.entry().type().dbName + " in the other";
            }
            if (!a.entry().equals(b.entry())) {
                return a.entry() instanceof LayoutEntry.Symlink ? "different link targets" : "different contents";
            }
            if (a.mode() != b.mode()) {
                return String.format("mode %o vs %o", a.mode() & 07777, b.mode() & 07777);
            }
            return "owner " + a.uid() + ":" + a.gid() + " vs " + b.uid() + ":" + b.gid();
        }
    }
}
