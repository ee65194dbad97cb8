package dev.moss.store.blit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.moss.format.Fixtures;
import dev.moss.format.StoneReader;
import dev.moss.format.digest.Digest128;
import dev.moss.format.digest.Xxh3;
import dev.moss.format.record.LayoutEntry;
import dev.moss.format.record.LayoutRecord;
import dev.moss.store.asset.AssetImporter;
import dev.moss.store.asset.AssetStore;
import dev.moss.store.asset.MissingAssetException;
import dev.moss.store.fs.LinuxNativeFs;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Import and blit on real directories: content, modes, symlinks, shared inodes, conflicts, escapes. */
class BlitTest {
    @TempDir
    Path dir;

    static final boolean ROOT = LinuxNativeFs.geteuid() == 0;

    AssetStore store() {
        return new AssetStore(dir.resolve("assets/v2"), ROOT);
    }

    static int mode(Path p) throws IOException {
        return (Integer) Files.getAttribute(p, "unix:mode", LinkOption.NOFOLLOW_LINKS);
    }

    static Object inode(Path p) throws IOException {
        return Files.getAttribute(p, "unix:ino", LinkOption.NOFOLLOW_LINKS);
    }

    @Test
    void fixtureImportsAndBlitsExactly() throws IOException {
        Path stone = Fixtures.bashCompletion(dir);
        AssetStore store = store();
        List<LayoutRecord> layout;
        try (StoneReader r = StoneReader.open(stone)) {
            AssetImporter importer = new AssetImporter(store, ROOT);
            assertThat(importer.allPresent(r.indexRecords())).isFalse();
            AssetImporter.Result res = importer.importContent(r);
            assertThat(res.imported()).isEqualTo(474);
            assertThat(res.bytesWritten()).isEqualTo(872279);
            assertThat(importer.allPresent(r.indexRecords())).isTrue();
            assertThat(importer.importContent(r).alreadyPresent()).isEqualTo(474);
            layout = r.layoutRecords();
        }
        // unpadded names: digest 009e... lives under 9e/...
        try (Stream<Path> s = Files.walk(store.root())) {
            assertThat(s.filter(Files::isRegularFile).map(p -> p.getFileName().toString()))
                    .hasSize(474).noneMatch(n -> n.startsWith("0")).noneMatch(n -> n.endsWith(".part"));
        }
        VfsTree.Builder b = VfsTree.builder();
        layout.forEach(l -> b.add("bash-completion", l));
        VfsTree tree = b.build();
        Path usr = dir.resolve("root/usr");
        Files.createDirectories(usr.getParent());
        BlitStats stats = new Blitter(store, BlitListener.NONE, ROOT, 2).blit(tree, usr);
        assertThat(stats.files()).isEqualTo(474);
        assertThat(stats.symlinks()).isEqualTo(271);
        // share, share/bash-completion{,/completions,/helpers}, share/cmake{,/bash-completion}
        assertThat(stats.directories()).isEqualTo(6);
        for (LayoutRecord l : layout) {
            Path p = usr.resolve(l.entry().target());
            switch (l.entry()) {
                case LayoutEntry.Regular reg -> {
                    assertThat(Xxh3.hash128(Files.readAllBytes(p))).isEqualTo(reg.digest());
                    assertThat(mode(p)).isEqualTo(0100644);
                    assertThat(inode(p)).isEqualTo(inode(store.pathFor(reg.digest())));
                }
                case LayoutEntry.Symlink s -> assertThat(Files.readSymbolicLink(p).toString()).isEqualTo(s.source());
                default -> throw new AssertionError(l);
            }
        }
    }

    static LayoutRecord file(String path, Digest128 d, int mode) {
        return new LayoutRecord(0, 0, 0100000 | mode, 0, new LayoutEntry.Regular(d, path));
    }

    static LayoutRecord link(String path, String text) {
        return new LayoutRecord(0, 0, 0120777, 0, new LayoutEntry.Symlink(text, path));
    }

    static Digest128 put(AssetStore store, String text) throws IOException {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        Digest128 d = Xxh3.hash128(b);
        Path asset = store.pathFor(d); // as an import leaves it
        Files.createDirectories(asset.getParent());
        Files.write(asset, b);
        return d;
    }

    @Test
    void exactModesFromOneAssetViaVariants() throws IOException {
        AssetStore store = store();
        Digest128 d = put(store, "#!/bin/sh\necho hi\n");
        VfsTree tree = VfsTree.builder()
                .add("a", file("bin/tool", d, 0755))
                .add("b", file("share/doc/tool.txt", d, 0644))
                .add("c", file("bin/suid", d, 04755))
                .add("c", new LayoutRecord(0, 0, 041777, 0, new LayoutEntry.Directory("share/tmp")))
                .add("c", new LayoutRecord(0, 0, 040700, 0, new LayoutEntry.Directory("share/private")))
                .add("c", file("share/empty", Digest128.EMPTY, 0600))
                .build();
        Path usr = dir.resolve("usr");
        new Blitter(store, BlitListener.NONE, ROOT, 2).blit(tree, usr);
        assertThat(mode(usr.resolve("bin/tool")) & 07777).isEqualTo(0755);
        assertThat(mode(usr.resolve("share/doc/tool.txt")) & 07777).isEqualTo(0644);
        assertThat(mode(usr.resolve("bin/suid")) & 07777).isEqualTo(04755);
        assertThat(mode(usr.resolve("share/tmp"))).isEqualTo(041777);
        assertThat(mode(usr.resolve("share/private"))).isEqualTo(040700);
        assertThat(mode(usr.resolve("share"))).isEqualTo(040755);
        assertThat(mode(usr.resolve("share/empty"))).isEqualTo(0100600);
        assertThat(Files.size(usr.resolve("share/empty"))).isZero();
        assertThat(Files.readString(usr.resolve("share/doc/tool.txt"))).isEqualTo("#!/bin/sh\necho hi\n");
        // the asset keeps its own mode: nothing chmods a shared inode
        assertThat(inode(usr.resolve("bin/tool"))).isNotEqualTo(inode(usr.resolve("share/doc/tool.txt")));
        assertThat(inode(usr.resolve("share/doc/tool.txt"))).isEqualTo(inode(store.pathFor(d)));
        assertThat(mode(store.pathFor(d)) & 07777).isEqualTo(0644);
        assertThat(inode(usr.resolve("bin/tool"))).isEqualTo(inode(variant(store, d, 0755)));
        assertThat(inode(usr.resolve("bin/suid"))).isEqualTo(inode(variant(store, d, 04755)));
        // a second tree from a store object that knows the asset's stat by now gives the same
        Path again = dir.resolve("again");
        new Blitter(store, BlitListener.NONE, ROOT, 2).blit(tree, again);
        for (String p : List.of("bin/tool", "bin/suid", "share/doc/tool.txt")) {
            assertThat(inode(again.resolve(p))).as(p).isEqualTo(inode(usr.resolve(p)));
        }
    }

    static Path variant(AssetStore store, Digest128 d, int mode) {
        Path asset = store.pathFor(d);
        return asset.resolveSibling(asset.getFileName() + "." + Integer.toOctalString(mode) + "-0-0");
    }

    /**
     * The blit links assets it knows nothing of and reads their stat through the new link; a
     * missing one is a {@link MissingAssetException}, and a store file that is not a regular file
     * (a symlink planted there) is refused, never linked into the tree.
     */
    @Test
    void missingAndNonRegularAssetsStopTheBlit() throws IOException {
        AssetStore store = store();
        Digest128 d = put(store, "content");
        Files.delete(store.pathFor(d));
        VfsTree tree = VfsTree.builder().add("a", file("bin/tool", d, 0644)).build();
        assertThatThrownBy(() -> new Blitter(store, BlitListener.NONE, ROOT, 2).blit(tree, dir.resolve("usr")))
                .isInstanceOf(MissingAssetException.class).hasMessageContaining(store.pathFor(d).toString());

        Files.createSymbolicLink(store.pathFor(d), Path.of("elsewhere"));
        AssetStore fresh = store();
        assertThatThrownBy(() -> new Blitter(fresh, BlitListener.NONE, ROOT, 2).blit(tree, dir.resolve("usr2")))
                .isInstanceOf(IOException.class).hasMessageContaining("not a regular file");
        assertThat(dir.resolve("usr2/bin/tool")).doesNotExist();
        // and a store object that probed it first refuses it too
        AssetStore probed = store();
        assertThat(probed.contains(d)).isTrue();
        assertThatThrownBy(() -> new Blitter(probed, BlitListener.NONE, ROOT, 2).blit(tree, dir.resolve("usr3")))
                .isInstanceOf(IOException.class).hasMessageContaining("not a regular file");
    }

    @Test
    void conflictsAreRefusedBeforeWritingAndIdenticalEntriesAreFine() throws IOException {
        AssetStore store = store();
        Digest128 one = put(store, "one");
        Digest128 two = put(store, "two");
        VfsTree same = VfsTree.builder().add("a", file("bin/x", one, 0755)).add("b", file("bin/x", one, 0755)).build();
        assertThat(same.size()).isEqualTo(2);
        assertThatThrownBy(() -> VfsTree.builder().add("pkg-a", file("bin/x", one, 0755))
                .add("pkg-b", file("bin/x", two, 0755)).build())
                .isInstanceOf(FileConflictException.class)
                .hasMessageContaining("/usr/bin/x (pkg-a vs pkg-b: different contents)");
        assertThatThrownBy(() -> VfsTree.builder().add("pkg-a", file("lib/x", one, 0644))
                .add("pkg-b", file("lib/x/y", two, 0644)).build())
                .isInstanceOf(FileConflictException.class).hasMessageContaining("pkg-a vs pkg-b");
        assertThatThrownBy(() -> VfsTree.builder().add("pkg-a", file("bin/x", one, 0755))
                .add("pkg-b", file("bin/x", one, 0644)).build())
                .hasMessageContaining("mode 755 vs 644");
    }

    @Test
    void pathsBelowSymlinkedDirectoriesAreMovedOrRefused() throws IOException {
        AssetStore store = store();
        Digest128 one = put(store, "one");
        VfsTree tree = VfsTree.builder()
                .add("layout", link("lib64", "lib"))
                .add("glibc", file("lib64/ld.so", one, 0755))
                .add("glibc", file("lib/libc.so", one, 0755))
                .build();
        Path usr = dir.resolve("usr");
        new Blitter(store, BlitListener.NONE, ROOT, 2).blit(tree, usr);
        assertThat(Files.isSymbolicLink(usr.resolve("lib64"))).isTrue();
        assertThat(usr.resolve("lib/ld.so")).exists();
        for (String evil : List.of("../../etc", "/etc", "../..", "/")) {
            assertThatThrownBy(() -> VfsTree.builder().add("evil", link("share/x", evil))
                    .add("evil", file("share/x/passwd", one, 0644)).build())
                    .as(evil).isInstanceOf(FileConflictException.class).hasMessageContaining("leaves /usr");
        }
    }
}
