package dev.moss.format.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.moss.format.CorruptStoneException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Whole-payload decoding: exact sizes, damaged input, and decoder contexts reused safely. */
class ZstdCodecTest {
    private static byte[] payload(int seed, int size) {
        Random random = new Random(seed);
        byte[] b = new byte[size];
        for (int i = 0; i < size; i++) {
            b[i] = (byte) ('a' + random.nextInt(6)); // compressible, different per seed
        }
        return b;
    }

    @Test
    void aContextUsedByAFailedDecodeStillDecodesTheNextPayload() throws Exception {
        byte[] plain = payload(1, 10_000);
        byte[] stored = ZstdCodec.compress(plain, 3);
        byte[] truncated = Arrays.copyOf(stored, stored.length / 2);
        byte[] damaged = stored.clone();
        damaged[damaged.length / 2] ^= 0x55;
        for (int round = 0; round < 3 * ZstdCodec.POOLED; round++) {
            assertThatThrownBy(() -> ZstdCodec.decompressExact(truncated, plain.length, "t"))
                    .isInstanceOf(CorruptStoneException.class);
            try {
                ZstdCodec.decompressExact(damaged, plain.length, "d");
            } catch (CorruptStoneException expected) {
                // a flipped byte is either refused or, in a literal run, decoded into other bytes
            }
            assertThatThrownBy(() -> ZstdCodec.decompressExact(stored, plain.length - 1, "short"))
                    .isInstanceOf(CorruptStoneException.class).hasMessageContaining("more than");
            assertThat(Arrays.copyOf(ZstdCodec.decompressExact(stored, plain.length, "ok"), plain.length))
                    .isEqualTo(plain);
        }
    }

    @Test
    void threadsDecodingAtOnceEachGetTheirOwnBytes() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int t = 0; t < 64; t++) {
                int seed = t;
                results.add(pool.submit(() -> {
                    for (int i = 0; i < 20; i++) {
                        byte[] plain = payload(seed * 100 + i, 1_000 + seed * 37 + i);
                        byte[] out = ZstdCodec.decompressExact(ZstdCodec.compress(plain, 1), plain.length,
                                new String(plain, 0, 4, StandardCharsets.US_ASCII));
                        if (!Arrays.equals(out, 0, plain.length, plain, 0, plain.length)) {
                            return false;
                        }
                    }
                    return true;
                }));
            }
            for (Future<Boolean> r : results) {
                assertThat(r.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
