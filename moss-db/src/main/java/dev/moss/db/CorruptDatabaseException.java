package dev.moss.db;

import java.nio.file.Path;

/**
 * The file is not a SQLite database, SQLite reports it as damaged, or a row holds a value moss
 * cannot have written (an unknown entry type, a digest that is not a decimal u128, ...).
 */
public class CorruptDatabaseException extends DatabaseException {
    public CorruptDatabaseException(Path file, String problem) {
        super(file, problem);
    }

    public CorruptDatabaseException(Path file, String problem, Throwable cause) {
        super(file, problem, cause);
    }
}
