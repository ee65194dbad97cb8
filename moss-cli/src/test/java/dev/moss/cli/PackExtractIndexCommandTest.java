package dev.moss.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.moss.format.Fixtures;
import dev.moss.format.StoneReader;
import dev.moss.format.StoneWriter;
import dev.moss.format.digest.Digest128;
import dev.moss.format.digest.Xxh3;
import dev.moss.format.header.FileType;
import dev.moss.format.index.RepositoryIndex;
import dev.moss.format.meta.PackageMeta;
import dev.moss.format.record.LayoutEntry;
import dev.moss.format.record.LayoutRecord;
import dev.moss.store.StagedTree;
import dev.moss.store.TreeSnapshot;
import java.io.ByteArrayInputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PackExtractIndexCommandTest {
    @TempDir
    Path tmp;

    @Test
    void packPrintsTheFileAndExtractGivesTheTreeBack() throws Exception {
        StagedTree t = StagedTree.rich(tmp.resolve("root"));
        MossRunner.Run pack = MossRunner.run("pack", t.root(), "--name", "rich", "--version", "2.0", "--release", "4",
                "--architecture", "x86_64", "--license", "MIT", "--depends", "soname(libc.so.6(x86_64))",
                "--level", "3", "-o", tmp.resolve("out"));
        assertThat(pack.code()).as(pack.toString()).isZero();
        Path stone = tmp.resolve("out/rich-2.0-4-1-x86_64.stone");
        assertThat(pack.outLines()).containsExactly(stone.toString());

        MossRunner.Run check = MossRunner.run("inspect", "--check", stone);
        assertThat(check.outLines().getLast()).isEqualTo("Result: OK");
        MossRunner.Run inspect = MossRunner.run("inspect", stone);
        assertThat(inspect.out()).contains("    - binary(hello)", "    - pkgconfig(hello)", "    - soname(libc.so.6(x86_64))",
                "    - /usr/share/empty - [Directory]", "    - /usr/share/hello.fifo - [Fifo]");

        MossRunner.Run extract = MossRunner.run("extract", stone, "-o", tmp.resolve("x"));
        assertThat(extract.code()).as(extract.toString()).isZero();
        Path tree = tmp.resolve("x/rich-2.0-4.x86_64");
        assertThat(extract.outLines()).containsExactly("Extract: \"" + stone + "\" -> \"" + tree + "\"");
        assertThat(TreeSnapshot.of(tree.resolve("usr"))).isEqualTo(TreeSnapshot.of(t.usr()));
    }

    /** The acceptance flow: extract the fixture, pack the tree, check it, extract it again. */
    @Test
    void fixtureExtractPackCheckExtract() throws Exception {
        Path fixture = Fixtures.bashCompletion(tmp);
        assertThat(MossRunner.run("extract", fixture, "-o", tmp.resolve("x1")).code()).isZero();
        Path tree = tmp.resolve("x1/bash-completion-2.11-1.x86_64");
        MossRunner.Run pack = MossRunner.run("pack", tree, "--name", "bash-completion", "--version", "2.11",
                "--release", "1", "--architecture", "x86_64",
                "--summary", "Programmable completion functions for bash",
                "--homepage", "https://github.com/scop/bash-completion", "--license", "GPL-2.0-or-later",
                "--level", "3", "-o", tmp.resolve("repacked"));
        assertThat(pack.code()).as(pack.toString()).isZero();
        Path stone = Path.of(pack.out().strip());
        MossRunner.Run check = MossRunner.run("inspect", "--check", stone);
        assertThat(check.code()).isZero();
        assertThat(check.outLines()).contains("  OK: Meta", "  OK: Layout", "  OK: Index", "  OK: Content", "Result: OK");
        assertThat(MossRunner.run("inspect", stone).out()).contains("    - cmake(bash-completion)");
        assertThat(MossRunner.run("extract", stone, "-o", tmp.resolve("x2")).code()).isZero();
        assertThat(TreeSnapshot.of(tmp.resolve("x2/bash-completion-2.11-1.x86_64")))
                .isEqualTo(TreeSnapshot.of(tree));
    }

    @Test
    void hostileStoneIsRefusedWithOneLine() throws Exception {
        Path victim = Files.createDirectory(tmp.resolve("victim"));
        Digest128 d = Xxh3.hash128("pwned".getBytes());
        PackageMeta meta = new PackageMeta("evil", "1", 1, 1, "x86_64", "", "", "evil", "", List.of(), List.of(),
                List.of(), List.of(), Optional.empty(), Optional.empty(), Optional.empty());
        StoneWriter w = new StoneWriter(FileType.BINARY, new StoneWriter.Options(3, 0));
        w.addMeta(meta.toRecords());
        w.addLayout(List.of(
                new LayoutRecord(0, 0, 0120777, 0, new LayoutEntry.Symlink(victim.toString(), "share/evil")),
                new LayoutRecord(0, 0, 0100644, 0, new LayoutEntry.Regular(d, "share/evil/pwned"))));
        w.addContent(d, 5, () -> new ByteArrayInputStream("pwned".getBytes()));
        Path stone = tmp.resolve("evil.stone");
        try (FileChannel out = FileChannel.open(stone, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                FileChannel scratch = FileChannel.open(tmp.resolve("scratch"), StandardOpenOption.CREATE_NEW,
                        StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            w.write(out, scratch);
        }
        MossRunner.Run r = MossRunner.run("extract", stone, "-o", tmp.resolve("out"));
        assertThat(r.code()).isEqualTo(ExitCodes.FAILURE);
        assertThat(r.errLines()).hasSize(1);
        assertThat(r.err()).startsWith("error: \"" + stone + "\": layout path \"/usr/share/evil/pwned\"");
        try (Stream<Path> s = Files.list(victim)) {
            assertThat(s).isEmpty();
        }
        try (Stream<Path> s = Files.list(tmp.resolve("out"))) {
            assertThat(s).isEmpty();
        }
    }

    @Test
    void indexPrintsWhatItWrote() throws Exception {
        Path repo = tmp.resolve("repo");
        Fixtures.bashCompletion(Files.createDirectories(repo.resolve("b")));
        StagedTree t = new StagedTree(tmp.resolve("root")).file("usr/bin/tool", "x", 0755);
        for (String release : new String[] {"1", "2"}) {
            assertThat(MossRunner.run("pack", t.root(), "--name", "tool", "--version", "1", "--release", release,
                    "--level", "1", "-o", repo.resolve("t")).code()).isZero();
        }
        MossRunner.Run r = MossRunner.run("ix", repo, "-o", tmp.resolve("idx"));
        assertThat(r.code()).as(r.toString()).isZero();
        Path index = tmp.toRealPath().resolve("idx/stone.index");
        String arch = dev.moss.store.pack.Architectures.host();
        assertThat(r.outLines()).containsExactly(
                "Indexing 3 files",
                "Indexed ../repo/b/bash-completion-2.11-1-1-x86_64.stone",
                "Indexed ../repo/t/tool-1-2-1-" + arch + ".stone",
                "Index file written to \"" + index + "\"");
        try (StoneReader reader = StoneReader.open(index)) {
            assertThat(RepositoryIndex.read(reader)).extracting(PackageMeta::release).containsExactly(1L, 2L);
        }
    }

    @Test
    void indexRefusesTwoFilesWithTheSameRelease() throws Exception {
        Path repo = tmp.resolve("repo");
        StagedTree t = new StagedTree(tmp.resolve("root")).file("usr/bin/tool", "x", 0755);
        for (String br : new String[] {"1", "2"}) {
            assertThat(MossRunner.run("pack", t.root(), "--name", "tool", "--version", "1", "--release", "7",
                    "--build-release", br, "--level", "1", "-o", repo).code()).isZero();
        }
        MossRunner.Run r = MossRunner.run("index", repo);
        assertThat(r.code()).isEqualTo(ExitCodes.FAILURE);
        assertThat(r.errLines()).hasSize(1);
        assertThat(r.err()).startsWith("error: two files with the same release: ");
        assertThat(repo.resolve("stone.index")).doesNotExist();
    }

    @Test
    void packOfARootWithoutUsrFails() throws Exception {
        Files.createDirectories(tmp.resolve("empty"));
        MossRunner.Run r = MossRunner.run("pack", tmp.resolve("empty"), "--name", "x", "--version", "1", "--release", "1");
        assertThat(r.code()).isEqualTo(ExitCodes.FAILURE);
        assertThat(r.err()).isEqualTo("error: \"" + tmp.resolve("empty") + "\": no usr/ directory to pack\n");
    }
}
