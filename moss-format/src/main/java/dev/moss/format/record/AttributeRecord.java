package dev.moss.format.record;

import dev.moss.format.CorruptStoneException;
import dev.moss.format.internal.RecordInput;
import dev.moss.format.internal.RecordOutput;
import java.util.Arrays;

/** An opaque key/value attribute (decoded and written, but not produced by upstream tools). */
public record AttributeRecord(byte[] key, byte[] value) {
    public AttributeRecord {
        key = key.clone();
        value = value.clone();
    }

    @Override
    public byte[] key() {
        return key.clone();
    }

    @Override
    public byte[] value() {
        return value.clone();
    }

    public static AttributeRecord read(RecordInput in) throws CorruptStoneException {
        long keyLength = in.i64();
        long valueLength = in.i64();
        if (keyLength < 0 || valueLength < 0) {
            throw in.error("attribute length beyond 2^63");
        }
        byte[] key = in.bytes(keyLength, "attribute key");
        byte[] value = in.bytes(valueLength, "attribute value");
        return new AttributeRecord(key, value);
    }

    public void write(RecordOutput out) {
        out.u64(key.length).u64(value.length).bytes(key).bytes(value);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AttributeRecord a && Arrays.equals(a.key, key) && Arrays.equals(a.value, value);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(key) * 31 + Arrays.hashCode(value);
    }

    @Override
    public String toString() {
        return "AttributeRecord[" + key.length + " byte key, " + value.length + " byte value]";
    }
}
