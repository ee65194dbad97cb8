package dev.moss.tests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.moss.format.digest.Xxh3;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.SortedMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Damaged stones given to {@code install} and {@code install --to}: cut short, a byte flipped in
 * each payload, a file whose bytes are not its digest, no stone at all. Each command fails with
 * one {@code error:} line naming the file, exit 1, and changes nothing at all: the whole test
 * directory (the installation with its store, cache, databases and trees, the stones, the
 * {@code --to} target that must not appear) lists the same, byte for byte, before and after.
 *
 * <p>The damage in the content payload is found only while importing, after the files before it
 * were written, verified and named in the store: those must go again, with the directories made
 * for them and the stone's copy in the download cache.
 */
class DamagedStoneInstallTest extends E2eTest {
    private Path good;

    @BeforeEach
    void installOne() throws Exception {
        TestStones.TestStone base = TestStones.named("base").files(5).build(dir);
        MossInProcess.ok(root, "install", "-y", base.path());
        // Incompressible files, so the content payload is long and a flipped byte in it is met
        // half-way through decompression, after many files were imported.
        TestStones big = TestStones.named("big");
        Random random = new Random(7);
        for (int i = 0; i < 60; i++) {
            byte[] b = new byte[3000];
            random.nextBytes(b);
            big.file("lib/big/f" + i, b, 0644);
        }
        good = big.build(dir).file();
    }

    /** What to do to the good stone's bytes. */
    interface Damage {
        byte[] apply(byte[] stone);
    }

    static Stream<Arguments> damages() {
        return Stream.of(
                damage("empty file", b -> new byte[0]),
                damage("not a stone", b -> "#!/bin/sh\necho hello\n".getBytes()),
                damage("cut in the header", b -> java.util.Arrays.copyOf(b, 20)),
                damage("cut in the meta payload", b -> java.util.Arrays.copyOf(b, 100)),
                damage("cut half-way", b -> java.util.Arrays.copyOf(b, b.length / 2)),
                damage("cut 1 byte short", b -> java.util.Arrays.copyOf(b, b.length - 1)),
                damage("byte flipped in the meta payload", b -> flip(b, 32 + 32 + 10)),
                damage("byte flipped in the middle of the content", b -> flip(b, b.length - 90_000)),
                damage("byte flipped at the end of the content", b -> flip(b, b.length - 12)));
    }

    private static Arguments damage(String name, Damage d) {
        return Arguments.of(name, d);
    }

    private static byte[] flip(byte[] b, int at) {
        byte[] out = b.clone();
        out[at] ^= (byte) 0x5a;
        return out;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("damages")
    void damagedStoneChangesNothing(String name, Damage damage) throws Exception {
        Path stone = dir.resolve("damaged.stone");
        Files.write(stone, damage.apply(Files.readAllBytes(good)));
        assertRefusedWithoutChange(stone, name.contains("content"));
    }

    /**
     * A byte flipped in the middle of the content and the payload's checksum written anew: only
     * the file's own digest tells, after the files before it were named.
     */
    @org.junit.jupiter.api.Test
    void fileWhoseBytesAreNotItsDigestChangesNothing() throws Exception {
        byte[] b = Files.readAllBytes(good);
        ByteBuffer buf = ByteBuffer.wrap(b); // big-endian, as the format
        int at = 32;
        while (b[at + 30] != 2) { // kind 2: Content
            at += 32 + Math.toIntExact(buf.getLong(at));
        }
        int body = at + 32;
        int length = Math.toIntExact(buf.getLong(at));
        b[body + length / 2] ^= (byte) 0x5a;
        buf.putLong(at + 16, Xxh3.hash64(b, body, length));
        Path stone = dir.resolve("forged.stone");
        Files.write(stone, b);
        assertRefusedWithoutChange(stone, true);
    }

    private void assertRefusedWithoutChange(Path stone, boolean inContent) throws Exception {
        Path to = dir.resolve("container");
        SortedMap<String, Listing.Node> before = Listing.of(dir);
        for (String[] args : new String[][] {{"install", "-y", stone.toString()},
                {"install", "--to", to.toString(), stone.toString()}}) {
            MossProcess.Result r = moss(args);
            assertThat(r.exit()).as(r.toString()).isEqualTo(1);
            assertThat(r.errLines()).as(r.toString()).hasSize(1);
            assertThat(r.err()).as(r.toString()).startsWith("error: \"" + stone);
            if (inContent) {
                assertThat(r.err()).as("the damage must be met while importing").containsIgnoringCase("content");
            }
            assertThat(Listing.text(Listing.of(dir))).as("after %s", String.join(" ", args))
                    .isEqualTo(Listing.text(before));
        }
        RootCheck.Found f = RootCheck.assertWhole(root);
        assertThat(f.states()).hasSize(1);
        // and the good stone still installs afterwards
        mossOk("install", "-y", good.toString());
        assertThat(RootCheck.assertWhole(root).states()).hasSize(2);
    }
}
