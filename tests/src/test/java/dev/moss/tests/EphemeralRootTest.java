package dev.moss.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.SortedMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code install --to DIR}: a complete root (usr tree and the root links) built from ROOT's
 * store, hardlinked from it, recording no state; refusing a non-empty DIR without {@code --force}
 * and ROOT itself; and cheap to repeat once the content is in the store.
 */
class EphemeralRootTest extends E2eTest {
    TestStones.TestStone alpha;
    TestStones.TestStone beta;
    SortedMap<String, Listing.Node> rootBefore;

    @BeforeEach
    void installedRoot() throws Exception {
        alpha = TestStones.named("alpha").files(5).file("bin/alpha", "#!/bin/sh\n", 0755).link("bin/a", "alpha")
                .build(dir);
        beta = TestStones.named("beta").files(5).dir("share/beta/locked", 0500).build(dir);
        MossInProcess.ok(root, "install", "-y", alpha.path());
        rootBefore = stateOfRoot();
    }

    /** Everything of ROOT but the store, which --to may fill. */
    private SortedMap<String, Listing.Node> stateOfRoot() throws Exception {
        return Listing.of(root, p -> !p.startsWith(".moss/assets") && !p.startsWith(".moss/cache"));
    }

    @Test
    void buildsACompleteRootAndRecordsNothing() throws Exception {
        Path to = dir.resolve("build/sysroot"); // its parent does not exist either
        MossProcess.Result r = mossOk("install", "--to", to.toString(), alpha.path(), beta.path());
        assertThat(r.out()).doesNotContain("State");

        SortedMap<String, Listing.Node> want = alpha.listing();
        want.putAll(beta.listing());
        assertThat(Listing.text(Listing.of(to.resolve("usr")))).isEqualTo(Listing.text(want));
        assertThat(Files.isDirectory(to.resolve("usr"), LinkOption.NOFOLLOW_LINKS)).isTrue();
        for (String[] link : new String[][] {{"bin", "usr/bin"}, {"sbin", "usr/sbin"}, {"lib", "usr/lib"},
                {"lib64", "usr/lib"}, {"lib32", "usr/lib32"}}) {
            assertThat(Files.readSymbolicLink(to.resolve(link[0])).toString()).as(link[0]).isEqualTo(link[1]);
        }
        // the files are ROOT's assets, not copies
        Path file = to.resolve("usr/share/beta/f1");
        var digest = dev.moss.format.digest.Xxh3.hash128(Files.readAllBytes(file));
        assertThat(RootCheck.sharesAssetInode(file, digest, root.resolve(".moss/assets/v2"))).isTrue();

        assertThat(Listing.text(stateOfRoot())).isEqualTo(Listing.text(rootBefore));
        assertThat(json("state", "list", "--json")).hasSize(1);
        RootCheck.assertWhole(root);
    }

    @Test
    void secondBuildFromTheStoreAndForceToReplace() throws Exception {
        Path one = dir.resolve("one");
        Path two = dir.resolve("two");
        mossOk("install", "--to", one.toString(), alpha.path(), beta.path());
        SortedMap<String, Listing.Node> store = Listing.of(root.resolve(".moss/assets"));

        mossOk("install", "--to", two.toString(), alpha.path(), beta.path());
        assertThat(Listing.text(Listing.of(two))).isEqualTo(Listing.text(Listing.of(one)));
        assertThat(Listing.of(root.resolve(".moss/assets"))).isEqualTo(store); // nothing new to import

        // not empty: refused without --force, and left as it was
        SortedMap<String, Listing.Node> oneBefore = Listing.of(one);
        MossProcess.Result refused = moss("install", "--to", one.toString(), alpha.path());
        assertThat(refused.exit()).as(refused.toString()).isEqualTo(1);
        assertThat(refused.errLines()).hasSize(1);
        assertThat(refused.err()).startsWith("error: ").contains(one.toString(), "not empty", "--force");
        assertThat(Listing.of(one)).isEqualTo(oneBefore);

        // with --force its old content goes, read-only directories included
        Files.writeString(one.resolve("stray"), "x");
        mossOk("install", "--to", one.toString(), "--force", alpha.path());
        assertThat(Listing.text(Listing.of(one.resolve("usr")))).isEqualTo(Listing.text(alpha.listing()));
        assertThat(Files.exists(one.resolve("stray"))).isFalse();
        assertThat(Listing.text(stateOfRoot())).isEqualTo(Listing.text(rootBefore));
    }

    /**
     * With the content in the store the blit goes straight ahead, checking nothing first; an asset
     * deleted from the store since (neither the stone's first file nor its last, which are
     * looked at first) stops that blit, and the stone is imported again before the tree is built.
     */
    @Test
    void contentGoneFromTheStoreIsImportedAgain() throws Exception {
        Path one = dir.resolve("one");
        MossProcess.Result straight = mossOk("-v", "install", "--to", one.toString(), alpha.path());
        assertThat(straight.err()).doesNotContain("Importing");

        java.util.List<dev.moss.format.record.IndexRecord> index;
        try (var reader = dev.moss.format.StoneReader.open(Path.of(alpha.path()))) {
            index = reader.indexRecords();
        }
        assertThat(index).hasSizeGreaterThan(2);
        Path gone = root.resolve(".moss/assets/v2")
                .resolve(dev.moss.store.asset.AssetStore.relativeName(index.get(1).digest()));
        Files.delete(gone);

        Path two = dir.resolve("two");
        MossProcess.Result again = mossOk("-v", "install", "--to", two.toString(), alpha.path());
        assertThat(again.err()).contains("missing from the store", "Importing");
        assertThat(Listing.text(Listing.of(two.resolve("usr")))).isEqualTo(Listing.text(alpha.listing()));
        assertThat(gone).isRegularFile();
        assertThat(Listing.text(Listing.of(two))).isEqualTo(Listing.text(Listing.of(one)));
        assertThat(Listing.text(stateOfRoot())).isEqualTo(Listing.text(rootBefore));
    }

    @Test
    void refusesRootItselfWhatHoldsItAndItsMossDir() throws Exception {
        SortedMap<String, Listing.Node> before = Listing.of(dir);
        String[][] cases = {
            {"--to", root.toString()},
            {"--force", "--to", root.toString()},
            {"--force", "--to", dir.toString()},
            {"--to", root.resolve(".moss/sysroot").toString()},
            {"--force", "--to", dir.resolve("root/../root/.").toString()},
        };
        for (String[] c : cases) {
            String[] args = new String[c.length + 2];
            args[0] = "install";
            System.arraycopy(c, 0, args, 1, c.length);
            args[args.length - 1] = beta.path();
            MossProcess.Result r = moss(args);
            assertThat(r.exit()).as("%s\n%s", String.join(" ", c), r).isEqualTo(1);
            assertThat(r.errLines()).as(r.toString()).hasSize(1);
            assertThat(r.err()).startsWith("error: ");
        }
        assertThat(Listing.text(Listing.of(dir))).isEqualTo(Listing.text(before));
    }

    /** Hardlinks cannot cross filesystems: there the files are copies, with the very same modes. */
    @Test
    void onAnotherFilesystemFilesAreCopies() throws Exception {
        Path shm = Path.of("/dev/shm");
        assumeTrue(Files.isDirectory(shm) && Files.isWritable(shm)
                && !Files.getAttribute(shm, "unix:dev").equals(Files.getAttribute(dir, "unix:dev")),
                "needs a writable /dev/shm on another filesystem than the temp dir");
        Path other = Files.createTempDirectory(shm, "moss-e2e-");
        try {
            Path to = other.resolve("sysroot");
            mossOk("install", "--to", to.toString(), alpha.path(), beta.path());
            SortedMap<String, Listing.Node> want = alpha.listing();
            want.putAll(beta.listing());
            assertThat(Listing.text(Listing.of(to.resolve("usr")))).isEqualTo(Listing.text(want));
            Path file = to.resolve("usr/bin/alpha");
            var digest = dev.moss.format.digest.Xxh3.hash128(Files.readAllBytes(file));
            assertThat(RootCheck.sharesAssetInode(file, digest, root.resolve(".moss/assets/v2"))).isFalse();
        } finally {
            try (var s = Files.walk(other)) {
                for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                        Files.setAttribute(p, "unix:mode", 0700);
                    }
                }
            }
            try (var s = Files.walk(other)) {
                for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    @Test
    void aFileInTheWayIsRefused() throws Exception {
        Path file = Files.writeString(dir.resolve("plain"), "x");
        MossProcess.Result r = moss("install", "--to", file.toString(), "--force", alpha.path());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).startsWith("error: ").contains("not a directory");
        assertThat(Files.readString(file)).isEqualTo("x");
    }
}
