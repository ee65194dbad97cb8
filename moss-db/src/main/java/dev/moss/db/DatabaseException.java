package dev.moss.db;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A database could not be opened, read or written. The message is one line: the database file,
 * then what went wrong, e.g. {@code /.moss/db/layout: adding layouts of 3 packages: disk full}.
 *
 * <p>Subclasses name conditions a caller may want to tell apart: {@link CorruptDatabaseException},
 * {@link UnsupportedSchemaVersionException} and {@link DatabaseBusyException}.
 */
public class DatabaseException extends IOException {
    private final Path file;

    public DatabaseException(Path file, String problem) {
        super(file + ": " + problem);
        this.file = file;
    }

    public DatabaseException(Path file, String problem, Throwable cause) {
        super(file + ": " + problem, cause);
        this.file = file;
    }

    /** The database file this failure concerns. */
    public Path file() {
        return file;
    }
}
