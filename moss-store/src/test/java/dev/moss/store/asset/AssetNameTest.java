package dev.moss.store.asset;

import static org.assertj.core.api.Assertions.assertThat;

import dev.moss.format.digest.Digest128;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Asset names: upstream's unpadded hex, fanned out as {@code aa/bb/cc/<hex>} from ten digits on. */
class AssetNameTest {
    /** The rule spelled out with strings, as the reference says it. */
    private static String expected(Digest128 d) {
        String hex = d.toHex();
        return hex.length() < 10 ? hex
                : hex.substring(0, 2) + "/" + hex.substring(2, 4) + "/" + hex.substring(4, 6) + "/" + hex;
    }

    private static void check(Digest128 d) {
        assertThat(new String(AssetStore.relativeNameBytes(d), StandardCharsets.ISO_8859_1))
                .as(d.toPaddedHex()).isEqualTo(expected(d));
        assertThat(AssetStore.relativeName(d)).isEqualTo(expected(d));
    }

    @Test
    void fullLengthDigest() {
        Digest128 d = Digest128.fromHex("ab12cd34ef5678900987654321fedcba");
        assertThat(AssetStore.relativeName(d)).isEqualTo("ab/12/cd/ab12cd34ef5678900987654321fedcba");
    }

    @Test
    void leadingZerosAreDroppedAndShortNamesStayAtTheTop() {
        assertThat(AssetStore.relativeName(new Digest128(0, 0))).isEqualTo("00");
        assertThat(AssetStore.relativeName(new Digest128(0, 0xabcL))).isEqualTo("abc");
        assertThat(AssetStore.relativeName(new Digest128(0, 0x123456789L))).isEqualTo("123456789");
        assertThat(AssetStore.relativeName(new Digest128(0, 0x123456789aL))).isEqualTo("12/34/56/123456789a");
        assertThat(AssetStore.relativeName(new Digest128(1, 0))).isEqualTo("10/00/00/10000000000000000");
    }

    @Test
    void everyLengthAgreesWithTheStringRule() {
        SplittableRandom random = new SplittableRandom(42);
        for (int digits = 1; digits <= 32; digits++) {
            for (int n = 0; n < 200; n++) {
                Digest128 full = new Digest128(random.nextLong(), random.nextLong());
                int drop = 128 - 4 * digits; // keep the low `digits` hex digits
                long high = drop >= 64 ? 0 : (drop == 0 ? full.high() : full.high() & (-1L >>> drop));
                long low = drop > 64 ? full.low() & (-1L >>> (drop - 64)) : full.low();
                check(new Digest128(high, low));
            }
        }
        check(Digest128.EMPTY);
    }
}
