package dev.moss.store.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.moss.db.state.StateId;
import dev.moss.format.digest.Digest128;
import dev.moss.format.digest.Xxh3;
import dev.moss.store.StagedTree;
import dev.moss.store.TreeSnapshot;
import dev.moss.store.fs.FileStat;
import dev.moss.store.fs.Posix;
import dev.moss.store.pack.Pack;
import dev.moss.store.pack.PackRequest;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link VerifyStates} on real roots: two states (1 archived: {@code rich}; 2 active: {@code rich}
 * and {@code extra}), damaged in the ways disks and people damage them, found, repaired, and
 * compared with snapshots taken before the damage.
 */
class VerifyStatesTest {
    @TempDir
    Path tmp;

    Path root;
    Path richStone;
    Map<String, TreeSnapshot.Node> state1;
    Map<String, TreeSnapshot.Node> state2;

    @BeforeEach
    void install() throws Exception {
        root = Files.createDirectory(tmp.resolve("root"));
        richStone = pack(StagedTree.rich(tmp.resolve("rich")).root(), "rich");
        StagedTree extra = new StagedTree(tmp.resolve("extra"));
        for (int i = 0; i < 300; i++) {
            extra.file("usr/share/extra/f" + i, "file " + (i % 50), i % 3 == 0 ? 0600 : 0644);
        }
        Path extraStone = pack(extra.root(), "extra");
        try (Client client = writer()) {
            Install.apply(client, Install.plan(client, List.of(richStone), Optional.empty(), false), ClientListener.YES);
            Install.apply(client, Install.plan(client, List.of(extraStone), Optional.empty(), false), ClientListener.YES);
            assertThat(client.activeState()).contains(StateId.of(2));
        }
        state1 = TreeSnapshot.of(tree(1));
        state2 = TreeSnapshot.of(tree(2));
    }

    private Path pack(Path staged, String name) throws IOException {
        return Pack.run(PackRequest.builder(staged, name, "1", 1).outputDir(tmp.resolve("stones")).level(1).build())
                .file();
    }

    private Client writer() throws IOException {
        return Client.openWriter(root, false, ClientListener.YES);
    }

    private Path tree(long id) {
        return root.resolve(".moss/root/" + id + "/usr");
    }

    private VerifyReport check() throws IOException {
        try (Client client = writer()) {
            return VerifyStates.check(client, ClientListener.YES);
        }
    }

    private VerifyStates.RepairResult repair(VerifyReport report) throws IOException {
        try (Client client = writer()) {
            return VerifyStates.repair(client, report, ClientListener.YES);
        }
    }

    private Path assetOf(Path treeFile) throws IOException {
        Digest128 d = Xxh3.hash128(Files.readAllBytes(treeFile));
        try (Client client = writer()) {
            return client.assets().pathFor(d);
        }
    }

    /** "kind state entry" (or "kind file name" for store issues), for compact assertions. */
    private static List<String> summary(VerifyReport r) {
        List<String> out = new ArrayList<>();
        for (VerifyIssue i : r.issues()) {
            out.add(i.kind().id + " " + i.state().map(StateId::toString).orElse("-") + " "
                    + (i.entry().isEmpty() ? i.file().getFileName() : i.entry()));
        }
        return out;
    }

    private void assertRestored() throws IOException {
        assertThat(TreeSnapshot.of(tree(1))).isEqualTo(state1);
        assertThat(TreeSnapshot.of(tree(2))).isEqualTo(state2);
        assertThat(check().issues()).isEmpty();
        try (var s = Files.list(root.resolve(".moss/root"))) {
            assertThat(s.map(p -> p.getFileName().toString()).sorted()).containsExactly("1", "2");
        }
    }

    private static void overwrite(Path file, int offset) throws IOException {
        FileStat.chmod(file, FileStat.of(file).permissions() | 0200);
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ch.write(java.nio.ByteBuffer.wrap(new byte[] {'#'}), offset);
        }
    }

    @Test
    void cleanInstallHasNoIssuesAndReadsEachAssetOnce() throws Exception {
        VerifyReport r = check();
        assertThat(r.issues()).isEmpty();
        assertThat(r.states()).isEqualTo(2);
        // rich: 8 contents + 1 variant (0600 copy); extra: 50 contents + 50 0600 variants; the empty file
        assertThat(r.assets()).isEqualTo(8 + 1 + 50 + 50 + 1);
        assertThat(r.hashed()).as("tree files are hardlinks of hashed assets").isEqualTo(r.assets() - 1);
        // every path of a snapshot but .stateID, plus the usr directory itself
        assertThat(r.entries()).isEqualTo(state1.size() + state2.size());
    }

    @Test
    void corruptAssetIsFoundInStoreAndTreesAndReimportedFromCache() throws Exception {
        Path hello = tree(2).resolve("bin/hello");
        Path asset = assetOf(hello);
        overwrite(asset, 3); // same size: only the hash can tell
        FileStat.chmod(asset, 0755);

        VerifyReport r = check();
        assertThat(summary(r)).containsExactly("corrupt-asset - " + asset.getFileName(),
                "corrupt-path 1 /usr/bin/hello", "corrupt-path 2 /usr/bin/hello");
        assertThat(r.hashed()).as("the corrupt inode is read once, not once per tree").isEqualTo(r.assets() - 1);

        VerifyStates.RepairResult fix = repair(r);
        assertThat(fix.deleted()).isEqualTo(1);
        assertThat(fix.reimported()).containsExactly("rich 1-1");
        assertThat(fix.reblitted()).containsExactly(StateId.of(1), StateId.of(2));
        assertThat(fix.complete()).isTrue();
        assertRestored();
    }

    @Test
    void deletedAssetIsReimportedAndTreesRelinked() throws Exception {
        Path asset = assetOf(tree(2).resolve("lib/data.bin"));
        Files.delete(asset);
        VerifyReport r = check();
        assertThat(summary(r)).containsExactly("missing-asset - " + asset.getFileName());
        VerifyStates.RepairResult fix = repair(r);
        assertThat(fix.reimported()).containsExactly("rich 1-1");
        assertRestored();
        assertThat(Files.isSameFile(asset, tree(1).resolve("lib/data.bin"))).isTrue();
    }

    @Test
    void corruptVariantIsDeletedAndMadeAgain() throws Exception {
        Path copy = tree(1).resolve("share/doc/hello/COPY"); // 0600 twin of a 0644 file: a variant
        Path asset = assetOf(copy);
        Path variant;
        try (var siblings = Files.list(asset.getParent())) {
            variant = siblings.filter(p -> p.getFileName().toString().startsWith(asset.getFileName() + "."))
                    .findFirst().orElseThrow();
        }
        assertThat(variant.getFileName().toString()).contains(".600-");
        assertThat(Files.isSameFile(copy, variant)).isTrue();
        overwrite(variant, 0);
        FileStat.chmod(variant, 0600);

        VerifyReport r = check();
        assertThat(summary(r)).containsExactly("corrupt-variant - " + variant.getFileName(),
                "corrupt-path 1 /usr/share/doc/hello/COPY", "corrupt-path 2 /usr/share/doc/hello/COPY");
        VerifyStates.RepairResult fix = repair(r);
        assertThat(fix.reimported()).isEmpty();
        assertRestored();
    }

    @Test
    void chmoddedVariantIsMadeAgainNotReused() throws Exception {
        Path copy = tree(1).resolve("share/doc/hello/COPY");
        Path asset = assetOf(copy);
        Path variant;
        try (var siblings = Files.list(asset.getParent())) {
            variant = siblings.filter(p -> p.getFileName().toString().startsWith(asset.getFileName() + "."))
                    .findFirst().orElseThrow();
        }
        FileStat.chmod(variant, 0644); // e.g. chmod -R a+r over the store, or over a tree

        VerifyReport r = check();
        assertThat(summary(r)).containsExactly("corrupt-variant - " + variant.getFileName(),
                "wrong-mode 1 /usr/share/doc/hello/COPY", "wrong-mode 2 /usr/share/doc/hello/COPY");
        assertThat(r.issues().getFirst().found()).startsWith("mode 0644 ").contains("its name says mode 0600");
        repair(r);
        assertRestored();
        assertThat(FileStat.of(variant).permissions()).isEqualTo(0600);
    }

    @Test
    void damageToAnArchivedTreeIsReblittedAndTheActiveTreeLeftAlone() throws Exception {
        Path t = tree(1);
        Files.delete(t.resolve("bin/hi"));
        Files.createSymbolicLink(t.resolve("bin/hi"), Path.of("elsewhere"));
        Files.delete(t.resolve("share/doc/hello/README"));
        FileStat.chmod(t.resolve("share/empty-private"), 0755);
        FileStat.chmod(t.resolve("tmp-ish"), 0777); // lost its sticky bit
        Files.delete(t.resolve("var-ish/private/secret"));
        Files.delete(t.resolve("var-ish/private"));
        Files.writeString(t.resolve("var-ish/private"), "a file where a directory belongs");
        Object activeTree = Files.readAttributes(tree(2), java.nio.file.attribute.BasicFileAttributes.class).fileKey();

        VerifyReport r = check();
        assertThat(summary(r)).containsExactlyInAnyOrder(
                "wrong-link-target 1 /usr/bin/hi",
                "missing-path 1 /usr/share/doc/hello/README",
                "wrong-mode 1 /usr/share/empty-private",
                "wrong-mode 1 /usr/tmp-ish",
                "wrong-type 1 /usr/var-ish/private"); // and nothing about the file below it
        VerifyStates.RepairResult fix = repair(r);
        assertThat(fix.reblitted()).containsExactly(StateId.of(1));
        assertThat(fix.reimported()).isEmpty();
        assertRestored();
        assertThat(Files.readAttributes(tree(2), java.nio.file.attribute.BasicFileAttributes.class).fileKey())
                .as("the active tree was not touched").isEqualTo(activeTree);
    }

    @Test
    void setuidBitAndContentOfACopyAreChecked() throws Exception {
        Path su = tree(2).resolve("bin/su-ish");
        FileStat.chmod(su, 0755); // the shared inode: both states see it
        Path wall = tree(2).resolve("bin/wall-ish");
        Files.delete(wall); // a copy, not a link: right bytes and mode are fine
        Files.writeString(wall, "setgid program");
        FileStat.chmod(wall, 02755);
        Path hello = tree(1).resolve("bin/hello");
        Files.delete(hello); // a copy with other bytes is not
        Files.writeString(hello, "#!/bin/sh\necho HELLO\n");
        FileStat.chmod(hello, 0755);

        VerifyReport r = check();
        assertThat(summary(r)).containsExactly("corrupt-path 1 /usr/bin/hello", "wrong-mode 1 /usr/bin/su-ish",
                "wrong-mode 2 /usr/bin/su-ish");
        assertThat(r.issues().get(1).expected()).isEqualTo("4755");
        assertThat(r.issues().get(1).found()).isEqualTo("0755");
        repair(r);
        assertRestored();
    }

    @Test
    void activeTreeIsSwappedWhileUsrStaysUsable() throws Exception {
        Path usr = root.resolve("usr");
        String linkText = Files.readSymbolicLink(usr).toString();
        Files.delete(tree(2).resolve("share/extra/f7"));
        VerifyReport r = check();
        assertThat(summary(r)).containsExactly("missing-path 2 /usr/share/extra/f7");

        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong looks = new AtomicLong();
        AtomicLong misses = new AtomicLong();
        Thread watcher = new Thread(() -> {
            while (!stop.get()) {
                looks.incrementAndGet();
                if (!Files.isRegularFile(usr.resolve("share/extra/f299")) || !Files.isRegularFile(usr.resolve(".stateID"))) {
                    misses.incrementAndGet();
                }
            }
        });
        watcher.start();
        try {
            VerifyStates.RepairResult fix = repair(r);
            assertThat(fix.reblitted()).containsExactly(StateId.of(2));
        } finally {
            stop.set(true);
            watcher.join();
        }
        assertThat(looks.get()).isPositive();
        assertThat(misses.get()).as("/usr had a moment without a complete tree").isZero();
        assertThat(Files.isSymbolicLink(usr)).isTrue();
        assertThat(Files.readSymbolicLink(usr).toString()).isEqualTo(linkText);
        assertRestored();
    }

    @Test
    void packageWithoutCachedStoneIsReportedAndTheRestRepaired() throws Exception {
        Path rich;
        try (Client client = writer()) {
            rich = client.downloadPath(LocalStone.sha256(richStone));
        }
        assertThat(rich).exists();
        Files.delete(rich);
        Files.delete(assetOf(tree(2).resolve("bin/hello")));
        // a file of extra: a re-blit would fix it, but state 2 also needs rich, so it stays as it is
        Files.delete(tree(2).resolve("share/extra/f1"));

        VerifyReport r = check();
        assertThat(summary(r)).hasSize(2);
        VerifyStates.RepairResult fix = repair(r);
        assertThat(fix.complete()).isFalse();
        assertThat(fix.unrepaired()).singleElement().satisfies(u -> {
            assertThat(u.label()).isEqualTo("rich 1-1");
            assertThat(u.reason()).contains("not in the download cache");
        });
        assertThat(fix.failed()).containsOnlyKeys(StateId.of(1), StateId.of(2));
        assertThat(fix.reblitted()).isEmpty();
        assertThat(summary(check())).isEqualTo(summary(r));
        try (var s = Files.list(root.resolve(".moss/root"))) {
            assertThat(s.map(p -> p.getFileName().toString()).sorted()).containsExactly("1", "2");
        }
    }

    /**
     * A writer's recovery deletes an archived state whose {@code .stateID} is wrong, and moves
     * {@code /usr} off a live one; a reader, which runs no recovery, sees these issues.
     */
    @Test
    void stateIdAndMissingTreeAreIssuesForAReader() throws Exception {
        Files.writeString(tree(1).resolve(".stateID"), "7");
        Files.move(tree(2), root.resolve(".moss/root/2/elsewhere"));
        try (Client client = Client.openReader(root)) {
            VerifyReport r = VerifyStates.check(client, ClientListener.YES);
            assertThat(summary(r)).containsExactly("bad-state-id 1 /usr/.stateID", "missing-tree 2 /usr");
            assertThat(r.issues().getFirst().found()).isEqualTo("7");
        }
    }

    /**
     * A commit names a tree only once its .stateID is written, so a damaged .stateID under a final
     * name is damage, not a crash: recovery keeps the state (and /usr on it) for verify to rebuild.
     */
    @Test
    void recoveryKeepsDamagedStatesForVerifyToRebuild() throws Exception {
        Files.writeString(tree(1).resolve(".stateID"), "7");
        Files.delete(tree(2).resolve(".stateID"));
        List<String> repairs = new ArrayList<>();
        ClientListener listening = new ClientListener() {
            @Override
            public void repaired(String message) {
                repairs.add(message);
            }

            @Override
            public boolean confirm(String question) {
                return true;
            }
        };
        VerifyReport report;
        try (Client client = Client.openWriter(root, false, listening)) {
            assertThat(client.activeState()).contains(StateId.of(2));
            assertThat(client.states().list()).hasSize(2);
            report = VerifyStates.check(client, listening);
        }
        assertThat(repairs).hasSize(2).allMatch(m -> m.contains("damaged tree") && m.contains("state verify"));
        assertThat(root.resolve("usr")).isSymbolicLink();
        assertThat(Files.readSymbolicLink(root.resolve("usr")).toString()).isEqualTo(".moss/root/2/usr");
        assertThat(summary(report)).contains("bad-state-id 1 /usr/.stateID");
        repair(report);
        assertRestored();
    }

    @Test
    void ownersAreComparedAsRoot() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(Posix.isRoot(), "chown needs root");
        Path dir = tree(1).resolve("share/doc");
        Files.setAttribute(dir, "unix:uid", 4242, LinkOption.NOFOLLOW_LINKS);
        VerifyReport r = check();
        assertThat(summary(r)).containsExactly("wrong-owner 1 /usr/share/doc");
        assertThat(r.issues().getFirst().found()).isEqualTo("4242:0");
        repair(r);
        assertRestored();
    }
}
