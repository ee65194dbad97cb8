package dev.moss.db.layout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.moss.format.digest.Digest128;
import java.math.BigInteger;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DecimalDigestsTest {
    @Test
    void agreesWithTheFormatLibraryOnRandomAndEdgeValues() {
        SplittableRandom random = new SplittableRandom(20240304);
        for (int i = 0; i < 20_000; i++) {
            // Vary the magnitude so every digit count from 1 to 39 is exercised.
            int bits = random.nextInt(129);
            long high = bits > 64 ? random.nextLong() >>> (128 - bits) : 0;
            long low = bits >= 64 ? random.nextLong() : bits == 0 ? 0 : random.nextLong() >>> (64 - bits);
            check(new Digest128(high, low));
        }
        check(new Digest128(0, 0));
        check(new Digest128(-1, -1));
        check(new Digest128(0, -1));
        check(new Digest128(1, 0));
        check(Digest128.EMPTY);
        check(new Digest128(0, 999_999_999_999_999_999L));
        check(new Digest128(0, 1_000_000_000_000_000_000L));
    }

    private static void check(Digest128 d) {
        String text = d.toDecimal();
        assertThat(DecimalDigests.parse(text)).as(text).isEqualTo(d).isEqualTo(Digest128.fromDecimal(text));
    }

    @Test
    void leadingZerosAndSignsAreTreatedLikeTheFormatLibrary() {
        assertThat(DecimalDigests.parse("0000000000000000000000000000000000000042")).isEqualTo(new Digest128(0, 42));
        assertThat(DecimalDigests.parse("+42")).isEqualTo(Digest128.fromDecimal("+42"));
    }

    @Test
    void refusesWhatIsNotAU128() {
        String twoTo128 = BigInteger.ONE.shiftLeft(128).toString();
        for (String bad : new String[] {"", "-1", "12a", " 1", twoTo128, "9".repeat(39), "1" + "0".repeat(40)}) {
            assertThatThrownBy(() -> DecimalDigests.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
