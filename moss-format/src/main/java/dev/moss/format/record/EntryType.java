package dev.moss.format.record;

/** The file type byte of a layout record, with the names the layout database uses. */
public enum EntryType {
    REGULAR(1, "regular", "Regular"),
    SYMLINK(2, "symlink", "Symlink"),
    DIRECTORY(3, "directory", "Directory"),
    CHARACTER_DEVICE(4, "character-device", "CharacterDevice"),
    BLOCK_DEVICE(5, "block-device", "BlockDevice"),
    FIFO(6, "fifo", "Fifo"),
    SOCKET(7, "socket", "Socket"),
    UNKNOWN(255, "unknown", "Unknown");

    public final int code;
    /** The {@code entry_type} text of the layout database. */
    public final String dbName;
    /** The name {@code moss inspect} prints in brackets. */
    public final String displayName;

    EntryType(int code, String dbName, String displayName) {
        this.code = code;
        this.dbName = dbName;
        this.displayName = displayName;
    }

    // values() clones its array on every call; this runs once per layout record.
    private static final EntryType[] VALUES = values();

    public static EntryType fromCode(int code) {
        return code >= 1 && code <= 7 ? VALUES[code - 1] : UNKNOWN;
    }

    public static EntryType fromDbName(String name) {
        for (EntryType t : values()) {
            if (t.dbName.equals(name)) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown layout entry type \"" + name + "\"");
    }

    /** The {@code S_IFMT} bits a file of this type has. */
    public int modeTypeBits() {
        return switch (this) {
            case REGULAR -> 0100000;
            case SYMLINK -> 0120000;
            case DIRECTORY -> 0040000;
            case CHARACTER_DEVICE -> 0020000;
            case BLOCK_DEVICE -> 0060000;
            case FIFO -> 0010000;
            case SOCKET -> 0140000;
            case UNKNOWN -> 0;
        };
    }
}
