package dev.moss.format;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.moss.format.digest.Xxh3;
import dev.moss.format.internal.BigEndian;
import java.io.IOException;

/**
 * Fuzzes past the checksums: the input is taken as a stone whose payload checksums are then
 * recomputed, so mutations reach decompression, record decoding and content splitting instead
 * of dying at the first checksum.
 */
class StoneStructureFuzzTest {
    @FuzzTest(maxDuration = "30s")
    void checksumsFixed(byte[] data) throws IOException {
        byte[] stone = fixChecksums(data);
        try (StoneReader r = StoneReader.read(new InMemoryChannel(stone), new ReadLimits(1 << 24))) {
            r.unpackContent(ContentSink.verifyOnly());
            dev.moss.format.meta.PackageMeta.from(r.metaRecords());
        } catch (StoneFormatException expected) {
            // typed rejection is the contract
        }
        StoneCheck.check(new InMemoryChannel(stone));
    }

    static byte[] fixChecksums(byte[] data) {
        byte[] b = data.clone();
        long offset = 32;
        while (offset + 32 <= b.length) {
            long stored = (long) BigEndian.LONG.get(b, (int) offset);
            long body = offset + 32;
            if (stored < 0 || stored > b.length - body) {
                break;
            }
            BigEndian.LONG.set(b, (int) offset + 16, Xxh3.hash64(b, (int) body, (int) stored));
            offset = body + stored;
        }
        return b;
    }
}
