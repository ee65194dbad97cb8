package dev.moss.tests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.moss.format.digest.Xxh3;
import dev.moss.store.StagedTree;
import dev.moss.store.TreeSnapshot;
import dev.moss.store.asset.AssetStore;
import dev.moss.store.fs.FileStat;
import dev.moss.store.pack.Pack;
import dev.moss.store.pack.PackRequest;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code moss state verify} run by the real CLI in its own JVM, as a user would: on a clean
 * install, on a damaged one without a terminal (refused, nothing changed), with {@code --json},
 * with {@code -y} (repaired to the byte), and on a state with many entries.
 *
 * <p>The large case has 20,000 entries by default; {@code -Dmoss.verify.entries=100000} runs the
 * 100k version.
 */
class StateVerifyTest {
    @TempDir
    Path dir;

    private MossProcess.Result moss(String... args) throws Exception {
        return MossProcess.run(List.of(), dir, args);
    }

    private Path pack(Path staged, String name) throws IOException {
        return Pack.run(PackRequest.builder(staged, name, "1", 1).outputDir(dir.resolve("stones")).level(1).build())
                .file();
    }

    private static Path assetOf(Path root, Path treeFile) throws IOException {
        return root.resolve(".moss/assets/v2").resolve(AssetStore.relativeName(Xxh3.hash128(Files.readAllBytes(treeFile))));
    }

    private static void flipByte(Path file) throws IOException {
        FileStat.chmod(file, FileStat.of(file).permissions() | 0200);
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ch.write(ByteBuffer.wrap(new byte[] {'!'}), 0);
        }
    }

    /** Everything verify may look at or change: the store and every tree. */
    private static Map<String, TreeSnapshot.Node> disk(Path root) throws IOException {
        Map<String, TreeSnapshot.Node> all = new java.util.TreeMap<>();
        TreeSnapshot.of(root.resolve(".moss/root")).forEach((k, v) -> all.put("root/" + k, v));
        TreeSnapshot.of(root.resolve(".moss/assets")).forEach((k, v) -> all.put("assets/" + k, v));
        return all;
    }

    @Test
    void findsRefusesWithoutTerminalReportsJsonAndRepairsWithYes() throws Exception {
        Path root = Files.createDirectory(dir.resolve("root"));
        Path rich = pack(StagedTree.rich(dir.resolve("rich")).root(), "rich");
        Path extra = pack(new StagedTree(dir.resolve("extra")).file("usr/share/extra/a", "extra", 0644).root(), "extra");
        assertThat(moss("-D", root.toString(), "install", "-y", rich.toString()).exit()).isZero();
        assertThat(moss("-D", root.toString(), "install", "-y", extra.toString()).exit()).isZero();
        Path archived = root.resolve(".moss/root/1/usr");
        Path active = root.resolve(".moss/root/2/usr");

        MossProcess.Result clean = moss("-D", root.toString(), "state", "verify");
        assertThat(clean.exit()).as(clean.err()).isZero();
        assertThat(clean.out()).isEqualTo("No issues found\n");
        Map<String, TreeSnapshot.Node> good = disk(root);

        flipByte(assetOf(root, active.resolve("bin/hello"))); // in the store and, by hardlink, in both trees
        FileStat.chmod(archived.resolve("share/empty-private"), 0755);
        Files.delete(archived.resolve("bin/hi"));
        Files.createSymbolicLink(archived.resolve("bin/hi"), Path.of("nowhere"));
        Files.delete(active.resolve("bin/wall-ish"));
        Map<String, TreeSnapshot.Node> damaged = disk(root);

        MossProcess.Result refused = moss("-D", root.toString(), "state", "verify");
        assertThat(refused.exit()).isEqualTo(1);
        assertThat(refused.out()).startsWith("Found 6 issue(s)\n")
                .contains(" × corrupt asset ", " × state 1: /usr/bin/hello: content hashes to ",
                        " × state 1: /usr/bin/hi: symlink to \"nowhere\", expected \"hello\"",
                        " × state 1: /usr/share/empty-private: mode 0755, expected 0700",
                        " × state 2: /usr/bin/hello: content hashes to ",
                        " × state 2: /usr/bin/wall-ish: missing (a regular file)");
        assertThat(refused.err()).isEqualTo("error: \"Fixing issues, this will change your system state. Do you wish to"
                + " continue?\" needs an answer, but there is no terminal to ask on; pass -y to answer yes\n");
        assertThat(disk(root)).as("a refused repair changes nothing").isEqualTo(damaged);

        MossProcess.Result json = moss("-D", root.toString(), "state", "verify", "--json");
        assertThat(json.exit()).isEqualTo(1);
        JsonNode doc = new ObjectMapper().readTree(json.out());
        List<String> kinds = new ArrayList<>();
        doc.get("issues").forEach(i -> kinds.add(i.get("kind").asText() + " " + i.path("state").asText("-")));
        assertThat(kinds).containsExactly("corrupt-asset -", "corrupt-path 1", "wrong-link-target 1", "wrong-mode 1",
                "corrupt-path 2", "missing-path 2");
        assertThat(doc.get("issues").get(0).get("digest").asText()).isEqualTo(
                Xxh3.hash128("#!/bin/sh\necho hello\n".getBytes()).toHex());
        assertThat(disk(root)).isEqualTo(damaged);

        MossProcess.Result fixed = moss("-D", root.toString(), "-y", "state", "verify");
        assertThat(fixed.exit()).as(fixed.out() + fixed.err()).isZero();
        assertThat(fixed.out()).contains("Deleted 1 corrupt store file(s)\nReimported rich 1-1\nReblitted state 1\n"
                + "Reblitted state 2\nAll issues resolved\n");
        assertThat(disk(root)).as("trees and store as they were before the damage").isEqualTo(good);
        assertThat(Files.readSymbolicLink(root.resolve("usr"))).isEqualTo(Path.of(".moss/root/2/usr"));

        MossProcess.Result again = moss("-D", root.toString(), "state", "verify");
        assertThat(again.out()).isEqualTo("No issues found\n");
        assertThat(again.exit()).isZero();
    }

    @Test
    void manyEntries() throws Exception {
        int entries = Integer.getInteger("moss.verify.entries", 20_000);
        int dirs = 100;
        StagedTree t = new StagedTree(dir.resolve("big"));
        for (int i = 0; i < entries; i++) {
            // a tenth as many contents as files, and a 0755 twin of some: duplicates and variants
            t.file("usr/share/big/d" + (i % dirs) + "/f" + i, "content " + (i % (entries / 10)) + "\n",
                    i % 7 == 0 ? 0755 : 0644);
        }
        Path stone = pack(t.root(), "big");
        Path root = Files.createDirectory(dir.resolve("root"));
        assertThat(moss("-D", root.toString(), "install", "-y", stone.toString()).exit()).isZero();

        long start = System.nanoTime();
        MossProcess.Result clean = moss("-D", root.toString(), "-v", "state", "verify");
        double wall = (System.nanoTime() - start) / 1e9;
        assertThat(clean.exit()).as(clean.err()).isZero();
        assertThat(clean.out()).endsWith("No issues found\n");
        Matcher m = Pattern.compile("and (\\d+) entries in 1 state\\(s\\), read (\\d+) file\\(s\\), in ([0-9.]+) s")
                .matcher(clean.out());
        assertThat(m.find()).as(clean.out()).isTrue();
        assertThat(Long.parseLong(m.group(1))).isEqualTo(entries + dirs + 3); // + usr, usr/share, usr/share/big

        Path usr = root.resolve("usr");
        flipByte(assetOf(root, usr.resolve("share/big/d3/f3")));
        FileStat.chmod(usr.resolve("share/big/d5"), 0700);
        start = System.nanoTime();
        MossProcess.Result fixed = moss("-D", root.toString(), "-y", "state", "verify");
        double repair = (System.nanoTime() - start) / 1e9;
        assertThat(fixed.exit()).as(fixed.out() + fixed.err()).isZero();
        assertThat(fixed.out()).contains("Reblitted state 1\nAll issues resolved\n");
        assertThat(Files.readString(usr.resolve("share/big/d3/f3"))).isEqualTo("content 3\n");
        assertThat(FileStat.of(usr.resolve("share/big/d5")).permissions()).isEqualTo(0755);
        System.out.printf("state verify: %s entries checked in %s s (CLI run %.2f s); verify -y with one corrupt"
                + " asset and one wrong mode, repair and second pass included: %.2f s%n", m.group(1), m.group(3), wall,
                repair);
    }
}
