package dev.moss.store.blit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.moss.format.digest.Digest128;
import dev.moss.format.digest.Xxh3;
import dev.moss.format.record.LayoutEntry;
import dev.moss.format.record.LayoutRecord;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How layouts merge into one tree: symlinked directories, declaration order, conflicts. */
class VfsTreeTest {
    private static final Digest128 ONE = Xxh3.hash128("one".getBytes(StandardCharsets.UTF_8));
    private static final Digest128 TWO = Xxh3.hash128("two".getBytes(StandardCharsets.UTF_8));

    private static LayoutRecord file(String path, Digest128 d) {
        return new LayoutRecord(0, 0, 0100644, 0, new LayoutEntry.Regular(d, path));
    }

    private static LayoutRecord link(String path, String text) {
        return new LayoutRecord(0, 0, 0120777, 0, new LayoutEntry.Symlink(text, path));
    }

    private static LayoutRecord dir(String path, int mode) {
        return new LayoutRecord(0, 0, 040000 | mode, 0, new LayoutEntry.Directory(path));
    }

    /** path -> "d 755" / "f <digest>" / "l <text>", for comparing whole trees. */
    private static Map<String, String> listing(VfsTree tree) {
        Map<String, String> out = new TreeMap<>();
        walk(tree.root(), "", out);
        return out;
    }

    private static void walk(TreeNode.Dir dir, String prefix, Map<String, String> out) {
        for (TreeNode n : dir.children()) {
            String path = prefix + n.name();
            switch (n) {
                case TreeNode.Dir d -> {
                    out.put(path, "d " + Integer.toOctalString(d.permissions()));
                    walk(d, path + "/", out);
                }
                case TreeNode.File f -> out.put(path, "f " + f.digest().toHex());
                case TreeNode.Link l -> out.put(path, "l " + l.text());
                case TreeNode.Special s -> out.put(path, "s " + s.type());
            }
        }
    }

    @Test
    void entriesBelowASymlinkedDirectoryLandInItsTargetWhateverThePackageOrder() throws Exception {
        List<Map<String, String>> trees = new ArrayList<>();
        for (boolean linkFirst : new boolean[] {true, false}) {
            VfsTree.Builder b = VfsTree.builder();
            if (linkFirst) {
                b.add("layout", link("lib64", "lib"));
            }
            b.add("glibc", file("lib64/ld.so", ONE)).add("glibc", file("lib64/deep/x", TWO));
            if (!linkFirst) {
                b.add("layout", link("lib64", "lib"));
            }
            trees.add(listing(b.build()));
        }
        assertThat(trees.get(0)).isEqualTo(trees.get(1)).containsExactlyEntriesOf(new TreeMap<>(Map.of(
                "lib", "d 755", "lib/ld.so", "f " + ONE.toHex(), "lib/deep", "d 755", "lib/deep/x", "f " + TWO.toHex(),
                "lib64", "l lib")));
    }

    @Test
    void theSameFileReachedThroughALinkAndDirectlyIsNoConflict() throws Exception {
        VfsTree tree = VfsTree.builder()
                .add("layout", link("lib64", "lib"))
                .add("a", file("lib64/libz.so", ONE))
                .add("b", file("lib/libz.so", ONE))
                .build();
        assertThat(listing(tree)).containsEntry("lib/libz.so", "f " + ONE.toHex()).hasSize(3);
        assertThatThrownBy(() -> VfsTree.builder().add("layout", link("lib64", "lib"))
                .add("a", file("lib64/libz.so", ONE)).add("b", file("lib/libz.so", TWO)).build())
                .isInstanceOf(FileConflictException.class)
                .hasMessageContaining("/usr/lib/libz.so (a vs b: different contents)");
    }

    @Test
    void linksThroughLinksResolveAndLoopsAreRefused() throws Exception {
        VfsTree tree = VfsTree.builder()
                .add("p", link("a", "b"))
                .add("p", link("b", "c/d"))
                .add("p", file("a/x", ONE))
                .build();
        assertThat(listing(tree)).containsEntry("c/d/x", "f " + ONE.toHex());
        assertThatThrownBy(() -> VfsTree.builder().add("p", link("a", "b")).add("p", link("b", "a"))
                .add("q", file("a/x", ONE)).build())
                .isInstanceOf(FileConflictException.class)
                .hasMessageContaining("/usr/a/x (q vs p: path lies below a symlink that leaves /usr or loops)");
    }

    @Test
    void aPathThroughAFileClashesWithItAndExplicitDirectoriesKeepTheirMode() throws Exception {
        assertThatThrownBy(() -> VfsTree.builder().add("p", link("etc", "share/conf"))
                .add("p", file("share/conf", ONE)).add("q", file("etc/x", TWO)).build())
                .isInstanceOf(FileConflictException.class)
                .hasMessageContaining("/usr/share/conf (p vs q: a regular in one, a directory in the other)");
        VfsTree tree = VfsTree.builder()
                .add("a", file("share/private/key", ONE))
                .add("b", dir("share/private", 0700))
                .build();
        assertThat(listing(tree)).containsEntry("share/private", "d 700").containsEntry("share", "d 755");
        assertThat(tree.size()).isEqualTo(3);
        assertThatThrownBy(() -> VfsTree.builder().add("a", dir("share/x", 0700)).add("b", dir("share/x", 0755)).build())
                .isInstanceOf(FileConflictException.class).hasMessageContaining("mode 700 vs 755");
    }

    /**
     * Many entries per directory (the child tables grow many times), directories revisited in
     * every order (the walk's remembered parent is hit and missed), names that differ only late
     * or are not ASCII, and a symlinked directory: the tree must hold exactly the paths a plain
     * map of resolved paths holds.
     */
    @Test
    void largeShuffledLayoutsMatchAMapOfResolvedPaths() throws Exception {
        java.util.Random random = new java.util.Random(42);
        List<LayoutRecord> records = new ArrayList<>();
        Map<String, String> expected = new TreeMap<>();
        records.add(link("lib64", "lib"));
        expected.put("lib64", "l lib");
        String[] dirs = {"lib", "lib/deep/er", "share/doc", "share/d\u00e9j\u00e0 vu", "bin", "lib64/x"};
        for (int i = 0; i < 3000; i++) {
            String dir = dirs[random.nextInt(dirs.length)];
            String name = "name-with-a-long-common-prefix-" + (i % 7 == 0 ? "\u00fc" : "") + i;
            Digest128 digest = Xxh3.hash128(name.getBytes(StandardCharsets.UTF_8));
            records.add(file(dir + "/" + name, digest));
            String resolved = (dir.startsWith("lib64/") ? "lib/" + dir.substring(6) : dir) + "/" + name;
            expected.put(resolved, "f " + digest.toHex());
            for (int slash = resolved.indexOf('/'); slash >= 0; slash = resolved.indexOf('/', slash + 1)) {
                expected.put(resolved.substring(0, slash), "d 755");
            }
        }
        java.util.Collections.shuffle(records.subList(1, records.size()), random);
        // revisit some directories in runs, as layouts list them
        records.subList(1, 1500).sort(java.util.Comparator.comparing(r -> r.entry().target()));
        VfsTree.Builder b = VfsTree.builder();
        records.forEach(r -> b.add("p", r));
        VfsTree tree = b.build();
        assertThat(listing(tree)).isEqualTo(expected);
        assertThat(tree.size()).isEqualTo(expected.size());
    }

    @Test
    void aConflictAfterARememberedParentIsStillFound() {
        assertThatThrownBy(() -> VfsTree.builder()
                .add("a", file("share/doc/one", ONE))
                .add("a", file("share/doc/two", ONE))
                .add("b", file("share/doc/one", TWO))
                .build())
                .isInstanceOf(FileConflictException.class)
                .hasMessageContaining("/usr/share/doc/one (a vs b: different contents)");
        assertThatThrownBy(() -> VfsTree.builder()
                .add("a", file("share/doc", ONE))
                .add("b", file("share/doc/x", TWO))
                .add("b", file("share/doc/y", TWO))
                .build())
                .isInstanceOf(FileConflictException.class)
                .hasMessageContaining("/usr/share/doc (a vs b: a regular in one, a directory in the other)");
    }

    /** The walk checks only the last name below a remembered parent; the rules still hold in full. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "share/doc/.. | path contains \"..\"",
        "share/doc/. | path contains \".\"",
        "share/doc/ | path contains an empty component",
        "share/doc/x\u0000y | path contains NUL",
        "share//doc | path contains an empty component",
    })
    void unsafePathsAreRefusedBelowARememberedParentToo(String path, String problem) {
        VfsTree.Builder b = VfsTree.builder().add("p", file("share/doc/a", ONE)).add("p", file("share/doc/b", ONE))
                .add("q", file(path, TWO));
        assertThatThrownBy(b::build).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("package q: unsafe layout path").hasMessageContaining(problem);
    }
}
