package dev.moss.format;

import static org.assertj.core.api.Assertions.assertThat;

import dev.moss.format.digest.Digest128;
import dev.moss.format.internal.RecordOutput;
import dev.moss.format.record.IndexRecord;
import dev.moss.format.record.LayoutEntry;
import dev.moss.format.record.LayoutRecord;
import dev.moss.format.record.MetaPrimitive;
import dev.moss.format.record.MetaRecord;
import dev.moss.format.record.MetaTag;
import dev.moss.format.record.MetaValue;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** Byte-exact encodings from the spec's test vectors (stone-format.md section 11). */
class WriterVectorsTest {
    private static String hex(java.util.function.Consumer<RecordOutput> w) {
        RecordOutput o = new RecordOutput();
        w.accept(o);
        return HexFormat.of().formatHex(o.toByteArray());
    }

    @Test
    void metaRecords() {
        assertThat(hex(o -> new MetaRecord(MetaTag.NAME, new MetaValue.Text("pineapple")).write(o)))
                .isEqualTo("0000000a" + "0001" + "09" + "00" + "70696e656170706c6500");
        assertThat(hex(o -> new MetaRecord(MetaTag.RELEASE, new MetaValue.IntValue(MetaPrimitive.UINT64, 1)).write(o)))
                .isEqualTo("00000008000b08000000000000000001");
        assertThat(hex(o -> new MetaRecord(MetaTag.CONFLICTS, new MetaValue.ProviderValue(0, "pineapple")).write(o)))
                .isEqualTo("0000000b000a0b000070696e656170706c6500");
    }

    @Test
    void layoutRecordOfEmptyFile() {
        String expected = "00000000" + "00000000" + "000081a4" + "00000000" + "0010" + "0018" + "01"
                + "0000000000000000000000" + "99aa06d3014798d86001c324468d497f"
                + "73686172652f64656661756c74732f7069656e6170706c65";
        assertThat(hex(o -> new LayoutRecord(0, 0, 0100644, 0,
                new LayoutEntry.Regular(Digest128.EMPTY, "share/defaults/pienapple")).write(o)))
                .isEqualTo(expected);
    }

    @Test
    void indexRecordOfEmptyFile() {
        assertThat(hex(o -> new IndexRecord(0, 0, Digest128.EMPTY).write(o)))
                .isEqualTo("0000000000000000" + "0000000000000000" + "99aa06d3014798d86001c324468d497f");
    }

    @Test
    void checksumOfEmptyContentFrame() {
        byte[] frame = HexFormat.of().parseHex("28b52ffd2000010000");
        assertThat(dev.moss.format.digest.Xxh3.hash64(frame, 0, frame.length)).isEqualTo(0xe6fb29dda2e7a873L);
        byte[] index = HexFormat.of().parseHex("28b52ffd2020bd0000880099aa06d3014798d86001c324468d497f01001d1002");
        assertThat(dev.moss.format.digest.Xxh3.hash64(index, 0, index.length)).isEqualTo(0x911d313ef4ec8028L);
    }
}
