package dev.moss.tests;

import dev.moss.db.layout.LayoutDb;
import dev.moss.db.layout.LayoutRow;
import dev.moss.db.meta.MetaDb;
import dev.moss.db.state.Selection;
import dev.moss.db.state.State;
import dev.moss.db.state.StateDb;
import dev.moss.format.digest.Digest128;
import dev.moss.format.digest.Xxh3;
import dev.moss.format.record.LayoutEntry;
import dev.moss.format.record.LayoutRecord;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Checks, independently of moss's own code, that an installation is whole: {@code ROOT/usr} links
 * to a complete tree whose {@code .stateID} matches the link; the state rows and the trees on
 * disk agree one to one; nothing half-done is left (staging trees, {@code .part} files,
 * {@code .next} links, the unclean and pending-state markers); and every state's tree holds exactly its packages'
 * layouts: each path with the right type, mode and link text, regular files with the right
 * XXH3-128 and sharing the inode of their asset (or a variant of it).
 */
public final class RootCheck {
    private static final Pattern LINK = Pattern.compile("\\.moss/root/(\\d+)/usr");
    private static final List<String> ROOT_LINKS = List.of("bin", "sbin", "lib", "lib64", "lib32");

    /** What was found: the active state and each state's selected package ids. */
    public record Found(long active, SortedMap<Long, List<String>> states) {}

    private final Path root;
    private final List<String> problems = new ArrayList<>();

    private RootCheck(Path root) {
        this.root = root;
    }

    /**
     * Checks {@code root}; throws an {@link AssertionError} listing every problem found.
     *
     * @return the active state and the recorded states
     */
    public static Found assertWhole(Path root) throws IOException {
        RootCheck c = new RootCheck(root);
        Found f = c.run();
        if (!c.problems.isEmpty()) {
            throw new AssertionError("installation " + root + " is not whole:\n  " + String.join("\n  ", c.problems));
        }
        return f;
    }

    private Found run() throws IOException {
        Path moss = root.resolve(".moss");
        long active = -1;
        Path usr = root.resolve("usr");
        boolean noUsr = !Files.exists(usr, LinkOption.NOFOLLOW_LINKS);
        if (noUsr) {
            // a root where no state was ever completed; then there must be no state at all (below)
        } else if (!Files.isSymbolicLink(usr)) {
            problems.add("ROOT/usr is not a symlink");
        } else {
            String text = Files.readSymbolicLink(usr).toString();
            Matcher m = LINK.matcher(text);
            if (!m.matches()) {
                problems.add("ROOT/usr -> " + text + " is not .moss/root/<id>/usr");
            } else {
                active = Long.parseLong(m.group(1));
                String id = stateIdFile(moss.resolve("root").resolve(m.group(1)));
                if (!m.group(1).equals(id)) {
                    problems.add("ROOT/usr -> " + text + " but its .stateID says " + id);
                }
            }
        }
        for (String name : ROOT_LINKS) {
            if (active >= 0 && !Files.isSymbolicLink(root.resolve(name))) {
                problems.add("ROOT/" + name + " is not a symlink into usr");
            }
            if (Files.exists(root.resolve(name + ".next"), LinkOption.NOFOLLOW_LINKS)) {
                problems.add("ROOT/" + name + ".next left behind");
            }
        }
        if (Files.exists(root.resolve("usr.next"), LinkOption.NOFOLLOW_LINKS)) {
            problems.add("ROOT/usr.next left behind");
        }
        if (Files.exists(moss.resolve("unclean"))) {
            problems.add(".moss/unclean marker left behind after a command finished");
        }
        if (Files.exists(moss.resolve("pending-state"))) {
            problems.add(".moss/pending-state left behind after a command finished");
        }
        try (Stream<Path> s = Files.walk(moss)) {
            s.filter(p -> p.getFileName().toString().endsWith(".part"))
                    .forEach(p -> problems.add("partial file " + root.relativize(p)));
        }

        Set<Long> trees = new TreeSet<>();
        try (Stream<Path> s = Files.list(moss.resolve("root"))) {
            for (Path p : s.toList()) {
                String name = p.getFileName().toString();
                if (!name.matches("\\d+")) {
                    problems.add("unexpected entry .moss/root/" + name);
                    continue;
                }
                trees.add(Long.parseLong(name));
                if (!name.equals(stateIdFile(p))) {
                    problems.add(".moss/root/" + name + " is incomplete: .stateID says " + stateIdFile(p));
                }
            }
        }

        SortedMap<Long, List<String>> states = new TreeMap<>();
        try (StateDb db = StateDb.openReadOnly(moss.resolve("db/state"));
                LayoutDb layout = LayoutDb.openReadOnly(moss.resolve("db/layout"))) {
            for (State s : db.list()) {
                states.put(s.id().value(), s.selections().stream().map(Selection::packageId).toList());
            }
            if (!states.keySet().equals(trees)) {
                problems.add("state rows " + states.keySet() + " but trees " + trees);
            }
            if (active >= 0 && !states.containsKey(active)) {
                problems.add("active state " + active + " has no row");
            }
            if (noUsr && !states.isEmpty()) {
                problems.add("states " + states.keySet() + " are recorded but ROOT/usr does not exist");
            }
            for (var e : states.entrySet()) {
                Path tree = moss.resolve("root").resolve(Long.toString(e.getKey())).resolve("usr");
                if (Files.isDirectory(tree, LinkOption.NOFOLLOW_LINKS)) {
                    checkTree(e.getKey(), tree, layout.query(e.getValue()), moss.resolve("assets/v2"));
                }
            }
        }
        return new Found(active, states);
    }

    /**
     * After {@code cache prune}: nothing is kept that no state needs. Every package with metadata
     * or layout rows is selected by some state, every asset (and variant) is a digest some layout
     * names, every cached stone is a known package's.
     */
    public static void assertNoGarbage(Path root) throws IOException {
        Path moss = root.resolve(".moss");
        List<String> problems = new ArrayList<>();
        Set<String> selected = new HashSet<>();
        Set<String> digests = new HashSet<>();
        try (StateDb db = StateDb.openReadOnly(moss.resolve("db/state"));
                LayoutDb layout = LayoutDb.openReadOnly(moss.resolve("db/layout"))) {
            for (State s : db.list()) {
                s.selections().forEach(x -> selected.add(x.packageId()));
            }
            for (String id : layout.packageIds()) {
                if (!selected.contains(id)) {
                    problems.add("layout rows of package " + id + ", which no state selects");
                }
            }
            layout.regularDigests().forEach(d -> digests.add(d.toHex()));
        }
        try (MetaDb meta = MetaDb.openReadOnly(moss.resolve("db/install"))) {
            for (String id : meta.ids()) {
                if (!selected.contains(id)) {
                    problems.add("metadata of package " + id + ", which no state selects");
                }
            }
        }
        try (Stream<Path> s = Files.walk(moss.resolve("assets/v2"))) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                String name = p.getFileName().toString();
                String hex = name.contains(".") ? name.substring(0, name.indexOf('.')) : name;
                if (!digests.contains(hex)) {
                    problems.add("asset " + moss.relativize(p) + " is used by no layout");
                }
            }
        }
        Path downloads = moss.resolve("cache/downloads/v1");
        if (Files.isDirectory(downloads)) {
            try (Stream<Path> s = Files.walk(downloads)) {
                for (Path p : s.filter(Files::isRegularFile).toList()) {
                    if (!selected.contains(p.getFileName().toString())) {
                        problems.add("cached stone " + moss.relativize(p) + " is no selected package's");
                    }
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new AssertionError("installation " + root + " keeps garbage:\n  " + String.join("\n  ", problems));
        }
    }

    private static String stateIdFile(Path stateDir) {
        try {
            return Files.readString(stateDir.resolve("usr/.stateID"), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            return "(unreadable: " + e + ")";
        }
    }

    /** The tree holds exactly the layout rows, plus implicit parent directories and .stateID. */
    private void checkTree(long id, Path usr, List<LayoutRow> rows, Path assets) throws IOException {
        String where = "state " + id + ": ";
        Map<String, LayoutRecord> expected = new HashMap<>();
        Set<String> parents = new HashSet<>();
        for (LayoutRow row : rows) {
            String path = row.record().entry().target();
            expected.put(path, row.record());
            for (int i = path.indexOf('/'); i >= 0; i = path.indexOf('/', i + 1)) {
                parents.add(path.substring(0, i));
            }
        }
        SortedMap<String, Listing.Node> actual = Listing.of(usr);
        for (var e : actual.entrySet()) {
            String path = e.getKey();
            Listing.Node n = e.getValue();
            LayoutRecord r = expected.get(path);
            if (path.equals(".stateID")) {
                continue;
            }
            if (r == null) {
                if (n.type() != 'd' || !parents.contains(path)) {
                    problems.add(where + "/usr/" + path + " (" + n + ") is in no package's layout");
                } else if (n.mode() != 0755) {
                    problems.add(where + "implicit directory /usr/" + path + " has mode " + Integer.toOctalString(n.mode()));
                }
                continue;
            }
            checkEntry(where, usr.resolve(path), n, r, assets);
        }
        for (String path : expected.keySet()) {
            LayoutEntry entry = expected.get(path).entry();
            if (!actual.containsKey(path) && !(entry instanceof LayoutEntry.Special)) {
                problems.add(where + "/usr/" + path + " (" + entry.type() + ") is missing");
            }
        }
    }

    private void checkEntry(String where, Path p, Listing.Node n, LayoutRecord r, Path assets) throws IOException {
        String path = where + p;
        switch (r.entry()) {
            case LayoutEntry.Regular reg -> {
                if (n.type() != 'f') {
                    problems.add(path + " should be a regular file, is " + n);
                    return;
                }
                if (n.mode() != r.permissions()) {
                    problems.add(path + " has mode " + Integer.toOctalString(n.mode()) + ", layout says "
                            + Integer.toOctalString(r.permissions()));
                }
                Digest128 got = Xxh3.hash128(Files.readAllBytes(p));
                if (!got.equals(reg.digest())) {
                    problems.add(path + " has content " + got.toHex() + ", layout says " + reg.digest().toHex());
                }
                if (!reg.digest().equals(Digest128.EMPTY) && !sharesAssetInode(p, reg.digest(), assets)) {
                    problems.add(path + " is not a hardlink of its asset " + reg.digest().toHex());
                }
            }
            case LayoutEntry.Symlink s -> {
                if (n.type() != 'l' || !n.link().equals(s.source())) {
                    problems.add(path + " should be a symlink to " + s.source() + ", is " + n);
                }
            }
            case LayoutEntry.Directory d -> {
                if (n.type() != 'd' || n.mode() != r.permissions()) {
                    problems.add(path + " should be a directory with mode " + Integer.toOctalString(r.permissions())
                            + ", is " + n);
                }
            }
            case LayoutEntry.Special s -> {
                if (n.type() != 'o') {
                    problems.add(path + " should be a " + s.type() + ", is " + n);
                }
            }
            case LayoutEntry.Unknown u -> { }
        }
    }

    /** Whether {@code file} is the same inode as {@code <asset>} or one of its {@code <asset>.*} variants. */
    static boolean sharesAssetInode(Path file, Digest128 digest, Path assets) throws IOException {
        Path asset = assetPath(assets, digest);
        Object ino = Files.getAttribute(file, "unix:ino", LinkOption.NOFOLLOW_LINKS);
        if (!Files.isDirectory(asset.getParent())) {
            return false;
        }
        try (Stream<Path> s = Files.list(asset.getParent())) {
            for (Path candidate : s.toList()) {
                String name = candidate.getFileName().toString();
                if ((name.equals(asset.getFileName().toString()) || name.startsWith(asset.getFileName() + "."))
                        && ino.equals(Files.getAttribute(candidate, "unix:ino", LinkOption.NOFOLLOW_LINKS))
                        && Files.getAttribute(candidate, "unix:dev").equals(Files.getAttribute(file, "unix:dev"))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** {@code assets/v2/aa/bb/cc/<hex>}, or {@code <hex>} at the top for digests under 10 hex digits. */
    static Path assetPath(Path assets, Digest128 digest) {
        String hex = digest.toHex();
        return hex.length() < 10 ? assets.resolve(hex)
                : assets.resolve(hex.substring(0, 2)).resolve(hex.substring(2, 4)).resolve(hex.substring(4, 6)).resolve(hex);
    }
}
