package dev.moss.tests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.moss.store.installation.Installation;
import dev.moss.store.installation.InstallationLock;
import java.util.List;
import java.util.SortedMap;
import org.junit.jupiter.api.Test;

/**
 * Writers on one root take turns: a second writer says it is waiting and then works on what the
 * first committed (its plan is made under the lock, so no package is lost); with
 * {@code --no-wait} it fails at once with exit code 3.
 *
 * <p>The lock is first held by the test itself, with moss's own {@link InstallationLock} (a flock
 * on {@code .moss/lock}), so both moss processes are sure to meet a held lock without any timing.
 */
class ConcurrentWritersTest extends E2eTest {
    static final String WAITING = "waiting for it to finish";

    @Test
    void secondWriterWaitsThenBuildsOnTheFirst() throws Exception {
        TestStones.TestStone base = TestStones.named("base").files(2).build(dir);
        TestStones.TestStone a = TestStones.named("aaa").files(20).build(dir);
        TestStones.TestStone b = TestStones.named("bbb").files(20).build(dir);
        MossInProcess.ok(root, "install", "-y", base.path());

        MossProcess.Running first;
        MossProcess.Running second;
        try (InstallationLock held = InstallationLock.acquire(Installation.open(root), false, m -> { })) {
            first = MossProcess.on(root).start("install", "-y", a.path());
            second = MossProcess.on(root).start("install", "-y", b.path());
            for (MossProcess.Running p : List.of(first, second)) {
                while (!p.errSoFar().contains(WAITING)) {
                    assertThat(p.process().isAlive()).as("a writer ended while the lock was held:\n%s", p.errSoFar())
                            .isTrue();
                    Thread.sleep(10);
                }
            }
            assertThat(usrLink()).isEqualTo(".moss/root/1/usr"); // nobody wrote while waiting
        }
        MossProcess.Result r1 = first.await();
        MossProcess.Result r2 = second.await();
        for (MossProcess.Result r : List.of(r1, r2)) {
            assertThat(r.exit()).as(r.toString()).isZero();
            assertThat(r.err()).contains("another moss process is using " + root, WAITING);
        }

        RootCheck.Found f = RootCheck.assertWhole(root);
        assertThat(f.states().keySet()).containsExactly(1L, 2L, 3L);
        assertThat(f.active()).isEqualTo(3);
        assertThat(f.states().get(3L)).containsExactlyInAnyOrder(sha(base), sha(a), sha(b));
        assertThat(f.states().get(2L)).hasSize(2).contains(sha(base));
        SortedMap<String, Listing.Node> want = base.listing();
        want.putAll(a.listing());
        want.putAll(b.listing());
        assertThat(Listing.text(Listing.of(root.resolve("usr"), p -> !p.equals(".stateID"))))
                .isEqualTo(Listing.text(want));
    }

    @Test
    void twoRealWritersNeverLoseAPackage() throws Exception {
        TestStones.TestStone a = TestStones.named("aaa").files(20).build(dir);
        TestStones.TestStone b = TestStones.named("bbb").files(20).build(dir);
        MossProcess.Running first = MossProcess.on(root).start("install", "-y", a.path());
        MossProcess.Running second = MossProcess.on(root).start("install", "-y", b.path());
        MossProcess.Result r1 = first.await();
        MossProcess.Result r2 = second.await();
        assertThat(r1.exit()).as(r1.toString()).isZero();
        assertThat(r2.exit()).as(r2.toString()).isZero();

        RootCheck.Found f = RootCheck.assertWhole(root);
        assertThat(f.states().keySet()).containsExactly(1L, 2L);
        assertThat(f.states().get(2L)).containsExactlyInAnyOrder(sha(a), sha(b));
    }

    @Test
    void noWaitFailsAtOnceWithExitCode3() throws Exception {
        TestStones.TestStone a = TestStones.named("aaa").files(2).build(dir);
        MossInProcess.ok(root, "list", "installed");
        try (InstallationLock held = InstallationLock.acquire(Installation.open(root), false, m -> { })) {
            SortedMap<String, Listing.Node> before = Listing.of(root, p -> !p.equals(".moss/lock"));
            MossProcess.Result r = moss("--no-wait", "install", "-y", a.path());
            assertThat(r.exit()).as(r.toString()).isEqualTo(3);
            assertThat(r.errLines()).as(r.toString()).hasSize(1);
            assertThat(r.err()).startsWith("error: ").contains("another moss process is using").doesNotContain(WAITING);

            MossProcess.Result prune = moss("state", "prune", "--no-wait");
            assertThat(prune.exit()).as(prune.toString()).isEqualTo(3);
            assertThat(Listing.text(Listing.of(root, p -> !p.equals(".moss/lock")))).isEqualTo(Listing.text(before));
        }
    }

    /**
     * Queries need no lock: while a writer installs, each of them sees the state before or the
     * state after, never a mixture or an error.
     */
    @Test
    void readersDuringAWriterSeeOneStateOrTheOther() throws Exception {
        TestStones.TestStone a = TestStones.named("aaa").files(5).build(dir);
        TestStones.TestStone b = TestStones.named("bbb").files(300).build(dir);
        MossInProcess.ok(root, "install", "-y", a.path());
        MossProcess.Running writer = MossProcess.on(root).start("install", "-y", b.path());
        java.util.Set<java.util.List<String>> seen = new java.util.HashSet<>();
        do {
            MossProcess.Result r = MossInProcess.run(root, "list", "installed", "--json");
            assertThat(r.exit()).as(r.toString()).isZero();
            List<String> names = new java.util.ArrayList<>();
            JSON.readTree(r.out()).forEach(p -> names.add(p.get("name").asText()));
            assertThat(names).isIn(List.of("aaa"), List.of("aaa", "bbb"));
            seen.add(names);
        } while (writer.process().isAlive());
        assertThat(writer.await().exit()).isZero();
        RootCheck.assertWhole(root);
    }

    private static String sha(TestStones.TestStone s) throws java.io.IOException {
        return Listing.sha256(s.file());
    }
}
