package dev.moss.format.payload;

import dev.moss.format.record.AttributeRecord;
import dev.moss.format.record.IndexRecord;
import dev.moss.format.record.LayoutRecord;
import dev.moss.format.record.MetaRecord;
import java.util.List;

/**
 * One payload of a stone, as the reader found it. Record payloads arrive decoded and
 * checksum-verified; content and unknown payloads carry the offset of their body in the file.
 */
public sealed interface Payload {
    /** Position of this payload in the file, counting from 0. */
    int index();

    PayloadHeader header();

    record MetaPayload(int index, PayloadHeader header, List<MetaRecord> records) implements Payload {
        public MetaPayload {
            records = List.copyOf(records);
        }
    }

    record LayoutPayload(int index, PayloadHeader header, List<LayoutRecord> records) implements Payload {
        public LayoutPayload {
            records = List.copyOf(records);
        }
    }

    record IndexPayload(int index, PayloadHeader header, List<IndexRecord> records) implements Payload {
        public IndexPayload {
            records = List.copyOf(records);
        }
    }

    record AttributePayload(int index, PayloadHeader header, List<AttributeRecord> records)
            implements Payload {
        public AttributePayload {
            records = List.copyOf(records);
        }
    }

    /** The content payload; its body is decompressed on demand by {@code StoneReader}. */
    record ContentPayload(int index, PayloadHeader header, long bodyOffset) implements Payload {}

    /** A payload of unknown kind or unknown compression: skipped unread, checksum unchecked. */
    record UnknownPayload(int index, PayloadHeader header, long bodyOffset) implements Payload {}

}
