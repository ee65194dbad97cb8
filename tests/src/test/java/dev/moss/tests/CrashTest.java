package dev.moss.tests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Kills the real CLI in the middle of every kind of transaction, at every named step
 * ({@code MOSS_TEST_CRASH_AT}, which halts the JVM like {@code kill -9}) and at random moments
 * ({@code destroyForcibly}, which is SIGKILL). After the next writing command (its recovery, then
 * {@code cache prune}) the installation must be whole ({@link RootCheck}; and {@code state verify}
 * must find nothing), hold nothing no state needs, show either the state from before or the
 * state from after the killed command, and every state's tree must be exactly its packages. Then
 * the interrupted operation, run again, must complete. Recovery itself is killed too, after a
 * given number of its repairs.
 *
 * <p>The base root has states 1 {alpha}, 2 {alpha, beta}, 3 {alpha, beta, gamma} and 4 {alpha,
 * gamma}, 4 active. Every kill works on a fresh copy of it ({@code cp -a}, hardlinks kept).
 */
class CrashTest {
    static final String CRASH = "MOSS_TEST_CRASH_AT";
    static final String NAMING = "MOSS_TEST_ASSET_NAMING";
    /** Random kills per run, on top of the named steps. */
    static final int RANDOM_KILLS = 25;

    /** The operations killed, each from the base root (FIRST from an empty one). */
    enum Op {
        FIRST, INSTALL, REMOVE, ACTIVATE, PRUNE, TO;

        String[] args(Path to) {
            return switch (this) {
                case FIRST -> new String[] {"install", "-y", alpha.path()};
                case INSTALL -> new String[] {"install", "-y", delta.path()};
                case REMOVE -> new String[] {"remove", "-y", "gamma"};
                case ACTIVATE -> new String[] {"state", "activate", "2"};
                case PRUNE -> new String[] {"state", "prune", "-y", "--keep", "1"};
                case TO -> new String[] {"install", "--to", to.toString(), alpha.path(), gamma.path(), delta.path()};
            };
        }
    }

    @TempDir
    static Path shared;

    static TestStones.TestStone alpha;
    static TestStones.TestStone beta;
    static TestStones.TestStone gamma;
    static TestStones.TestStone delta;
    static final Map<String, TestStones.TestStone> BY_SHA = new HashMap<>();
    static Path base;
    static SortedMap<String, Listing.Node> baseListing;

    @TempDir
    Path dir;

    private final AtomicInteger roots = new AtomicInteger();

    @BeforeAll
    static void buildBase() throws IOException {
        String shared1 = "shared between alpha and beta\n";
        String shared2 = "#!/bin/sh\necho shared between alpha and gamma with another mode\n";
        alpha = TestStones.named("alpha").files(10).file("bin/alpha", "#!/bin/sh\necho alpha\n", 0755)
                .link("bin/a", "alpha").file("share/alpha/s1", shared1).file("share/alpha/s2", shared2, 0644)
                .dir("share/alpha/conf", 0750).file("share/alpha/conf/c", "secret", 0640).build(shared);
        beta = TestStones.named("beta").files(8).file("share/beta/s1", shared1).build(shared);
        gamma = TestStones.named("gamma").files(6).file("bin/gamma", shared2, 0755).link("bin/g", "gamma")
                .build(shared);
        delta = TestStones.named("delta").files(6).file("share/delta/empty", "").build(shared);
        for (TestStones.TestStone s : List.of(alpha, beta, gamma, delta)) {
            BY_SHA.put(Listing.sha256(s.file()), s);
        }
        base = Files.createDirectory(shared.resolve("base"));
        MossInProcess.ok(base, "install", "-y", alpha.path());
        MossInProcess.ok(base, "install", "-y", beta.path());
        MossInProcess.ok(base, "install", "-y", gamma.path());
        MossInProcess.ok(base, "remove", "-y", "beta");
        RootCheck.Found f = RootCheck.assertWhole(base);
        assertThat(f.active()).isEqualTo(4);
        assertThat(names(f, 3)).containsExactlyInAnyOrder("alpha", "beta", "gamma");
        baseListing = Listing.of(base);
    }

    static Stream<Arguments> namedSteps() {
        List<Arguments> out = new ArrayList<>();
        Map<Op, List<String>> steps = new EnumMap<>(Op.class);
        steps.put(Op.FIRST, List.of("after-import", "after-db", "after-blit", "after-state-row", "after-rename",
                "before-switch", "after-switch", "blit-entry:5", "import-part:2", "import-asset:3"));
        steps.put(Op.INSTALL, List.of("after-import", "after-db", "blit-entry:12", "after-blit", "after-state-row",
                "after-rename", "before-switch", "after-switch"));
        steps.put(Op.REMOVE, List.of("blit-entry:6", "after-blit", "after-state-row", "after-rename",
                "before-switch", "after-switch"));
        steps.put(Op.ACTIVATE, List.of("before-switch", "after-switch"));
        steps.put(Op.PRUNE, List.of("prune-after-rows", "prune-after-packages", "prune-tree:1", "prune-tree:2",
                "sweep-file:1", "sweep-file:4"));
        steps.put(Op.TO, List.of("import-asset:2", "after-import", "blit-entry:8", "after-blit", "before-switch"));
        steps.forEach((op, list) -> list.forEach(step -> out.add(Arguments.of(op, step))));
        return out.stream();
    }

    @ParameterizedTest(name = "{0} killed at {1}")
    @MethodSource("namedSteps")
    void killedAtNamedStep(Op op, String step) throws Exception {
        Path root = freshRoot(op);
        Path to = root.resolveSibling(root.getFileName() + "-to");
        MossProcess.Result r = MossProcess.on(root).env(CRASH, step).run(op.args(to));
        assertThat(r.killed()).as("step %s must be reached and halt the process:\n%s", step, r).isTrue();
        recoverAndCheck(op, root, to);
    }

    static Stream<Arguments> recoveryKills() {
        return Stream.of(
                Arguments.of(Op.INSTALL, "after-state-row", 1),
                Arguments.of(Op.INSTALL, "after-state-row", 2),
                Arguments.of(Op.REMOVE, "before-switch", 1),
                Arguments.of(Op.FIRST, "import-part:2", 1),
                Arguments.of(Op.FIRST, "after-rename", 1),
                Arguments.of(Op.FIRST, "after-switch", 3),
                Arguments.of(Op.PRUNE, "prune-after-rows", 2));
    }

    /** Recovery is killed too, after its n-th repair; the recovery after that finishes the job. */
    @ParameterizedTest(name = "{0} killed at {1}, its recovery killed after repair {2}")
    @MethodSource("recoveryKills")
    void killedAgainDuringRecovery(Op op, String step, int repair) throws Exception {
        Path root = freshRoot(op);
        Path to = root.resolveSibling(root.getFileName() + "-to");
        // Unnamed O_TMPFILE imports leave nothing to sweep: the .part fallback does, and is tested here.
        MossProcess.Result r = MossProcess.on(root).env(CRASH, step).env(NAMING, "RENAME_PART").run(op.args(to));
        assertThat(r.killed()).as("step %s:\n%s", step, r).isTrue();
        MossProcess.Result rec = MossProcess.on(root).env(CRASH, "recovery-repair:" + repair).run("cache", "prune");
        assertThat(rec.killed()).as("recovery must make at least %d repairs:\n%s", repair, rec).isTrue();
        recoverAndCheck(op, root, to);
    }

    /**
     * SIGKILL at random moments. A quarter of the kills land anywhere from the start (JVM start,
     * reading stones, taking the lock); the rest after the command has taken the lock (its
     * {@code .moss/unclean} marker appears), spread over how long the work took when measured
     * uninterrupted. Set {@code -Dmoss.crash.seed=N} to repeat a run.
     */
    @Test
    void killedAtRandomMoments() throws Exception {
        long seed = Long.getLong("moss.crash.seed", System.nanoTime());
        System.out.println("CrashTest.killedAtRandomMoments seed: -Dmoss.crash.seed=" + seed);
        Random rnd = new Random(seed);
        Op[] ops = Op.values();
        Map<Op, long[]> millis = new EnumMap<>(Op.class); // until the lock is held, then the work
        for (Op op : ops) {
            Path root = freshRoot(op);
            Path to = root.resolveSibling(root.getFileName() + "-to");
            long start = System.nanoTime();
            MossProcess.Running p = MossProcess.on(root).start(op.args(to));
            long locked = awaitMarker(root, p) - start;
            MossProcess.Result r = p.await();
            long total = System.nanoTime() - start;
            assertThat(r.exit()).as("uninterrupted %s:\n%s", op, r).isZero();
            millis.put(op, new long[] {locked / 1_000_000, Math.max(1, (total - locked) / 1_000_000)});
            recoverAndCheck(op, root, to);
        }
        int kills = 0;
        for (int attempt = 0; kills < RANDOM_KILLS && attempt < RANDOM_KILLS * 3; attempt++) {
            Op op = ops[attempt % ops.length];
            Path root = freshRoot(op);
            Path to = root.resolveSibling(root.getFileName() + "-to");
            MossProcess.Running p = MossProcess.on(root).start(op.args(to));
            long[] m = millis.get(op);
            boolean early = rnd.nextInt(4) == 0;
            long delay = early ? rnd.nextLong(m[0] + m[1] + 1) : rnd.nextLong(m[1] + 1);
            if (!early) {
                awaitMarker(root, p);
            }
            Thread.sleep(delay);
            MossProcess.Result r = p.kill();
            if (r.killed()) {
                kills++;
            } else {
                assertThat(r.exit()).as("%s finished before the kill:\n%s", op, r).isZero();
            }
            List<String> repairs = recoverAndCheck(op, root, to);
            System.out.printf("%-8s %s %4d ms: %s; recovery: %s%n", op, early ? "from start " : "after lock ", delay,
                    r.killed() ? "killed" : "finished", repairs);
        }
        assertThat(kills).as("random kills (seed %d)", seed).isEqualTo(RANDOM_KILLS);
    }

    /** Waits until the writer holds the lock (its marker exists) or has ended; returns nanoTime. */
    private static long awaitMarker(Path root, MossProcess.Running p) throws InterruptedException {
        Path marker = root.resolve(".moss/unclean");
        while (p.process().isAlive() && !Files.exists(marker)) {
            Thread.sleep(1);
        }
        return System.nanoTime();
    }

    private Path freshRoot(Op op) throws IOException, InterruptedException {
        Path root = dir.resolve("root" + roots.incrementAndGet());
        if (op == Op.FIRST) {
            return Files.createDirectory(root);
        }
        Process cp = new ProcessBuilder("cp", "-a", base.toString(), root.toString()).inheritIO().start();
        assertThat(cp.waitFor()).as("cp -a of the base root").isZero();
        return root;
    }

    /** The next writing command recovers; then the checks; then the operation is completed. */
    private static List<String> recoverAndCheck(Op op, Path root, Path to) throws Exception {
        MossProcess.Result rec = MossProcess.on(root).run("cache", "prune");
        assertThat(rec.exit()).as("cache prune after %s:\n%s", op, rec).isZero();
        List<String> repairs = rec.errLines().stream().filter(l -> l.startsWith("recovery: "))
                .map(l -> l.substring(10).replace(root.toString(), "ROOT")).toList();
        RootCheck.Found f = RootCheck.assertWhole(root);
        RootCheck.assertNoGarbage(root);
        assertTreesAreTheirPackages(root, f);
        assertVerifyFindsNothing(root);
        if (op == Op.FIRST || op == Op.INSTALL || op == Op.REMOVE) {
            // the history is as before, or has the one new state, active: never one the switch missed
            Set<Long> added = new java.util.HashSet<>(f.states().keySet());
            added.removeAll(op == Op.FIRST ? Set.of() : Set.of(1L, 2L, 3L, 4L));
            assertThat(added).as("states added by the killed %s", op).isSubsetOf(Set.of(f.active()));
        }
        switch (op) {
            case FIRST -> assertThat(f.states().isEmpty() ? Set.of() : names(f, f.active()))
                    .isIn(Set.of(), Set.of("alpha"));
            case INSTALL -> assertThat(names(f, f.active()))
                    .isIn(Set.of("alpha", "gamma"), Set.of("alpha", "gamma", "delta"));
            case REMOVE -> assertThat(names(f, f.active())).isIn(Set.of("alpha", "gamma"), Set.of("alpha"));
            case ACTIVATE -> assertThat(f.active()).isIn(4L, 2L);
            case PRUNE -> {
                assertThat(f.active()).isEqualTo(4);
                assertThat(Set.of(1L, 2L, 3L, 4L)).containsAll(f.states().keySet());
            }
            case TO -> assertThat(Listing.text(Listing.of(root))).as("ROOT after an interrupted --to")
                    .isEqualTo(Listing.text(baseListing));
        }

        switch (op) {
            case FIRST, INSTALL, ACTIVATE, PRUNE -> MossInProcess.ok(root, op.args(to));
            case REMOVE -> {
                if (names(f, f.active()).contains("gamma")) {
                    MossInProcess.ok(root, op.args(to));
                }
            }
            case TO -> {
                List<String> args = new ArrayList<>(List.of(op.args(to)));
                args.add("--force");
                MossInProcess.ok(root, args.toArray(String[]::new));
            }
        }
        RootCheck.Found g = RootCheck.assertWhole(root);
        assertTreesAreTheirPackages(root, g);
        assertVerifyFindsNothing(root);
        switch (op) {
            case FIRST -> assertThat(names(g, g.active())).containsExactly("alpha");
            case INSTALL -> assertThat(names(g, g.active())).containsExactlyInAnyOrder("alpha", "gamma", "delta");
            case REMOVE -> assertThat(names(g, g.active())).containsExactly("alpha");
            case ACTIVATE -> assertThat(g.active()).isEqualTo(2);
            case PRUNE -> assertThat(g.states().keySet()).containsExactly(4L);
            case TO -> {
                assertThat(Listing.text(Listing.of(to.resolve("usr"))))
                        .isEqualTo(Listing.text(union(List.of(alpha, gamma, delta))));
                assertThat(Files.readSymbolicLink(to.resolve("bin")).toString()).isEqualTo("usr/bin");
            }
        }
        return repairs;
    }

    /** moss's own check, {@code state verify} (in process: it is not what is being killed here). */
    static void assertVerifyFindsNothing(Path root) throws IOException {
        MossProcess.Result v = MossInProcess.run(root, "state", "verify", "--json");
        assertThat(v.exit()).as("state verify:\n%s", v).isZero();
        assertThat(E2eTest.JSON.readTree(v.out()).get("issues")).as(v.out()).isEmpty();
    }

    /** Every recorded state's tree is exactly the union of its packages' packed trees. */
    static void assertTreesAreTheirPackages(Path root, RootCheck.Found f) throws IOException {
        for (var e : f.states().entrySet()) {
            List<TestStones.TestStone> stones = e.getValue().stream().map(BY_SHA::get).toList();
            assertThat(stones).as("state %d selects only known packages", e.getKey()).doesNotContainNull();
            Path usr = root.resolve(".moss/root/" + e.getKey() + "/usr");
            assertThat(Listing.text(Listing.of(usr, p -> !p.equals(".stateID"))))
                    .as("tree of state %d", e.getKey()).isEqualTo(Listing.text(union(stones)));
        }
    }

    static SortedMap<String, Listing.Node> union(List<TestStones.TestStone> stones) throws IOException {
        SortedMap<String, Listing.Node> out = new TreeMap<>();
        for (TestStones.TestStone s : stones) {
            out.putAll(s.listing());
        }
        return out;
    }

    static Set<String> names(RootCheck.Found f, long state) {
        return f.states().get(state).stream().map(id -> BY_SHA.get(id).name()).collect(Collectors.toSet());
    }
}
