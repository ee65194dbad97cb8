package dev.moss.store.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.moss.format.Fixtures;
import dev.moss.format.StoneReader;
import dev.moss.format.header.FileType;
import dev.moss.format.index.RepositoryIndex;
import dev.moss.format.meta.PackageMeta;
import dev.moss.store.MossException;
import dev.moss.store.StagedTree;
import dev.moss.store.pack.Pack;
import dev.moss.store.pack.PackRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IndexTest {
    @TempDir
    Path tmp;

    Path root;

    @BeforeEach
    void tree() throws Exception {
        root = new StagedTree(tmp.resolve("root")).file("usr/share/f", "f", 0644).root();
    }

    private Path pack(Path dir, String name, long release, long buildRelease) throws Exception {
        return Pack.run(PackRequest.builder(root, name, "1." + release, release).buildRelease(buildRelease)
                .architecture("x86_64").outputDir(dir).level(1).build()).file();
    }

    private static List<PackageMeta> read(Path index) throws Exception {
        try (StoneReader r = StoneReader.open(index)) {
            assertThat(r.header().fileType()).isEqualTo(FileType.REPOSITORY);
            return RepositoryIndex.read(r);
        }
    }

    @Test
    void highestReleaseWinsAndFieldsAreCorrect() throws Exception {
        Path repo = tmp.resolve("repo");
        pack(repo.resolve("a"), "alpha", 1, 1);
        Path alpha2 = pack(repo.resolve("a"), "alpha", 2, 1);
        pack(repo.resolve("b/deeper"), "beta", 5, 9);
        Path fixture = Fixtures.bashCompletion(Files.createDirectories(repo.resolve("b")));

        IndexResult result = Index.run(repo, repo);

        assertThat(result.stonesFound()).isEqualTo(4);
        assertThat(result.indexFile()).isEqualTo(repo.toRealPath().resolve("stone.index"));
        List<PackageMeta> entries = read(result.indexFile());
        assertThat(entries).extracting(PackageMeta::name).containsExactly("alpha", "bash-completion", "beta");
        PackageMeta alpha = entries.getFirst();
        assertThat(alpha.release()).isEqualTo(2);
        assertThat(alpha.uri()).contains("a/alpha-1.2-2-1-x86_64.stone");
        assertThat(alpha.hash()).contains(sha256(alpha2));
        assertThat(alpha.downloadSize()).contains(Files.size(alpha2));
        PackageMeta bc = entries.get(1);
        assertThat(bc.uri()).contains("b/bash-completion-2.11-1-1-x86_64.stone");
        assertThat(bc.hash()).contains("13e2bce256b183ee0c721bd6cc438be8dcebf95850c8d851801e4ce000195d94");
        assertThat(bc.downloadSize()).contains(168864L);
        assertThat(entries.get(2).uri()).contains("b/deeper/beta-1.5-5-9-x86_64.stone");
        assertThat(result.packages()).extracting(IndexedPackage::uri)
                .containsExactly("a/alpha-1.2-2-1-x86_64.stone", "b/bash-completion-2.11-1-1-x86_64.stone",
                        "b/deeper/beta-1.5-5-9-x86_64.stone");
        assertThat(fixture).exists();
    }

    @Test
    void urisAreRelativeToTheOutputDirectory() throws Exception {
        Path repo = tmp.resolve("repo");
        pack(repo.resolve("pool"), "alpha", 1, 1);
        IndexResult result = Index.run(repo, tmp.resolve("elsewhere/index"));
        assertThat(result.indexFile()).isEqualTo(tmp.toRealPath().resolve("elsewhere/index/stone.index"));
        assertThat(read(result.indexFile()).getFirst().uri()).contains("../../repo/pool/alpha-1.1-1-1-x86_64.stone");
        assertThat(repo.resolve("stone.index")).doesNotExist();
    }

    @Test
    void sameNameAndReleaseIsAnErrorNamingBothFiles() throws Exception {
        Path repo = tmp.resolve("repo");
        Path a = pack(repo.resolve("x"), "alpha", 3, 1);
        Path b = pack(repo.resolve("y"), "alpha", 3, 2); // build release does not count
        assertThatThrownBy(() -> Index.run(repo, repo))
                .isInstanceOf(DuplicateReleaseException.class)
                .hasMessageContaining("two files with the same release")
                .hasMessageContaining(a.getFileName().toString())
                .hasMessageContaining(b.getFileName().toString());
        assertThat(repo.resolve("stone.index")).doesNotExist();
    }

    @Test
    void damagedStoneIsNamed() throws Exception {
        Path repo = tmp.resolve("repo");
        Path a = pack(repo, "alpha", 1, 1);
        byte[] bytes = Files.readAllBytes(a);
        bytes[40] ^= 1; // inside the meta payload
        Files.write(a, bytes);
        assertThatThrownBy(() -> Index.run(repo, repo)).isInstanceOf(MossException.class)
                .hasMessageContaining(a.getFileName().toString())
                .cause().hasMessageContaining("payload 0 (Meta)");
    }

    @Test
    void emptyDirectoryGivesEmptyIndex() throws Exception {
        Path repo = Files.createDirectories(tmp.resolve("repo"));
        IndexResult result = Index.run(repo, repo);
        assertThat(result.packages()).isEmpty();
        assertThat(read(result.indexFile())).isEmpty();
    }

    private static String sha256(Path p) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p)));
    }
}
