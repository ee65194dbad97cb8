package dev.moss.store.pack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.moss.format.StoneCheck;
import dev.moss.format.StoneReader;
import dev.moss.format.digest.Xxh3;
import dev.moss.format.meta.Capability;
import dev.moss.format.meta.PackageMeta;
import dev.moss.format.record.EntryType;
import dev.moss.format.record.LayoutEntry;
import dev.moss.format.record.LayoutRecord;
import dev.moss.store.MossException;
import dev.moss.store.StagedTree;
import dev.moss.store.fs.FileStat;
import dev.moss.store.fs.Posix;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PackTest {
    @TempDir
    Path tmp;

    private PackResult pack(Path root, Path out) throws Exception {
        return Pack.run(PackRequest.builder(root, "hello", "1.0", 3).outputDir(out).architecture("x86_64")
                .level(3).build());
    }

    private static List<LayoutRecord> layout(Path stone) throws Exception {
        try (StoneReader r = StoneReader.open(stone)) {
            return r.layoutRecords();
        }
    }

    @Test
    void collectsLikeBoulder() throws Exception {
        StagedTree t = new StagedTree(tmp.resolve("root"))
                .file("usr/b/z", "z", 0644)
                .file("usr/b/a", "a", 0644)
                .dir("usr/b/emptydir", 0755)
                .dir("usr/a-private", 0700)
                .file("usr/a-private/f", "f", 0600)
                .file("usr/B", "upper sorts before lower, bytewise", 0644)
                .symlink("usr/a-link", "b")
                .file("etc/ignored", "outside usr", 0644);
        PackResult r = pack(t.root(), tmp.resolve("out"));
        List<String> seen = layout(r.file()).stream()
                .map(l -> l.entry().type().dbName + " " + l.entry().target() + " " + Integer.toOctalString(l.mode()))
                .toList();
        assertThat(seen).containsExactly(
                "regular B 100644",
                "symlink a-link 120777",
                "regular a-private/f 100600",
                "directory a-private 40700",
                "regular b/a 100644",
                "directory b/emptydir 40755",
                "regular b/z 100644");
        assertThat(r.file().getFileName().toString()).isEqualTo("hello-1.0-3-1-x86_64.stone");
    }

    @Test
    void layoutCarriesDigestsAndContentIsDeduplicated() throws Exception {
        StagedTree t = new StagedTree(tmp.resolve("root"))
                .file("usr/share/one", "same", 0644)
                .file("usr/share/two", "same", 0755)
                .file("usr/share/empty", new byte[0], 0644);
        PackResult r = pack(t.root(), tmp.resolve("out"));
        assertThat(r.uniqueFiles()).isEqualTo(2);
        assertThat(r.contentBytes()).isEqualTo(4);
        List<LayoutRecord> l = layout(r.file());
        assertThat(((LayoutEntry.Regular) l.get(1).entry()).digest())
                .isEqualTo(Xxh3.hash128("same".getBytes()));
        assertThat(StoneCheck.check(r.file()).ok()).isTrue();
    }

    @Test
    void sameTreeGivesIdenticalBytes() throws Exception {
        StagedTree t = StagedTree.rich(tmp.resolve("root"));
        Path a = pack(t.root(), tmp.resolve("a")).file();
        Path b = pack(t.root(), tmp.resolve("b")).file();
        assertThat(Files.readAllBytes(a)).isEqualTo(Files.readAllBytes(b));
    }

    @Test
    void metaFromRequestWithDefaultsAndDerivedProviders() throws Exception {
        StagedTree t = new StagedTree(tmp.resolve("root"))
                .file("usr/bin/tool", "x", 0755)
                .symlink("usr/bin/tool-alias", "tool")
                .file("usr/sbin/daemon", "x", 0755)
                .file("usr/lib/pkgconfig/zlib.pc", "x", 0644)
                .file("usr/lib32/pkgconfig/zlib.pc", "x", 0644)
                .file("usr/lib/cmake/Foo/FooConfig.cmake", "x", 0644)
                .file("usr/share/cmake/bar-config.cmake", "x", 0644)
                .file("usr/share/cmake/bar-config-version.cmake", "x", 0644)
                .dir("usr/bin/notabinary", 0700);
        PackResult r = Pack.run(PackRequest.builder(t.root(), "pkg", "2", 1).outputDir(tmp.resolve("out"))
                .licenses(List.of("MIT", "Apache-2.0"))
                .depends(List.of("binary(tool)", "soname(libc.so.6(x86_64))", "pkg", "zlib"))
                .provides(List.of("name(ignored-by-format)", "python(pkg)"))
                .conflicts(List.of("old-pkg"))
                .level(1).build());
        PackageMeta m;
        try (StoneReader reader = StoneReader.open(r.file())) {
            m = PackageMeta.from(reader.metaRecords());
        }
        assertThat(m.buildRelease()).isEqualTo(1);
        assertThat(m.architecture()).isEqualTo(Architectures.host());
        assertThat(m.sourceId()).isEqualTo("pkg");
        assertThat(m.summary()).isEmpty();
        assertThat(m.licenses()).containsExactly("Apache-2.0", "MIT");
        assertThat(m.provides()).extracting(Capability::toString).containsExactly(
                "binary(tool)", "binary(tool-alias)", "cmake(Foo)", "cmake(bar)", "pkgconfig(zlib)",
                "pkgconfig32(zlib)", "python(pkg)", "sysbinary(daemon)");
        // binary(tool) and the package's own name are provided by the package itself.
        assertThat(m.depends()).extracting(Capability::toString)
                .containsExactly("name(zlib)", "soname(libc.so.6(x86_64))");
        assertThat(m.conflicts()).extracting(Capability::toString).containsExactly("name(old-pkg)");
    }

    @Test
    void architectureNames() {
        assertThat(Architectures.fromJava("amd64")).isEqualTo("x86_64");
        assertThat(Architectures.fromJava("aarch64")).isEqualTo("aarch64");
        assertThat(Architectures.fromJava("riscv64")).isEqualTo("riscv64");
    }

    @Test
    void refusesRootWithoutUsr() throws Exception {
        Files.createDirectories(tmp.resolve("root/etc"));
        assertThatThrownBy(() -> pack(tmp.resolve("root"), tmp.resolve("out")))
                .isInstanceOf(MossException.class).hasMessageContaining("no usr/ directory");
        assertThat(tmp.resolve("out")).doesNotExist();
    }

    @Test
    void refusesBadRequestValues() throws Exception {
        StagedTree t = new StagedTree(tmp.resolve("root")).file("usr/x", "x", 0644);
        assertThatThrownBy(() -> Pack.run(PackRequest.builder(t.root(), "a/b", "1", 1).build()))
                .isInstanceOf(MossException.class).hasMessageContaining("must not contain '/'");
        assertThatThrownBy(() -> Pack.run(PackRequest.builder(t.root(), "a", "1", 1).depends(List.of("bogus(x)")).build()))
                .isInstanceOf(MossException.class).hasMessageContaining("--depends").hasMessageContaining("bogus");
    }

    @Test
    void refusesUnreadableFile() throws Exception {
        Assumptions.assumeFalse(Posix.isRoot(), "root reads every file: needs an unprivileged user");
        StagedTree t = new StagedTree(tmp.resolve("root")).file("usr/secret", "x", 0000);
        Path out = tmp.resolve("out");
        assertThatThrownBy(() -> pack(t.root(), out)).isInstanceOf(MossException.class)
                .hasMessageContaining("secret").hasMessageContaining("permission denied");
        // nothing written: no stone, not even a leftover temporary file (or no output directory at all)
        if (Files.exists(out)) {
            try (var s = Files.list(out)) {
                assertThat(s).isEmpty();
            }
        }
    }

    @Test
    void recordsOwnerAndSpecialFiles() throws Exception {
        StagedTree t = new StagedTree(tmp.resolve("root")).fifo("usr/share/pipe", 0600).file("usr/share/f", "f", 0644);
        if (Posix.isRoot()) {
            FileStat.chown(t.root().resolve("usr/share/f"), 1234, 5678);
        }
        List<LayoutRecord> l = layout(pack(t.root(), tmp.resolve("out")).file());
        assertThat(l.get(1).entry().type()).isEqualTo(EntryType.FIFO);
        assertThat(l.get(1).mode()).isEqualTo(010600);
        FileStat st = FileStat.of(t.root().resolve("usr/share/f"));
        assertThat(l.get(0).uid()).isEqualTo(st.uid());
        assertThat(l.get(0).gid()).isEqualTo(st.gid());
    }
}
