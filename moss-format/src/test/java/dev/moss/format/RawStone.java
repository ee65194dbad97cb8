package dev.moss.format;

import dev.moss.format.digest.Xxh3;
import dev.moss.format.header.FileType;
import dev.moss.format.header.StoneHeader;
import dev.moss.format.internal.RecordOutput;
import dev.moss.format.internal.ZstdCodec;
import dev.moss.format.payload.Compression;
import dev.moss.format.payload.PayloadKind;
import java.io.ByteArrayOutputStream;
import java.util.function.Consumer;

/**
 * Builds stone bytes field by field, so tests can state exactly which lie a hostile file
 * tells (a count, a size, a checksum) while everything else stays valid.
 */
public final class RawStone {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private int payloads;
    private Integer declaredPayloads;
    private int fileType = FileType.BINARY.code;

    public RawStone declarePayloads(int n) {
        declaredPayloads = n;
        return this;
    }

    public RawStone fileType(int code) {
        fileType = code;
        return this;
    }

    /** A payload with honest sizes and checksum, zstd-compressed. */
    public RawStone payload(PayloadKind kind, long records, byte[] plain) {
        return payload(kind, records, plain, h -> {});
    }

    /** A payload whose header fields can be altered before it is written. */
    public RawStone payload(PayloadKind kind, long records, byte[] plain, Consumer<Fields> tamper) {
        byte[] stored = ZstdCodec.compress(plain, 3);
        Fields f = new Fields();
        f.stored = stored;
        f.storedSize = stored.length;
        f.plainSize = plain.length;
        f.records = records;
        f.kind = kind.code;
        f.compression = Compression.ZSTD.code;
        tamper.accept(f);
        if (f.checksum == null) {
            f.checksum = Xxh3.hash64(f.stored, 0, f.stored.length);
        }
        // Encoded by hand: PayloadHeader refuses the impossible values some tests need.
        out.writeBytes(records(o -> o.u64(f.storedSize).u64(f.plainSize).u64(f.checksum).u32(f.records).u16(1)
                .u8(f.kind).u8(f.compression)));
        out.writeBytes(f.stored);
        payloads++;
        return this;
    }

    /** Records encoded by {@code writer}. */
    public static byte[] records(Consumer<RecordOutput> writer) {
        RecordOutput o = new RecordOutput();
        writer.accept(o);
        return o.toByteArray();
    }

    public byte[] build() {
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        int count = declaredPayloads != null ? declaredPayloads : payloads;
        file.writeBytes(new StoneHeader(count, FileType.fromCode(fileType), fileType).encode());
        file.writeBytes(out.toByteArray());
        return file.toByteArray();
    }

    /** Header fields of one payload, open to tampering. */
    public static final class Fields {
        public byte[] stored;
        public long storedSize;
        public long plainSize;
        public Long checksum;
        public long records;
        public int kind;
        public int compression;
    }
}
