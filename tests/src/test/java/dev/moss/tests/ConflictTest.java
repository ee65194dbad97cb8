package dev.moss.tests;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SortedMap;
import org.junit.jupiter.api.Test;

/**
 * File conflicts are refused before anything changes, naming both packages and the path; two
 * packages shipping the very same entry (same bytes, same mode) are not in conflict.
 */
class ConflictTest extends E2eTest {
    @Test
    void differentContentAtOnePathIsRefusedAndNothingChanges() throws Exception {
        TestStones.TestStone left = TestStones.named("left").files(3).file("share/common/file", "left's\n").build(dir);
        TestStones.TestStone right = TestStones.named("right").files(3).file("share/common/file", "right's\n")
                .build(dir);
        mossOk("install", "-y", left.path());
        SortedMap<String, Listing.Node> before = Listing.of(root);
        String states = mossOk("state", "list", "--json").out();

        MossProcess.Result r = moss("install", "-y", right.path());
        assertRefused(r, "/usr/share/common/file");
        assertThat(Listing.text(Listing.of(root))).isEqualTo(Listing.text(before));
        assertThat(mossOk("state", "list", "--json").out()).isEqualTo(states);
        assertThat(usrLink()).isEqualTo(".moss/root/1/usr");
        RootCheck.assertWhole(root);
    }

    @Test
    void conflictBetweenTwoStonesOfOneCommandIsRefused() throws Exception {
        TestStones.TestStone left = TestStones.named("left").file("share/common/file", "left's\n").build(dir);
        TestStones.TestStone right = TestStones.named("right").file("share/common/file", "right's\n").build(dir);
        moss("list", "installed"); // creates the empty databases, as any first command does
        // the lock file is created by the first writer, whatever it does
        SortedMap<String, Listing.Node> before = Listing.of(root, p -> !p.equals(".moss/lock"));

        assertRefused(moss("install", "-y", left.path(), right.path()), "/usr/share/common/file");
        assertThat(Listing.text(Listing.of(root, p -> !p.equals(".moss/lock")))).isEqualTo(Listing.text(before));
    }

    @Test
    void sameContentWithAnotherModeIsAConflict() throws Exception {
        TestStones.TestStone left = TestStones.named("left").file("bin/tool", "#!/bin/sh\n", 0755).build(dir);
        TestStones.TestStone right = TestStones.named("right").file("bin/tool", "#!/bin/sh\n", 0644).build(dir);
        mossOk("install", "-y", left.path());
        SortedMap<String, Listing.Node> before = Listing.of(root);

        MossProcess.Result r = moss("install", "-y", right.path());
        assertRefused(r, "/usr/bin/tool");
        assertThat(r.err()).contains("755", "644");
        assertThat(Listing.text(Listing.of(root))).isEqualTo(Listing.text(before));
    }

    @Test
    void identicalEntriesAreNoConflict() throws Exception {
        TestStones.TestStone left = TestStones.named("left").files(2).file("share/common/file", "same\n")
                .file("bin/tool", "#!/bin/sh\n", 0755).link("bin/t", "tool").build(dir);
        TestStones.TestStone right = TestStones.named("right").files(2).file("share/common/file", "same\n")
                .file("bin/tool", "#!/bin/sh\n", 0755).link("bin/t", "tool").build(dir);
        mossOk("install", "-y", left.path());
        mossOk("install", "-y", right.path());

        RootCheck.Found f = RootCheck.assertWhole(root);
        assertThat(f.active()).isEqualTo(2);
        assertThat(f.states().get(2L)).hasSize(2);
        SortedMap<String, Listing.Node> want = left.listing();
        want.putAll(right.listing());
        assertThat(Listing.text(Listing.of(root.resolve("usr"), p -> !p.equals(".stateID"))))
                .isEqualTo(Listing.text(want));

        // removing one keeps the shared entries, which the other still ships
        mossOk("remove", "-y", "left");
        assertThat(Listing.text(Listing.of(root.resolve("usr"), p -> !p.equals(".stateID"))))
                .isEqualTo(Listing.text(right.listing()));
    }

    /** Exit 1, one {@code error:} line naming both packages (by name) and the path. */
    private static void assertRefused(MossProcess.Result r, String path) {
        assertThat(r.exit()).as(r.toString()).isEqualTo(1);
        assertThat(r.errLines()).as(r.toString()).hasSize(1);
        assertThat(r.err()).startsWith("error: ").contains("left", "right", path);
    }
}
