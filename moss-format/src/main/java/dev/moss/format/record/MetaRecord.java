package dev.moss.format.record;

import dev.moss.format.CorruptStoneException;
import dev.moss.format.internal.RecordInput;
import dev.moss.format.internal.RecordOutput;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * One meta record: {@code u32 length, u16 tag, u8 primitive, u8 pad, value}. The raw tag code
 * is kept so records with unknown tags round-trip.
 */
public record MetaRecord(int tagCode, MetaValue value) {
    static final int HEADER = 8;

    public MetaRecord {
        Objects.requireNonNull(value);
        if (tagCode < 0 || tagCode > 0xFFFF) {
            throw new IllegalArgumentException("meta tag " + tagCode + " does not fit in u16");
        }
    }

    public MetaRecord(MetaTag tag, MetaValue value) {
        this(tag.code, value);
    }

    public MetaTag tag() {
        return MetaTag.fromCode(tagCode);
    }

    public static MetaRecord read(RecordInput in) throws CorruptStoneException {
        long length = in.u32();
        int tag = in.u16();
        int kind = in.u8();
        in.u8(); // padding
        in.require(length, "meta value of " + length + " bytes");
        var primitive = MetaPrimitive.fromCode(kind);
        if (primitive.isEmpty()) {
            return new MetaRecord(tag, new MetaValue.Opaque(kind, in.bytes(length, "meta value")));
        }
        MetaPrimitive p = primitive.get();
        MetaValue value = switch (p) {
            case STRING -> new MetaValue.Text(in.string(length, "meta string"));
            case DEPENDENCY, PROVIDER -> {
                if (length < 1) {
                    throw in.error(p.name().toLowerCase() + " value has length 0, needs a kind byte");
                }
                int depKind = in.u8();
                String name = in.string(length - 1, p.name().toLowerCase() + " name");
                yield p == MetaPrimitive.DEPENDENCY
                        ? new MetaValue.DependencyValue(depKind, name)
                        : new MetaValue.ProviderValue(depKind, name);
            }
            default -> {
                if (length != p.width) {
                    throw in.error("integer of kind " + p.name().toLowerCase() + " has length "
                            + length + ", expected " + p.width);
                }
                yield new MetaValue.IntValue(p, readInt(in, p));
            }
        };
        return new MetaRecord(tag, value);
    }

    private static long readInt(RecordInput in, MetaPrimitive p) throws CorruptStoneException {
        return switch (p) {
            case INT8 -> (byte) in.u8();
            case UINT8 -> in.u8();
            case INT16 -> (short) in.u16();
            case UINT16 -> in.u16();
            case INT32 -> in.i32();
            case UINT32 -> in.u32();
            default -> in.i64();
        };
    }

    public void write(RecordOutput out) {
        switch (value) {
            case MetaValue.IntValue(MetaPrimitive type, long v) -> {
                header(out, type.width, type.code);
                switch (type.width) {
                    case 1 -> out.u8((int) v);
                    case 2 -> out.u16((int) v);
                    case 4 -> out.u32(v);
                    default -> out.u64(v);
                }
            }
            case MetaValue.Text(String s) -> {
                byte[] b = s.getBytes(StandardCharsets.UTF_8);
                header(out, b.length + 1, MetaPrimitive.STRING.code);
                out.bytes(b).u8(0);
            }
            case MetaValue.DependencyValue(int kind, String name) ->
                    writeRelation(out, MetaPrimitive.DEPENDENCY, kind, name);
            case MetaValue.ProviderValue(int kind, String name) ->
                    writeRelation(out, MetaPrimitive.PROVIDER, kind, name);
            case MetaValue.Opaque opaque -> {
                byte[] b = opaque.bytes();
                header(out, b.length, opaque.primitiveCode());
                out.bytes(b);
            }
        }
    }

    private void writeRelation(RecordOutput out, MetaPrimitive p, int kind, String name) {
        byte[] b = name.getBytes(StandardCharsets.UTF_8);
        header(out, b.length + 2, p.code);
        out.u8(kind).bytes(b).u8(0);
    }

    private void header(RecordOutput out, long length, int primitive) {
        out.u32(length).u16(tagCode).u8(primitive).u8(0);
    }
}
