package dev.moss.store.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.moss.format.Fixtures;
import dev.moss.format.StoneCheck;
import dev.moss.format.StoneReader;
import dev.moss.format.digest.Digest128;
import dev.moss.format.digest.Xxh3;
import dev.moss.format.meta.PackageMeta;
import dev.moss.format.record.LayoutEntry;
import dev.moss.format.record.LayoutRecord;
import dev.moss.store.MossException;
import dev.moss.store.StagedTree;
import dev.moss.store.TestStones;
import dev.moss.store.TestStones.Content;
import dev.moss.store.TreeSnapshot;
import dev.moss.store.fs.FileStat;
import dev.moss.store.fs.Posix;
import dev.moss.store.pack.Pack;
import dev.moss.store.pack.PackRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExtractTest {
    @TempDir
    Path tmp;

    private final List<String> warnings = new ArrayList<>();
    private final ExtractListener listener = new ExtractListener() {
        @Override
        public void warning(String message) {
            warnings.add(message);
        }
    };

    private Path pack(Path root, Path out, String name) throws Exception {
        return Pack.run(PackRequest.builder(root, name, "1.0", 1).outputDir(out).architecture("x86_64")
                .level(3).build()).file();
    }

    @Test
    void packThenExtractGivesBackTheIdenticalTree() throws Exception {
        StagedTree t = StagedTree.rich(tmp.resolve("root"));
        if (Posix.isRoot()) {
            FileStat.chown(t.root().resolve("usr/bin/su-ish"), 1234, 5678);
            FileStat.chmod(t.root().resolve("usr/bin/su-ish"), 04755); // chown cleared setuid
        }
        Path stone = pack(t.root(), tmp.resolve("stones"), "rich");
        ExtractResult r = Extract.run(stone, tmp.resolve("out"), listener);

        assertThat(r.directory()).contains(tmp.resolve("out/rich-1.0-1.x86_64"));
        Map<String, TreeSnapshot.Node> expected = TreeSnapshot.of(t.usr());
        Map<String, TreeSnapshot.Node> actual = TreeSnapshot.of(r.directory().orElseThrow().resolve("usr"));
        // Owners match too: as root they come from the layout, otherwise both trees belong to the caller.
        assertThat(actual).isEqualTo(expected);
        assertThat(actual.get("bin/su-ish").mode()).isEqualTo(0104755);
        assertThat(actual.get("tmp-ish").mode()).isEqualTo(041777);
        assertThat(actual.get("lib/docs").content()).isEqualTo("-> ../share/doc");
        assertThat(warnings).isEmpty();
        try (Stream<Path> s = Files.list(tmp.resolve("out"))) {
            assertThat(s).containsExactly(tmp.resolve("out/rich-1.0-1.x86_64")); // no temp leftovers
        }
    }

    @Test
    void modesDoNotDependOnTheUmaskOrOnSharedContent() throws Exception {
        StagedTree t = new StagedTree(tmp.resolve("root"))
                .file("usr/a", "same", 0600)
                .file("usr/b", "same", 0755)
                .file("usr/c", "same", 0600);
        Path out = Extract.run(pack(t.root(), tmp.resolve("s"), "m"), tmp.resolve("out"), listener)
                .directory().orElseThrow().resolve("usr");
        assertThat(FileStat.of(out.resolve("a")).permissions()).isEqualTo(0600);
        assertThat(FileStat.of(out.resolve("b")).permissions()).isEqualTo(0755);
        assertThat(Files.isSameFile(out.resolve("a"), out.resolve("c"))).isTrue();
        assertThat(Files.isSameFile(out.resolve("a"), out.resolve("b"))).isFalse();
    }

    @Test
    void fixtureExtractsAndRepacksToTheSameTree() throws Exception {
        Path fixture = Fixtures.bashCompletion(tmp);
        ExtractResult first = Extract.run(fixture, tmp.resolve("x1"), listener);
        assertThat(first.entries()).isEqualTo(745);
        assertThat(first.files()).isEqualTo(474);
        Path tree = first.directory().orElseThrow();
        assertThat(Files.readSymbolicLink(tree.resolve("usr/share/bash-completion/completions/7za")).toString())
                .isEqualTo("7z");

        PackageMeta meta;
        List<LayoutRecord> fixtureLayout;
        try (StoneReader r = StoneReader.open(fixture)) {
            meta = PackageMeta.from(r.metaRecords());
            fixtureLayout = r.layoutRecords();
        }
        Path repacked = Pack.run(PackRequest.builder(tree, meta.name(), meta.version(), meta.release())
                .buildRelease(meta.buildRelease()).architecture(meta.architecture()).summary(meta.summary())
                .description(meta.description()).homepage(meta.homepage()).sourceId(meta.sourceId())
                .licenses(meta.licenses()).outputDir(tmp.resolve("repacked")).level(3).build()).file();
        assertThat(repacked.getFileName().toString()).isEqualTo("bash-completion-2.11-1-1-x86_64.stone");
        assertThat(StoneCheck.check(repacked).ok()).isTrue();
        try (StoneReader r = StoneReader.open(repacked)) {
            assertThat(PackageMeta.from(r.metaRecords())).isEqualTo(meta); // cmake() provider derived again
            if (!Posix.isRoot()) {
                // Unprivileged extraction gives the caller's uid; compare everything else.
                assertThat(r.layoutRecords()).extracting(LayoutRecord::entry)
                        .isEqualTo(fixtureLayout.stream().map(LayoutRecord::entry).toList());
            } else {
                assertThat(r.layoutRecords()).isEqualTo(fixtureLayout);
            }
        }
        Path second = Extract.run(repacked, tmp.resolve("x2"), listener).directory().orElseThrow();
        assertThat(TreeSnapshot.of(second)).isEqualTo(TreeSnapshot.of(tree));
    }

    @Test
    void ownershipFollowsTheLayoutWhenRoot() throws Exception {
        Assumptions.assumeTrue(Posix.isRoot(), "needs root: only root may give files to other users");
        Digest128 d = Xxh3.hash128("x".getBytes());
        Path stone = write(List.of(
                new LayoutRecord(1234, 5678, 0104750, 0, new LayoutEntry.Regular(d, "bin/tool")),
                new LayoutRecord(42, 43, 0120777, 0, new LayoutEntry.Symlink("tool", "bin/alias")),
                new LayoutRecord(7, 8, 040700, 0, new LayoutEntry.Directory("share/private"))),
                List.of(new Content(d, "x".getBytes())));
        Path usr = Extract.run(stone, tmp.resolve("out"), listener).directory().orElseThrow().resolve("usr");
        FileStat tool = FileStat.of(usr.resolve("bin/tool"));
        assertThat(tool.uid()).isEqualTo(1234);
        assertThat(tool.gid()).isEqualTo(5678);
        assertThat(tool.permissions()).isEqualTo(04750); // setuid survives the chown
        assertThat(FileStat.of(usr.resolve("bin/alias")).uid()).isEqualTo(42);
        assertThat(FileStat.of(usr.resolve("share/private")).uid()).isEqualTo(7);
        assertThat(FileStat.of(usr.resolve("share/private")).permissions()).isEqualTo(0700);
    }

    // --- hostile layouts ----------------------------------------------------------------------

    @Test
    void symlinkToAnAbsoluteDirectoryCannotBeWrittenThrough() throws Exception {
        Path victim = Files.createDirectory(tmp.resolve("victim"));
        Digest128 d = Xxh3.hash128("pwned".getBytes());
        Path stone = write(List.of(
                new LayoutRecord(0, 0, 0120777, 0, new LayoutEntry.Symlink(victim.toString(), "share/evil")),
                new LayoutRecord(0, 0, 0100644, 0, new LayoutEntry.Regular(d, "share/evil/pwned"))),
                List.of(new Content(d, "pwned".getBytes())));
        Path out = Files.createDirectory(tmp.resolve("out"));
        assertThatThrownBy(() -> Extract.run(stone, out, listener))
                .isInstanceOf(UnsafeLayoutException.class)
                .hasMessageContaining("/usr/share/evil/pwned").hasMessageContaining("symlink");
        try (Stream<Path> s = Files.list(victim)) {
            assertThat(s).isEmpty();
        }
        try (Stream<Path> s = Files.list(out)) {
            assertThat(s).isEmpty(); // neither the final directory nor the temp tree is left
        }
    }

    @Test
    void symlinkClimbingOutCannotBeWrittenThrough() throws Exception {
        Digest128 d = Xxh3.hash128("pwned".getBytes());
        Path stone = write(List.of(
                new LayoutRecord(0, 0, 0120777, 0, new LayoutEntry.Symlink("../../..", "up")),
                new LayoutRecord(0, 0, 040755, 0, new LayoutEntry.Directory("up/escaped")),
                new LayoutRecord(0, 0, 0100644, 0, new LayoutEntry.Regular(d, "up/pwned"))),
                List.of(new Content(d, "pwned".getBytes())));
        Path out = Files.createDirectories(tmp.resolve("deep/er/out"));
        assertThatThrownBy(() -> Extract.run(stone, out, listener)).isInstanceOf(UnsafeLayoutException.class);
        assertThat(tmp.resolve("deep/escaped")).doesNotExist();
        assertThat(tmp.resolve("deep/er/escaped")).doesNotExist();
        assertThat(tmp.resolve("pwned")).doesNotExist();
        try (Stream<Path> s = Files.list(out)) {
            assertThat(s).isEmpty();
        }
    }

    @Test
    void pathBelowARegularFileOrTwiceIsRefused() throws Exception {
        Digest128 d = Xxh3.hash128("a".getBytes());
        Path below = write(List.of(
                new LayoutRecord(0, 0, 0100644, 0, new LayoutEntry.Regular(d, "a")),
                new LayoutRecord(0, 0, 0100644, 0, new LayoutEntry.Regular(d, "a/b"))),
                List.of(new Content(d, "a".getBytes())));
        assertThatThrownBy(() -> Extract.run(below, tmp.resolve("o1"), listener))
                .isInstanceOf(UnsafeLayoutException.class).hasMessageContaining("lies below");
        Path twice = write(List.of(
                new LayoutRecord(0, 0, 0120777, 0, new LayoutEntry.Symlink("/etc/passwd", "x")),
                new LayoutRecord(0, 0, 0100644, 0, new LayoutEntry.Regular(d, "x"))),
                List.of(new Content(d, "a".getBytes())));
        assertThatThrownBy(() -> Extract.run(twice, tmp.resolve("o2"), listener))
                .isInstanceOf(UnsafeLayoutException.class).hasMessageContaining("appears twice");
    }

    @Test
    void damagedContentLeavesNothingBehind() throws Exception {
        StagedTree t = new StagedTree(tmp.resolve("root")).file("usr/share/f", "some content worth compressing", 0644);
        Path stone = pack(t.root(), tmp.resolve("s"), "dmg");
        byte[] bytes = Files.readAllBytes(stone);
        bytes[bytes.length - 5] ^= 0x40; // inside the content payload, the last one
        Files.write(stone, bytes);
        Path out = tmp.resolve("out");
        assertThatThrownBy(() -> Extract.run(stone, out, listener))
                .isInstanceOf(dev.moss.format.StoneFormatException.class);
        try (Stream<Path> s = Files.list(out)) {
            assertThat(s).isEmpty();
        }
    }

    @Test
    void existingDestinationIsNotClobbered() throws Exception {
        StagedTree t = new StagedTree(tmp.resolve("root")).file("usr/f", "f", 0644);
        Path stone = pack(t.root(), tmp.resolve("s"), "dup");
        Files.createDirectories(tmp.resolve("out/dup-1.0-1.x86_64/keep"));
        assertThatThrownBy(() -> Extract.run(stone, tmp.resolve("out"), listener))
                .isInstanceOf(MossException.class).hasMessageContaining("already exists");
        assertThat(tmp.resolve("out/dup-1.0-1.x86_64/keep")).isDirectory();
    }

    @Test
    void stoneWithoutLayoutIsSkipped() throws Exception {
        Path stone = write(List.of(), List.of());
        List<String> skipped = new ArrayList<>();
        ExtractResult r = Extract.run(stone, tmp.resolve("out"), new ExtractListener() {
            @Override
            public void skipped(Path s, String reason) {
                skipped.add(reason);
            }
        });
        assertThat(r.directory()).isEmpty();
        assertThat(skipped).containsExactly("no layout entries");
    }

    private Path write(List<LayoutRecord> layout, List<Content> content) throws Exception {
        return TestStones.write(tmp, "evil", layout, content);
    }
}
