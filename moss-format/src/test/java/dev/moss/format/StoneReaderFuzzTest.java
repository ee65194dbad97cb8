package dev.moss.format;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;

/** Coverage-guided fuzzing of the reader: any input must open, verify and unpack, or throw
 *  StoneFormatException; anything else (NPE, IOOBE, OOM, hang) is a bug. */
class StoneReaderFuzzTest {
    @FuzzTest(maxDuration = "20s")
    void anyBytes(byte[] data) throws IOException {
        try (StoneReader r = StoneReader.read(new InMemoryChannel(data), new ReadLimits(1 << 24))) {
            r.unpackContent(ContentSink.verifyOnly());
        } catch (StoneFormatException expected) {
            // typed rejection is the contract
        }
    }
}
