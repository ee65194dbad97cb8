package dev.moss.format.record;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/** The value of a meta record: one of the stone primitives, or opaque bytes of an unknown kind. */
public sealed interface MetaValue {

    /** Integer of any width; unsigned 64-bit values are kept in a long (use unsigned ops). */
    record IntValue(MetaPrimitive type, long value) implements MetaValue {
        public IntValue {
            Objects.requireNonNull(type);
            if (!type.isInteger()) {
                throw new IllegalArgumentException(type + " is not an integer primitive");
            }
        }

        @Override
        public String toString() {
            return type.signed ? Long.toString(value) : Long.toUnsignedString(value);
        }
    }

    record Text(String value) implements MetaValue {
        public Text {
            Objects.requireNonNull(value);
        }

        @Override
        public String toString() {
            return value;
        }
    }

    /** A dependency: raw kind byte (see {@code dev.moss.format.meta.CapabilityKind}) and name. */
    record DependencyValue(int kind, String name) implements MetaValue {
        public DependencyValue {
            Objects.requireNonNull(name);
        }
    }

    /** A provider (also used for conflicts): raw kind byte and name. */
    record ProviderValue(int kind, String name) implements MetaValue {
        public ProviderValue {
            Objects.requireNonNull(name);
        }
    }

    /** A value of a primitive kind this reader does not know; kept so the record round-trips. */
    record Opaque(int primitiveCode, byte[] bytes) implements MetaValue {
        public Opaque {
            bytes = bytes.clone();
        }

        @Override
        public byte[] bytes() {
            return bytes.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Opaque other
                    && other.primitiveCode == primitiveCode
                    && Arrays.equals(other.bytes, bytes);
        }

        @Override
        public int hashCode() {
            return primitiveCode * 31 + Arrays.hashCode(bytes);
        }

        @Override
        public String toString() {
            return "opaque(" + primitiveCode + ", " + HexFormat.of().formatHex(bytes) + ")";
        }
    }
}
