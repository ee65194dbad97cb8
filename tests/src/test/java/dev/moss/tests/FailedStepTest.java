package dev.moss.tests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A command that fails (rather than dies) at a named step of its transaction, as on a full disk
 * or a failing device ({@code MOSS_TEST_FAIL_AT} throws an I/O error there). Before the switch it
 * changes nothing: every file of the installation (store, cache, trees, links) and every row of
 * its databases are as before, an {@code install --to} directory is not left behind, and no
 * recovery is needed for that. After the switch the new state is live and whole.
 */
class FailedStepTest {
    static final String FAIL = "MOSS_TEST_FAIL_AT";

    enum Op {
        INSTALL, REMOVE, TO;

        String[] args(Path to) {
            return switch (this) {
                case INSTALL -> new String[] {"install", "-y", delta.path()};
                case REMOVE -> new String[] {"remove", "-y", "gamma"};
                case TO -> new String[] {"install", "--to", to.toString(), alpha.path(), delta.path()};
            };
        }
    }

    @TempDir
    static Path shared;

    static TestStones.TestStone alpha;
    static TestStones.TestStone gamma;
    static TestStones.TestStone delta;
    static Path base;

    @TempDir
    Path dir;

    @BeforeAll
    static void buildBase() throws IOException {
        alpha = TestStones.named("alpha").files(10).file("bin/alpha", "#!/bin/sh\necho alpha\n", 0755)
                .link("bin/a", "alpha").build(shared);
        gamma = TestStones.named("gamma").files(6).file("bin/gamma", "#!/bin/sh\necho gamma\n", 0750).build(shared);
        // delta shares a file with alpha under another mode: its blit makes a store variant
        delta = TestStones.named("delta").files(12).file("share/delta/empty", "")
                .file("share/delta/a", "#!/bin/sh\necho alpha\n", 0700).build(shared);
        base = Files.createDirectory(shared.resolve("base"));
        MossInProcess.ok(base, "install", "-y", alpha.path());
        MossInProcess.ok(base, "install", "-y", gamma.path());
        assertThat(RootCheck.assertWhole(base).active()).isEqualTo(2);
    }

    static Stream<Arguments> steps() {
        List<Arguments> out = new ArrayList<>();
        for (String step : List.of("import-part:2", "import-asset:3", "after-import", "after-db", "blit-entry:12",
                "after-blit", "after-state-row", "after-rename", "before-switch")) {
            out.add(Arguments.of(Op.INSTALL, step));
        }
        for (String step : List.of("blit-entry:6", "after-blit", "after-state-row", "after-rename", "before-switch")) {
            out.add(Arguments.of(Op.REMOVE, step));
        }
        for (String step : List.of("import-part:2", "import-asset:3", "after-import", "blit-entry:8", "after-blit")) {
            out.add(Arguments.of(Op.TO, step));
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} failing at {1}")
    @MethodSource("steps")
    void failureBeforeTheSwitchChangesNothing(Op op, String step) throws Exception {
        Path root = copyOfBase();
        Path to = dir.resolve("containers/build-1");
        Predicate<String> notDb = p -> !p.startsWith("root/.moss/db/");
        SortedMap<String, Listing.Node> before = Listing.of(dir, notDb);
        String rows = DbDump.of(root);

        MossProcess.Result r = MossProcess.on(root).env(FAIL, step).run(op.args(to));
        assertThat(r.exit()).as(r.toString()).isNotZero();
        assertThat(r.err()).as(r.toString()).contains("injected failure at step " + step.replaceAll(":.*", ""));
        // one error line (unprivileged runs also warn that owners are not set)
        assertThat(r.errLines()).as(r.toString()).filteredOn(l -> !l.startsWith("warning: ")).hasSize(1);

        assertThat(Listing.text(Listing.of(dir, notDb))).isEqualTo(Listing.text(before));
        assertThat(DbDump.of(root)).isEqualTo(rows);
        assertThat(RootCheck.assertWhole(root).active()).isEqualTo(2);
        // and the command, run again, completes
        MossProcess.Result again = MossProcess.on(root).run(op.args(to));
        assertThat(again.exit()).as(again.toString()).isZero();
        assertThat(again.err()).as("no recovery was needed").doesNotContain("removed", "repaired");
        RootCheck.assertWhole(root);
    }

    @ParameterizedTest(name = "{0} failing after the switch")
    @MethodSource("switching")
    void failureAfterTheSwitchKeepsTheNewState(Op op) throws Exception {
        Path root = copyOfBase();
        MossProcess.Result r = MossProcess.on(root).env(FAIL, "after-switch").run(op.args(dir.resolve("unused")));
        assertThat(r.exit()).as(r.toString()).isNotZero();
        RootCheck.Found f = RootCheck.assertWhole(root);
        assertThat(f.active()).isEqualTo(3);
        assertThat(f.states()).containsKey(3L);
        assertThat(Files.exists(root.resolve("usr/share/delta"))).isEqualTo(op == Op.INSTALL);
        assertThat(Files.exists(root.resolve("usr/bin/gamma"))).isEqualTo(op == Op.INSTALL);
    }

    static Stream<Op> switching() {
        return Stream.of(Op.INSTALL, Op.REMOVE);
    }

    private Path copyOfBase() throws IOException, InterruptedException {
        Path root = dir.resolve("root");
        Process p = new ProcessBuilder("cp", "-a", base.toString(), root.toString()).inheritIO().start();
        assertThat(p.waitFor()).isZero();
        return root;
    }
}
