package dev.moss.tests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.moss.format.digest.Xxh3;
import dev.moss.store.asset.AssetStore;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.SortedMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code state verify -y} killed in the middle of its repair, at every step where it changes
 * something: while re-importing, while blitting a new tree, just before and just after a tree is
 * swapped in (the archived state 1, then the active state 2). Right after the kill, {@code /usr}
 * must still lead to a complete tree of the active state; the next run must repair what is left,
 * and the root must then be whole ({@link RootCheck}) with every tree as it was before the damage.
 */
class StateVerifyCrashTest {
    @TempDir
    static Path shared;

    static Path base;
    static SortedMap<String, Listing.Node> goodTrees;

    @TempDir
    Path dir;

    /** States 1 {alpha} and 2 {alpha, beta}, 2 active; then damaged in the store and in both trees. */
    @BeforeAll
    static void buildDamagedBase() throws IOException {
        TestStones.TestStone alpha = TestStones.named("alpha").files(12)
                .file("bin/alpha", "#!/bin/sh\necho alpha\n", 0755).link("bin/a", "alpha")
                .dir("share/alpha/conf", 0750).file("share/alpha/conf/c", "secret", 0640).build(shared);
        TestStones.TestStone beta = TestStones.named("beta").files(12).build(shared);
        base = Files.createDirectory(shared.resolve("base"));
        MossInProcess.ok(base, "install", "-y", alpha.path());
        MossInProcess.ok(base, "install", "-y", beta.path());
        goodTrees = Listing.of(base.resolve(".moss/root"));

        Path active = base.resolve(".moss/root/2/usr");
        Path asset = base.resolve(".moss/assets/v2")
                .resolve(AssetStore.relativeName(Xxh3.hash128(Files.readAllBytes(active.resolve("bin/alpha")))));
        Files.setPosixFilePermissions(asset, PosixFilePermissions.fromString("rwxr-xr-x"));
        try (FileChannel ch = FileChannel.open(asset, StandardOpenOption.WRITE)) {
            ch.write(ByteBuffer.wrap(new byte[] {'#', '?'}), 0); // same size, other bytes
        }
        Files.delete(active.resolve("share/beta/f3"));
        Files.setPosixFilePermissions(base.resolve(".moss/root/1/usr/share/alpha/conf"),
                PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private Path freshRoot() throws Exception {
        Path root = dir.resolve("root");
        Process cp = new ProcessBuilder("cp", "-a", base.toString(), root.toString()).inheritIO().start();
        assertThat(cp.waitFor()).as("cp -a of the base root").isZero();
        return root;
    }

    @ParameterizedTest(name = "killed at {0}")
    @ValueSource(strings = {"import-part", "import-asset", "blit-entry:9", "before-reblit-swap", "after-reblit-swap",
        "blit-entry:40", "after-reblit-swap:2"})
    void killedDuringRepair(String step) throws Exception {
        Path root = freshRoot();
        MossProcess.Result killed = MossProcess.on(root).env(CrashTest.CRASH, step).run("-y", "state", "verify");
        assertThat(killed.killed()).as("step %s must be reached and halt the process:\n%s", step, killed).isTrue();
        assertThat(Files.readString(root.resolve("usr/.stateID"))).as("/usr right after the kill").isEqualTo("2");
        assertThat(root.resolve("usr/bin/a")).isSymbolicLink();

        MossProcess.Result again = MossProcess.on(root).run("-y", "state", "verify");
        assertThat(again.exit()).as(again.toString()).isZero();
        assertThat(again.out()).containsAnyOf("All issues resolved\n", "No issues found\n");
        RootCheck.assertWhole(root);
        assertThat(Listing.of(root.resolve(".moss/root"))).isEqualTo(goodTrees);
    }
}
