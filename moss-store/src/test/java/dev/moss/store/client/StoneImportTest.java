package dev.moss.store.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.moss.format.digest.Xxh3;
import dev.moss.store.MossException;
import dev.moss.store.StagedTree;
import dev.moss.store.TreeSnapshot;
import dev.moss.store.pack.Pack;
import dev.moss.store.pack.PackRequest;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Stones imported by several workers at once into one store, where many files of different
 * stones have the same content: each asset is written once, by one worker, and nothing half-done
 * is left behind, also when one stone turns out damaged half-way through.
 */
class StoneImportTest {
    private static final int STONES = 8;

    @TempDir
    Path tmp;

    Path root;
    List<Path> stones = new ArrayList<>();
    Set<String> bodies = new HashSet<>();

    @BeforeEach
    void packStones() throws IOException {
        root = Files.createDirectory(tmp.resolve("root"));
        for (int s = 0; s < STONES; s++) {
            StagedTree t = new StagedTree(tmp.resolve("staged" + s));
            for (int i = 0; i < 150; i++) {
                // a third shared by every stone, a third shared by neighbours, a third unique
                String body = switch (i % 3) {
                    case 0 -> "shared " + (i % 40);
                    case 1 -> "pair " + (s / 2) + " " + i;
                    default -> "own " + s + " " + i + " " + "x".repeat(i * 37);
                };
                bodies.add(body);
                t.file("usr/share/p" + s + "/d" + (i % 7) + "/f" + i, body, i % 5 == 0 ? 0755 : 0644);
            }
            stones.add(Pack.run(PackRequest.builder(t.root(), "p" + s, "1", 1).outputDir(tmp.resolve("stones"))
                    .level(1).build()).file());
        }
    }

    private InstallResult installTo(Path target) throws IOException {
        try (Client client = Client.openWriter(root, false, ClientListener.YES)) {
            return Install.apply(client, Install.plan(client, stones, Optional.of(target), false), ClientListener.YES);
        }
    }

    private List<Path> storeFiles() throws IOException {
        try (Stream<Path> s = Files.walk(root.resolve(".moss/assets/v2"))) {
            return s.filter(Files::isRegularFile).toList();
        }
    }

    @Test
    void everySharedAssetIsWrittenOnceAndVerified() throws IOException {
        InstallResult r = installTo(tmp.resolve("out"));

        assertThat(r.imported()).isEqualTo(bodies.size());
        List<Path> files = storeFiles();
        assertThat(files).noneMatch(f -> f.getFileName().toString().endsWith(".part"));
        Set<String> names = new HashSet<>();
        for (Path f : files) {
            String name = f.getFileName().toString();
            if (name.contains(".")) {
                continue; // a variant: same bytes, another mode
            }
            assertThat(Xxh3.hash128(Files.readAllBytes(f)).toHex()).as(f.toString()).isEqualTo(name);
            names.add(name);
        }
        assertThat(names).hasSize(bodies.size());
        Map<String, TreeSnapshot.Node> tree = TreeSnapshot.of(tmp.resolve("out/usr"));
        assertThat(tree.keySet().stream().filter(p -> p.contains("/f"))).hasSize(STONES * 150);

        // Again, from the filled store: nothing is imported, every stone is only checked.
        InstallResult again = installTo(tmp.resolve("out2"));
        assertThat(again.imported()).isZero();
        assertThat(again.importSkipped()).isEqualTo(STONES);
        assertThat(TreeSnapshot.of(tmp.resolve("out2/usr"))).isEqualTo(tree);
    }

    @Test
    void aStoneDamagedMidContentFailsTheImportAndTakesOutWhatItAdded() throws IOException {
        Path bad = stones.get(STONES / 2);
        try (RandomAccessFile f = new RandomAccessFile(bad.toFile(), "rw")) {
            long at = f.length() - 40; // inside the content payload, the last one
            f.seek(at);
            int b = f.read();
            f.seek(at);
            f.write(b ^ 0x5a);
        }
        assertThatThrownBy(() -> installTo(tmp.resolve("out")))
                .isInstanceOf(MossException.class)
                .hasMessageContaining(bad.toString());

        assertThat(tmp.resolve("out")).doesNotExist();
        // The other stones were imported side by side, some completely: one command, so all of it goes,
        // files and fan-out directories alike.
        try (Stream<Path> s = Files.walk(root.resolve(".moss/assets/v2"))) {
            assertThat(s.map(p -> root.relativize(p).toString())).containsExactly(".moss/assets/v2");
        }
    }
}
