package dev.moss.format.record;

import dev.moss.format.digest.Digest128;
import java.util.Arrays;
import java.util.Objects;

/**
 * What a layout record places at its path (relative to {@code /usr}). Paths are checked by
 * {@link LayoutPaths} when read; constructing an entry does not re-check them.
 */
public sealed interface LayoutEntry {
    /** Path relative to {@code /usr}, without leading slash. */
    String target();

    EntryType type();

    record Regular(Digest128 digest, String target) implements LayoutEntry {
        public Regular {
            Objects.requireNonNull(digest);
            Objects.requireNonNull(target);
        }

        @Override
        public EntryType type() {
            return EntryType.REGULAR;
        }
    }

    /** A symbolic link at {@code target} whose link text is {@code source}. */
    record Symlink(String source, String target) implements LayoutEntry {
        public Symlink {
            Objects.requireNonNull(source);
            Objects.requireNonNull(target);
        }

        @Override
        public EntryType type() {
            return EntryType.SYMLINK;
        }
    }

    record Directory(String target) implements LayoutEntry {
        public Directory {
            Objects.requireNonNull(target);
        }

        @Override
        public EntryType type() {
            return EntryType.DIRECTORY;
        }
    }

    /** Character/block device, fifo or socket. No device numbers are stored in the format. */
    record Special(EntryType type, String target) implements LayoutEntry {
        public Special {
            Objects.requireNonNull(target);
            if (type != EntryType.CHARACTER_DEVICE && type != EntryType.BLOCK_DEVICE
                    && type != EntryType.FIFO && type != EntryType.SOCKET) {
                throw new IllegalArgumentException(type + " is not a special file type");
            }
        }
    }

    /** An entry type this reader does not know, kept with its raw code and source bytes. */
    record Unknown(int typeCode, byte[] source, String target) implements LayoutEntry {
        public Unknown {
            source = source.clone();
            Objects.requireNonNull(target);
        }

        @Override
        public byte[] source() {
            return source.clone();
        }

        @Override
        public EntryType type() {
            return EntryType.UNKNOWN;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Unknown u && u.typeCode == typeCode
                    && Arrays.equals(u.source, source) && u.target.equals(target);
        }

        @Override
        public int hashCode() {
            return Objects.hash(typeCode, Arrays.hashCode(source), target);
        }
    }
}
