package dev.moss.tests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.moss.format.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.SortedMap;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A root as upstream moss leaves it: the active state's tree is a real {@code ROOT/usr} directory
 * (its {@code usr/.stateID} names the state), older states are under {@code .moss/root/<id>/usr}.
 * moss reads it as it is, and its first switch turns {@code ROOT/usr} into the link without a
 * moment where {@code /usr} is missing, keeping the old tree, the same inodes, as its state's.
 */
class UpstreamRootTest extends E2eTest {
    private static final Predicate<String> NOT_DB = p -> !p.startsWith(".moss/db");

    private TestStones.TestStone alpha;
    private SortedMap<String, Listing.Node> state1;
    private SortedMap<String, Listing.Node> state2;
    private Object usrInode;

    /** States 1 {bash-completion} and 2 {bash-completion, alpha}; 2 is live as upstream keeps it. */
    @BeforeEach
    void upstreamLayout() throws Exception {
        alpha = TestStones.named("alpha").files(8).file("bin/alpha", "#!/bin/sh\necho alpha\n", 0755)
                .link("bin/a", "alpha").dir("share/alpha/private", 0700).build(dir);
        mossOk("install", "-y", Fixtures.bashCompletion(dir).toString());
        state1 = Listing.of(root.resolve("usr"));
        mossOk("install", "-y", alpha.path());
        state2 = Listing.of(root.resolve("usr"));
        Files.delete(root.resolve("usr"));
        Files.move(root.resolve(".moss/root/2/usr"), root.resolve("usr"));
        Files.delete(root.resolve(".moss/root/2"));
        usrInode = inode(root.resolve("usr"));
    }

    @Test
    void theFirstSwitchKeepsTheRealUsrAsItsStatesTree() throws Exception {
        assertThat(mossOk("state", "active").out()).contains("2");
        assertThat(mossOk("list", "installed").out()).contains("alpha", "bash-completion");
        mossOk("cache", "prune"); // a writing command: its recovery must see state 2's tree in ROOT/usr
        assertThat(json("state", "list", "--json")).hasSize(2);
        assertThat(mossOk("state", "activate", "2").out()).contains("already active");
        assertThat(inode(root.resolve("usr"))).isEqualTo(usrInode);
        CrashTest.assertVerifyFindsNothing(root);

        MossProcess.Result rm = mossOk("remove", "-y", "alpha");
        assertThat(rm.out()).contains("State 3 is now active");
        assertThat(usrLink()).isEqualTo(".moss/root/3/usr");
        assertThat(Listing.text(Listing.of(root.resolve("usr")))).isEqualTo(Listing.text(StateHistoryTest.withStateId(state1, "3")));
        Path archived = root.resolve(".moss/root/2/usr");
        assertThat(inode(archived)).as("the old tree was moved, not copied").isEqualTo(usrInode);
        assertThat(Listing.text(Listing.of(archived))).isEqualTo(Listing.text(state2));
        RootCheck.assertWhole(root);
        CrashTest.assertVerifyFindsNothing(root);

        mossOk("state", "activate", "2");
        assertThat(usrLink()).isEqualTo(".moss/root/2/usr");
        assertThat(Listing.text(Listing.of(root.resolve("usr")))).isEqualTo(Listing.text(state2));
    }

    @Test
    void rollingBackFromTheRealUsrMovesItHomeToo() throws Exception {
        assertThat(mossOk("state", "activate", "1").out()).contains("State 1 activated");
        assertThat(usrLink()).isEqualTo(".moss/root/1/usr");
        assertThat(Listing.text(Listing.of(root.resolve("usr")))).isEqualTo(Listing.text(state1));
        assertThat(inode(root.resolve(".moss/root/2/usr"))).isEqualTo(usrInode);
        RootCheck.assertWhole(root);
    }

    @Test
    void aRealUsrNoRecordedStateOwnsIsNeverReplaced() throws Exception {
        Files.writeString(root.resolve("usr/.stateID"), "7");
        SortedMap<String, Listing.Node> before = Listing.of(root, NOT_DB);
        TestStones.TestStone beta = TestStones.named("beta").files(3).build(dir);
        MossProcess.Result r = moss("install", "-y", beta.path());
        assertThat(r.exit()).as(r.toString()).isEqualTo(1);
        assertThat(r.err()).contains(root.resolve("usr") + ": is the tree of state 7, which the state database"
                + " does not record; moss will not replace it");
        assertThat(Listing.text(Listing.of(root, NOT_DB))).isEqualTo(Listing.text(before));
        assertThat(json("state", "list", "--json")).hasSize(2);

        Files.delete(root.resolve("usr/.stateID"));
        before = Listing.of(root, NOT_DB);
        r = moss("state", "activate", "1");
        assertThat(r.exit()).as(r.toString()).isEqualTo(1);
        assertThat(r.err()).contains(root.resolve("usr") + ": is a directory without a usr/.stateID naming a moss state");
        assertThat(Listing.text(Listing.of(root, NOT_DB))).isEqualTo(Listing.text(before));
        // recovery cannot tell whose tree ROOT/usr is, so it drops no state for want of one
        assertThat(json("state", "list", "--json")).hasSize(2);
    }

    /**
     * Killed around the first switch: before it, the real ROOT/usr is still live and the history
     * as it was; after it, the new state is live and recovery moves the old tree home.
     */
    @ParameterizedTest(name = "{0} killed at {1}")
    @CsvSource({"state activate 1, before-switch", "state activate 1, after-switch",
            "remove -y alpha, after-rename", "remove -y alpha, after-switch"})
    void aKilledFirstSwitchLeavesOneWholeSystem(String command, String step) throws Exception {
        MossProcess.Result r = MossProcess.on(root).env(CrashTest.CRASH, step).run(command.split(" "));
        assertThat(r.killed()).as("step %s:\n%s", step, r).isTrue();
        MossProcess.Result rec = mossOk("cache", "prune");
        if (step.equals("after-switch")) {
            assertThat(rec.err()).contains("recovery: moved the tree of state 2 from " + root.resolve("usr.next")
                    + " to .moss/root/2/usr");
            assertThat(inode(root.resolve(".moss/root/2/usr"))).isEqualTo(usrInode);
            RootCheck.assertWhole(root);
            CrashTest.assertVerifyFindsNothing(root);
            assertThat(usrLink()).isEqualTo(command.startsWith("state") ? ".moss/root/1/usr" : ".moss/root/3/usr");
            mossOk("state", "activate", "2");
            assertThat(Listing.text(Listing.of(root.resolve("usr")))).isEqualTo(Listing.text(state2));
            RootCheck.assertWhole(root);
        } else {
            assertThat(Files.isDirectory(root.resolve("usr"), LinkOption.NOFOLLOW_LINKS)).isTrue();
            assertThat(inode(root.resolve("usr"))).isEqualTo(usrInode);
            assertThat(Files.exists(root.resolve("usr.next"), LinkOption.NOFOLLOW_LINKS)).isFalse();
            assertThat(Files.exists(root.resolve(".moss/root/3"))).isFalse();
            assertThat(json("state", "list", "--json")).hasSize(2);
            assertThat(mossOk("state", "active").out()).contains("2");
            assertThat(Listing.text(Listing.of(root.resolve("usr")))).isEqualTo(Listing.text(state2));
            mossOk(command.split(" ")); // and the interrupted command now completes
            RootCheck.assertWhole(root);
            CrashTest.assertVerifyFindsNothing(root);
        }
    }

    private static Object inode(Path p) throws IOException {
        return Files.getAttribute(p, "unix:ino", LinkOption.NOFOLLOW_LINKS);
    }
}
