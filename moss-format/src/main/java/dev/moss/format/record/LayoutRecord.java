package dev.moss.format.record;

import dev.moss.format.CorruptStoneException;
import dev.moss.format.UnsafePathException;
import dev.moss.format.digest.Digest128;
import dev.moss.format.internal.RecordInput;
import dev.moss.format.internal.RecordOutput;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * One layout record: owner, full {@code st_mode} (type bits included), the reserved tag and
 * the entry. Wire form: 32 fixed bytes, then source and target strings.
 */
public record LayoutRecord(int uid, int gid, int mode, int tag, LayoutEntry entry) {
    static final int FIXED = 32;

    public LayoutRecord {
        Objects.requireNonNull(entry);
    }

    /** Permission bits including setuid, setgid and sticky. */
    public int permissions() {
        return mode & 07777;
    }

    public static LayoutRecord read(RecordInput in) throws CorruptStoneException {
        int uid = in.i32();
        int gid = in.i32();
        int mode = in.i32();
        int tag = in.i32();
        int sourceLength = in.u16();
        int targetLength = in.u16();
        int type = in.u8();
        in.skip(11, "layout padding");
        in.require((long) sourceLength + targetLength, "layout source and target");
        LayoutEntry entry = switch (EntryType.fromCode(type)) {
            case REGULAR -> {
                if (sourceLength != Digest128.BYTES) {
                    throw in.error("regular entry has a " + sourceLength + "-byte source, expected a 16-byte digest");
                }
                Digest128 digest = Digest128.fromBytes(in.array(), in.position());
                in.skip(16, "digest");
                yield new LayoutEntry.Regular(digest, target(in, targetLength));
            }
            case SYMLINK -> {
                String text = in.string(sourceLength, "symlink text");
                String problem = LayoutPaths.linkTextProblem(text);
                if (problem != null) {
                    throw in.error(problem);
                }
                yield new LayoutEntry.Symlink(text, target(in, targetLength));
            }
            case DIRECTORY -> {
                // Upstream writes no source here; a stray one is skipped rather than misread.
                in.skip(sourceLength, "directory source");
                yield new LayoutEntry.Directory(target(in, targetLength));
            }
            case CHARACTER_DEVICE, BLOCK_DEVICE, FIFO, SOCKET -> {
                in.skip(sourceLength, "special file source");
                yield new LayoutEntry.Special(EntryType.fromCode(type), target(in, targetLength));
            }
            case UNKNOWN -> {
                byte[] source = in.bytes(sourceLength, "unknown entry source");
                yield new LayoutEntry.Unknown(type, source, target(in, targetLength));
            }
        };
        return new LayoutRecord(uid, gid, mode, tag, entry);
    }

    private static String target(RecordInput in, int length) throws CorruptStoneException {
        String problem = LayoutPaths.problem(in.array(), in.position(), in.stringEnd(length, "layout path"));
        String path = in.string(length, "layout path");
        if (problem != null) {
            throw new UnsafePathException(in.where() + ": unsafe layout path \""
                    + path.replace("\0", "\\0") + "\": " + problem);
        }
        return path;
    }

    public void write(RecordOutput out) {
        byte[] target = utf8(entry.target());
        byte[] source = switch (entry) {
            case LayoutEntry.Regular r -> r.digest().toBytes();
            case LayoutEntry.Symlink s -> utf8(s.source());
            case LayoutEntry.Unknown u -> u.source();
            case LayoutEntry.Directory d -> new byte[0];
            case LayoutEntry.Special s -> new byte[0];
        };
        if (source.length > 0xFFFF || target.length > 0xFFFF) {
            throw new IllegalArgumentException("layout string longer than 65535 bytes: " + entry.target());
        }
        int typeCode = entry instanceof LayoutEntry.Unknown u ? u.typeCode() : entry.type().code;
        out.u32(uid).u32(gid).u32(mode).u32(tag)
                .u16(source.length).u16(target.length).u8(typeCode).zeros(11)
                .bytes(source).bytes(target);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
