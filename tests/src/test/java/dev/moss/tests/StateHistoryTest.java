package dev.moss.tests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.moss.format.Fixtures;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Install, install, remove, roll back: every state's tree is exactly its packages, and activating
 * an old state changes only the {@code usr} link (one rename), never a tree.
 */
class StateHistoryTest extends E2eTest {
    @Test
    void rollbackToTheFirstStateGivesItsExactTreeInOneRename() throws Exception {
        Path fixture = Fixtures.bashCompletion(dir);
        TestStones.TestStone alpha = TestStones.named("alpha").files(12)
                .file("bin/alpha", "#!/bin/sh\necho alpha\n", 0755).link("bin/alpha-link", "alpha")
                .dir("share/alpha/private", 0700).file("share/alpha/private/key", "k", 0600).build(dir);

        mossOk("install", "-y", fixture.toString());
        SortedMap<String, Listing.Node> state1 = Listing.of(root.resolve("usr"));
        assertThat(state1.get(".stateID").sha256()).isEqualTo(Listing.sha256("1".getBytes()));

        mossOk("install", "-y", alpha.path());
        assertThat(usrLink()).isEqualTo(".moss/root/2/usr");
        SortedMap<String, Listing.Node> both = new TreeMap<>(state1);
        both.putAll(alpha.listing());
        both.put(".stateID", Listing.node(root.resolve("usr/.stateID")));
        assertThat(Listing.text(Listing.of(root.resolve("usr")))).isEqualTo(Listing.text(both));
        assertThat(Files.readString(root.resolve("usr/.stateID"))).isEqualTo("2");

        MossProcess.Result rm = mossOk("remove", "-y", "bash-completion");
        assertThat(rm.out()).contains("Removed bash-completion", "State 3 is now active");
        SortedMap<String, Listing.Node> onlyAlpha = new TreeMap<>(alpha.listing());
        onlyAlpha.put(".stateID", Listing.node(root.resolve("usr/.stateID")));
        assertThat(Listing.text(Listing.of(root.resolve("usr")))).isEqualTo(Listing.text(onlyAlpha));

        Map<String, Object> treesBefore = inodes(root.resolve(".moss/root"));
        SortedMap<String, Listing.Node> rootBefore = Listing.of(root, p -> !p.equals("usr") && !p.startsWith(".moss/db"));
        Object usrInode = Files.getAttribute(root.resolve("usr"), "unix:ino", LinkOption.NOFOLLOW_LINKS);

        MossProcess.Result act = mossOk("state", "activate", "1");
        assertThat(act.out()).contains("State 1 activated");
        assertThat(usrLink()).isEqualTo(".moss/root/1/usr");
        assertThat(Listing.text(Listing.of(root.resolve("usr")))).isEqualTo(Listing.text(state1));
        // one rename: a new link in place of the old one; no tree was touched or rebuilt
        assertThat(Files.getAttribute(root.resolve("usr"), "unix:ino", LinkOption.NOFOLLOW_LINKS)).isNotEqualTo(usrInode);
        assertThat(inodes(root.resolve(".moss/root"))).isEqualTo(treesBefore);
        assertThat(Listing.of(root, p -> !p.equals("usr") && !p.startsWith(".moss/db"))).isEqualTo(rootBefore);

        assertThat(mossOk("state", "active").out()).contains("1");
        JsonNode list = json("state", "list", "--json");
        assertThat(list).hasSize(3);
        for (JsonNode s : list) {
            assertThat(s.get("active").asBoolean()).as(s.toString()).isEqualTo(s.get("id").asLong() == 1);
        }

        // idempotent, and the initrd's exact command line works
        assertThat(mossOk("state", "activate", "1").out()).contains("already active");
        assertThat(inodes(root.resolve(".moss/root"))).isEqualTo(treesBefore);
        mossOk("state", "activate", "-y", "--skip-triggers", "2");
        assertThat(usrLink()).isEqualTo(".moss/root/2/usr");
        assertThat(Listing.text(Listing.of(root.resolve("usr")))).isEqualTo(Listing.text(withStateId(both, "2")));
        RootCheck.assertWhole(root);
    }

    @Test
    void aNewReleaseReplacesTheOldOneExactlyAndRollsBack() throws Exception {
        TestStones.TestStone r1 = TestStones.named("hello").release(1).file("bin/hello", "#!/bin/sh\necho 1\n", 0755)
                .file("share/hello/old-only", "gone in r2\n").file("share/hello/kept", "kept\n").build(dir);
        TestStones.TestStone r2 = TestStones.named("hello").release(2).file("bin/hello", "#!/bin/sh\necho 2\n", 0755)
                .file("share/hello/new-only", "new in r2\n").file("share/hello/kept", "kept\n", 0600).build(dir);
        mossOk("install", "-y", r1.path());
        MossProcess.Result up = mossOk("install", "-y", r2.path());
        assertThat(up.out()).contains("replaces hello 1.0-1");

        assertThat(Listing.text(Listing.of(root.resolve("usr"), p -> !p.equals(".stateID"))))
                .isEqualTo(Listing.text(r2.listing()));
        RootCheck.Found f = RootCheck.assertWhole(root);
        assertThat(f.states().get(2L)).containsExactly(Listing.sha256(r2.file()));

        mossOk("state", "activate", "1");
        assertThat(Listing.text(Listing.of(root.resolve("usr"), p -> !p.equals(".stateID"))))
                .isEqualTo(Listing.text(r1.listing()));
        assertThat(json("list", "installed", "--json").get(0).get("release").asLong()).isEqualTo(1);
    }

    @Test
    void removingAPackageRemovesWhatDependsOnIt() throws Exception {
        TestStones.TestStone lib = TestStones.named("libfoo").file("lib/libfoo.so.1", "ELF?\n", 0755).build(dir);
        TestStones.TestStone app = TestStones.named("app").depends("libfoo").file("bin/app", "#!/bin/sh\n", 0755)
                .build(dir);
        TestStones.TestStone other = TestStones.named("other").files(2).build(dir);
        mossOk("install", "-y", lib.path(), app.path(), other.path());

        MossProcess.Result rm = mossOk("remove", "-y", "libfoo");
        assertThat(rm.out()).contains("Removed libfoo", "Removed app").doesNotContain("Removed other");
        assertThat(Listing.text(Listing.of(root.resolve("usr"), p -> !p.equals(".stateID"))))
                .isEqualTo(Listing.text(other.listing()));
        RootCheck.assertWhole(root);
    }

    /** A tree listing with the {@code .stateID} moss writes for state {@code id}. */
    static SortedMap<String, Listing.Node> withStateId(SortedMap<String, Listing.Node> l, String id) {
        SortedMap<String, Listing.Node> out = new TreeMap<>(l);
        out.put(".stateID", new Listing.Node('f', 0644, id.length(), Listing.sha256(id.getBytes()), ""));
        return out;
    }

    /** Path to inode number of everything below {@code dir}. */
    static Map<String, Object> inodes(Path dir) throws Exception {
        Map<String, Object> out = new TreeMap<>();
        try (var s = Files.walk(dir)) {
            for (Path p : s.toList()) {
                out.put(dir.relativize(p).toString(), Files.getAttribute(p, "unix:ino", LinkOption.NOFOLLOW_LINKS));
            }
        }
        return out;
    }
}
