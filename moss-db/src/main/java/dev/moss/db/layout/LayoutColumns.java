package dev.moss.db.layout;

import dev.moss.format.digest.Digest128;
import dev.moss.format.record.EntryType;
import dev.moss.format.record.LayoutEntry;
import java.nio.charset.StandardCharsets;

/**
 * How a {@link LayoutEntry} maps onto {@code entry_type}, {@code entry_value1} and
 * {@code entry_value2}, exactly as upstream moss writes them: regular = (digest as decimal u128,
 * path); symlink = (link text, path); unknown = (source as text, path); directory and special
 * files = (path, NULL).
 *
 * <p>The database keeps no type code for unknown entries (upstream neither), so they read back
 * with code 255.
 */
record LayoutColumns(String type, String value1, String value2) {

    static LayoutColumns of(LayoutEntry entry) {
        return switch (entry) {
            case LayoutEntry.Regular r ->
                    new LayoutColumns(EntryType.REGULAR.dbName, r.digest().toDecimal(), r.target());
            case LayoutEntry.Symlink s -> new LayoutColumns(EntryType.SYMLINK.dbName, s.source(), s.target());
            case LayoutEntry.Directory d -> new LayoutColumns(EntryType.DIRECTORY.dbName, d.target(), null);
            case LayoutEntry.Special s -> new LayoutColumns(s.type().dbName, s.target(), null);
            case LayoutEntry.Unknown u -> new LayoutColumns(EntryType.UNKNOWN.dbName,
                    new String(u.source(), StandardCharsets.UTF_8), u.target());
        };
    }

    /**
     * The entry these columns describe.
     *
     * @throws IllegalArgumentException saying which value is missing or malformed
     */
    LayoutEntry toEntry() {
        EntryType entryType = EntryType.fromDbName(type);
        return switch (entryType) {
            case REGULAR -> new LayoutEntry.Regular(DecimalDigests.parse(required(value1, "digest")),
                    required(value2, "path"));
            case SYMLINK -> new LayoutEntry.Symlink(required(value1, "link text"), required(value2, "path"));
            case DIRECTORY -> new LayoutEntry.Directory(required(value1, "path"));
            case CHARACTER_DEVICE, BLOCK_DEVICE, FIFO, SOCKET -> new LayoutEntry.Special(entryType,
                    required(value1, "path"));
            case UNKNOWN -> new LayoutEntry.Unknown(EntryType.UNKNOWN.code,
                    required(value1, "source").getBytes(StandardCharsets.UTF_8), required(value2, "path"));
        };
    }

    private String required(String value, String what) {
        if (value == null) {
            throw new IllegalArgumentException(type + " entry without " + what);
        }
        return value;
    }
}
