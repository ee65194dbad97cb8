package dev.moss.db;

import java.nio.file.Path;

/**
 * The database's {@code PRAGMA user_version} is newer than this moss knows: it was written by a
 * newer moss, and reading or migrating it could lose data. The file is left untouched.
 */
public class UnsupportedSchemaVersionException extends DatabaseException {
    private final int found;
    private final int supported;

    public UnsupportedSchemaVersionException(Path file, int found, int supported) {
        super(file, "schema version " + found + " is newer than this moss supports (" + supported + ")");
        this.found = found;
        this.supported = supported;
    }

    public int found() {
        return found;
    }

    public int supported() {
        return supported;
    }
}
