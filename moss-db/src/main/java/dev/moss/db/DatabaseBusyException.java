package dev.moss.db;

import java.nio.file.Path;

/**
 * Another connection held a lock on the database for longer than the busy timeout. Nothing was
 * changed by the operation that gave up.
 */
public class DatabaseBusyException extends DatabaseException {
    public DatabaseBusyException(Path file, String problem, Throwable cause) {
        super(file, problem, cause);
    }
}
