package dev.moss.store.asset;

import static org.assertj.core.api.Assertions.assertThat;

import dev.moss.format.StoneReader;
import dev.moss.format.digest.Digest128;
import dev.moss.format.digest.Xxh3;
import dev.moss.format.record.LayoutEntry;
import dev.moss.format.record.LayoutRecord;
import dev.moss.store.TestStones;
import dev.moss.store.fs.LinuxNativeFs;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every way of naming imported files ({@link AssetNaming}) must leave the same store: each asset
 * at its name with its content, the mode (and, as root, the owner) of its first use whatever the
 * umask, and nothing else, not even a {@code .part} or a probe file.
 */
class AssetImporterTest {
    @TempDir
    Path dir;

    static final boolean ROOT = LinuxNativeFs.geteuid() == 0;

    /** One file of the test package: path, mode, owner, content. */
    record Entry(String path, int mode, int uid, int gid, String text) {
        byte[] bytes() {
            return text.getBytes(StandardCharsets.UTF_8);
        }

        Digest128 digest() {
            return Xxh3.hash128(bytes());
        }
    }

    static List<Entry> entries() {
        List<Entry> e = new ArrayList<>(List.of(
                new Entry("bin/tool", 0755, 0, 0, "tool body"),
                new Entry("bin/su", 04755, 0, 0, "setuid body"),
                new Entry("bin/sg", 02711, 0, 12, "setgid body"),
                new Entry("share/secret", 0600, 1234, 4321, "secret body"),
                new Entry("share/ro", 0444, 0, 0, "read-only body"),
                new Entry("share/none", 0000, 0, 0, "no access at all"),
                new Entry("share/dup", 0644, 0, 0, "tool body"), // second use of bin/tool's content
                new Entry("share/empty", 0644, 0, 0, "")));
        for (int i = 0; i < 300; i++) {
            e.add(new Entry("share/many/f" + i, 0644, 0, 0, "small file " + i + "\n".repeat(i % 7)));
        }
        return e;
    }

    /** Mode and owner of each digest's first use, as the importer must give them. */
    static Map<Digest128, Entry> firstUses(List<Entry> entries) {
        Map<Digest128, Entry> first = new LinkedHashMap<>();
        entries.forEach(e -> first.putIfAbsent(e.digest(), e));
        return first;
    }

    Path stone(List<Entry> entries) throws IOException {
        return TestStones.write(dir, "importee", entries.stream()
                .map(e -> new LayoutRecord(e.uid(), e.gid(), 0100000 | e.mode(), 0, new LayoutEntry.Regular(e.digest(), e.path())))
                .toList(), firstUses(entries).values().stream().map(e -> new TestStones.Content(e.digest(), e.bytes())).toList());
    }

    /** Whether this process and filesystem can use {@code way}; the probe tries the best first. */
    static boolean available(AssetNaming way, Path where) throws IOException {
        Files.createDirectories(where);
        int fd = LinuxNativeFs.openDirectory(where.toString());
        try {
            return AssetNaming.probe(fd).ordinal() <= way.ordinal();
        } finally {
            LinuxNativeFs.close(fd);
        }
    }

    @ParameterizedTest
    @EnumSource(AssetNaming.class)
    void everyNamingLeavesTheSameStore(AssetNaming way) throws IOException {
        Assumptions.assumeTrue(available(way, dir.resolve("probe")),
                way + " does not work here (needs root for LINK_DESCRIPTOR, O_TMPFILE and /proc for LINK_PROC_FD)");
        List<Entry> entries = entries();
        Path stone = stone(entries);
        for (int umask : new int[] {022, 077}) {
            Path root = dir.resolve("assets-" + Integer.toOctalString(umask));
            AssetStore store = new AssetStore(root, ROOT);
            store.useNaming(way);
            int old = LinuxNativeFs.umask(umask);
            AssetImporter.Result first;
            AssetImporter.Result again;
            try (StoneReader r = StoneReader.open(stone)) {
                AssetImporter importer = new AssetImporter(store, ROOT);
                first = importer.importContent(r);
                again = new AssetImporter(new AssetStore(root, ROOT), ROOT).importContent(r);
            } finally {
                LinuxNativeFs.umask(old);
                store.close();
            }
            Map<Digest128, Entry> uses = firstUses(entries);
            assertThat(first.imported()).isEqualTo(uses.size());
            assertThat(again.alreadyPresent()).isEqualTo(uses.size());
            assertStore(root, uses);
        }
    }

    /**
     * Importers running at once, one stone each, as an install's import threads do on one store
     * object; and, for the unnamed-file namings, on two store objects of one directory, where
     * either may find the other's file already at the name it is about to link. (Two processes
     * never import into one store at once: every writing command holds the installation's lock,
     * which the {@code .part} naming relies on.) Every asset ends up once and complete, and each
     * import accounts for every file.
     */
    @ParameterizedTest
    @EnumSource(AssetNaming.class)
    void concurrentImportersAgree(AssetNaming way) throws Exception {
        Assumptions.assumeTrue(available(way, dir.resolve("probe")), way + " does not work here");
        List<Entry> entries = entries();
        Path stone = stone(entries);
        Map<Digest128, Entry> uses = firstUses(entries);
        for (int round = 0; round < 6; round++) {
            boolean separate = round % 2 == 1;
            if (separate && way == AssetNaming.RENAME_PART) {
                continue;
            }
            Path root = dir.resolve("assets-" + round);
            AssetStore shared = new AssetStore(root, ROOT);
            shared.useNaming(way);
            List<Future<AssetImporter.Result>> results = new ArrayList<>();
            try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
                for (int i = 0; i < 2; i++) {
                    results.add(pool.submit(() -> {
                        AssetStore store = separate ? new AssetStore(root, ROOT) : shared;
                        store.useNaming(way);
                        try (StoneReader r = StoneReader.open(stone)) {
                            return new AssetImporter(store, ROOT).importContent(r);
                        } finally {
                            if (separate) {
                                store.close();
                            }
                        }
                    }));
                }
            } finally {
                shared.close();
            }
            for (Future<AssetImporter.Result> f : results) {
                AssetImporter.Result r = f.get();
                assertThat(r.imported() + r.alreadyPresent()).isEqualTo(uses.size());
            }
            assertStore(root, uses);
        }
    }

    @Test
    void aStalePartWithTheWrongModeIsReplaced() throws IOException {
        List<Entry> entries = entries();
        Path stone = stone(entries);
        Path root = dir.resolve("assets");
        Entry tool = entries.getFirst();
        Path part = root.resolve(AssetStore.relativeName(tool.digest()) + ".part");
        Files.createDirectories(part.getParent());
        Files.writeString(part, "garbage from a crashed import, longer than the real file");
        Files.setPosixFilePermissions(part, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        AssetStore store = new AssetStore(root, ROOT);
        store.useNaming(AssetNaming.RENAME_PART);
        try (StoneReader r = StoneReader.open(stone)) {
            new AssetImporter(store, ROOT).importContent(r);
        } finally {
            store.close();
        }
        assertStore(root, firstUses(entries));
    }

    @Test
    void theProbeLeavesNothingBehind() throws IOException {
        Path root = dir.resolve("assets");
        try (AssetStore store = new AssetStore(root, ROOT)) {
            AssetNaming way = store.naming();
            assertThat(way).isNotNull();
            if (ROOT && way == AssetNaming.LINK_PROC_FD) {
                System.err.println("root without CAP_DAC_READ_SEARCH here: imports link through /proc");
            }
        }
        try (Stream<Path> s = Files.list(root)) {
            assertThat(s).isEmpty();
        }
    }

    static void assertStore(Path root, Map<Digest128, Entry> uses) throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.walk(root)) {
            files = s.filter(p -> !Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)).toList();
        }
        assertThat(files).hasSize(uses.size());
        for (Map.Entry<Digest128, Entry> u : uses.entrySet()) {
            Path asset = root.resolve(AssetStore.relativeName(u.getKey()));
            Entry e = u.getValue();
            assertThat(Files.isRegularFile(asset, LinkOption.NOFOLLOW_LINKS)).as(e.path()).isTrue();
            assertThat((Integer) Files.getAttribute(asset, "unix:mode", LinkOption.NOFOLLOW_LINKS))
                    .as("mode of %s", e.path()).isEqualTo(0100000 | e.mode());
            if (ROOT) {
                assertThat(Files.getAttribute(asset, "unix:uid", LinkOption.NOFOLLOW_LINKS)).isEqualTo(e.uid());
                assertThat(Files.getAttribute(asset, "unix:gid", LinkOption.NOFOLLOW_LINKS)).isEqualTo(e.gid());
            }
            if (ROOT || (e.mode() & 0400) != 0) {
                assertThat(Xxh3.hash128(Files.readAllBytes(asset))).as(e.path()).isEqualTo(u.getKey());
            }
        }
    }
}
