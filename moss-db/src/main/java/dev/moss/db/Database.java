package dev.moss.db;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.locks.ReentrantLock;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;
import org.sqlite.SQLiteOpenMode;
import org.sqlite.core.NativeDB;

/**
 * One SQLite database file of moss, open on one JDBC connection.
 *
 * <pre>{@code
 * try (Database db = Database.open(root.resolve(".moss/db/state"), Schema.STATE)) {
 *     db.inTransaction(c -> { ...; return null; });
 * }
 * }</pre>
 *
 * <p>Opening checks the file before changing anything: a file that is not a SQLite database, or
 * whose schema version is newer than this build knows, is refused with the file untouched. Then a
 * read-write open brings the schema up to date in one transaction.
 *
 * <p><b>Journal.</b> We keep SQLite's rollback journal ({@code journal_mode=DELETE}), which is what
 * upstream moss uses, with {@code synchronous=FULL}. Reasons: a commit is durable when it returns
 * (the journal is synced before the database and deleted after), which DESIGN.md needs before
 * the {@code /usr} switch; the database stays one self-contained file that upstream moss and
 * plain {@code sqlite3} open as they always did; and unprivileged readers ({@code moss list} as a
 * user) can read a root-owned database, which WAL cannot promise because readers must be able
 * to create or write its {@code -shm} file. WAL's strength, readers and a writer at the same
 * time, buys little here: writers are serialised by the installation lock and write in a few
 * large transactions.
 *
 * <p><b>Threads.</b> All work runs on the one connection under a reentrant lock, so the object
 * may be shared between threads; work from different threads is serialised.
 */
public final class Database implements AutoCloseable {
    /**
     * How long a statement waits for another process's lock. Writers are already serialised by
     * the installation lock; this covers readers and a writer's commit meeting each other.
     */
    static final int BUSY_TIMEOUT_MILLIS = 30_000;

    private final Path file;
    private final Schema schema;
    private final boolean readOnly;
    private final Connection connection;
    private final ReentrantLock lock = new ReentrantLock();
    private int depth;
    private boolean rollbackOnly;
    private boolean closed;

    private Database(Path file, Schema schema, boolean readOnly, Connection connection) {
        this.file = file;
        this.schema = schema;
        this.readOnly = readOnly;
        this.connection = connection;
    }

    /**
     * Opens {@code file} for reading and writing, creating it if missing (its directory must
     * exist), and migrates it to the newest schema version.
     *
     * @throws CorruptDatabaseException the file is not a SQLite database; it is left unchanged
     * @throws UnsupportedSchemaVersionException the file's schema is newer than this build; it is
     *     left unchanged
     * @throws DatabaseException anything else; a failed migration is rolled back
     */
    public static Database open(Path file, Schema schema) throws DatabaseException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            throw new DatabaseException(file, "cannot create database: directory " + parent + " does not exist");
        }
        return open(file, schema, false);
    }

    /**
     * Opens an existing {@code file} read-only; nothing is migrated or written. A database at an
     * older supported version (for instance one created by upstream moss) is read as it is.
     *
     * @throws DatabaseException the file is missing, not a moss database of this kind, or too new
     */
    public static Database openReadOnly(Path file, Schema schema) throws DatabaseException {
        if (!Files.isRegularFile(file)) {
            throw new DatabaseException(file, "database does not exist");
        }
        return open(file, schema, true);
    }

    private static Database open(Path file, Schema schema, boolean readOnly) throws DatabaseException {
        if (Files.isDirectory(file)) {
            throw new DatabaseException(file, "is a directory, not a database");
        }
        Connection connection = connect(file, schema, readOnly);
        Database db = new Database(file, schema, readOnly, connection);
        try {
            db.prepare();
            return db;
        } catch (DatabaseException | RuntimeException | Error e) {
            db.closeQuietly();
            throw e;
        }
    }

    /**
     * Starts readying SQLite on a background thread: loading the native library and the driver's
     * classes, and the date formats the driver builds for its first connection (time zone data,
     * locale data: about 30 ms). A command that will open a database calls this as early as it
     * can, so that work overlaps its own start-up; the first {@link #open} then finds it done, or
     * waits for it (class initialisation is done once, by whichever thread comes first).
     * Failures are left for {@link #open} to report.
     */
    public static void warmUpInBackground() {
        Thread.ofPlatform().daemon().name("sqlite-warm-up").start(() -> {
            try {
                NativeDB.load();
                new SQLiteConfig();
                Migrations.latest(Schema.STATE);
            } catch (Exception | LinkageError e) {
                // Opening a database will meet the same problem and report it properly.
            }
        });
    }

    private static Connection connect(Path file, Schema schema, boolean readOnly) throws DatabaseException {
        SQLiteConfig config = new SQLiteConfig();
        config.setBusyTimeout(BUSY_TIMEOUT_MILLIS);
        config.enforceForeignKeys(schema.foreignKeys);
        if (readOnly) {
            config.setReadOnly(true);
            config.resetOpenMode(SQLiteOpenMode.CREATE);
        }
        try {
            return config.createConnection("jdbc:sqlite:" + file.toAbsolutePath());
        } catch (SQLException e) {
            throw translate(file, "cannot open database", e);
        }
    }

    /** Checks the file, then (read-write only) sets pragmas and migrates. Order matters. */
    private void prepare() throws DatabaseException {
        int version;
        try {
            // The first read of the header: a file that is not a database fails here, before
            // anything below could write to it.
            version = Migrations.currentVersion(connection);
        } catch (SQLException e) {
            throw translate(file, "cannot read schema version", e);
        }
        int latest = Migrations.latest(schema);
        if (version > latest) {
            throw new UnsupportedSchemaVersionException(file, version, latest);
        }
        try (Statement s = connection.createStatement()) {
            // Sorts and the IN-lists of large queries stay in memory, not in temp files.
            s.execute("PRAGMA temp_store = MEMORY");
            s.execute("PRAGMA cache_size = -16384");
            if (readOnly) {
                requireTable(s);
                return;
            }
            // Returns the old mode instead of failing when another connection prevents the change
            // (a WAL file in use elsewhere), so a database we share is never made unopenable.
            s.execute("PRAGMA journal_mode = DELETE");
            s.execute("PRAGMA synchronous = FULL");
        } catch (SQLException e) {
            throw translate(file, "cannot configure database", e);
        }
        if (version < latest) {
            // Migrations re-reads the version inside the write transaction, so two processes
            // opening an old file at once apply each script only once.
            inTransaction("migrating schema from version " + version + " to " + latest,
                    c -> Migrations.migrate(c, schema));
        }
    }

    private void requireTable(Statement s) throws SQLException, DatabaseException {
        try (ResultSet rs = s.executeQuery("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = '"
                + schema.requiredTable + "'")) {
            if (!rs.next() || rs.getInt(1) == 0) {
                throw new DatabaseException(file, "not a moss " + schema.directory + " database (no table "
                        + schema.requiredTable + ")");
            }
        }
    }

    /** The file this database was opened from. */
    public Path file() {
        return file;
    }

    /** Which kind of moss database this is. */
    public Schema schema() {
        return schema;
    }

    /** Whether it was opened with {@link #openReadOnly}. */
    public boolean isReadOnly() {
        return readOnly;
    }

    /** The schema version recorded in the file ({@code PRAGMA user_version}). */
    public int schemaVersion() throws DatabaseException {
        return read("reading schema version", Migrations::currentVersion);
    }

    /** Same as {@link #inTransaction(String, SqlWork)} with a generic description. */
    public <T> T inTransaction(SqlWork<T> work) throws DatabaseException {
        return inTransaction("transaction", work);
    }

    /**
     * Runs {@code work} in a write transaction ({@code BEGIN IMMEDIATE}, so the write lock is
     * taken up front and two writers cannot deadlock on a lock upgrade) and commits it.
     *
     * <p>Called inside another transaction on this database, the work joins it. If the joined
     * work fails, the outer transaction is rolled back even if the failure is caught in between.
     * Joining a {@link #read} means the write lock is taken only at the first write, so prefer
     * starting with {@code inTransaction} when the work may write.
     *
     * @param what what the work does, for error messages ("adding layouts")
     * @throws DatabaseException the work or the commit failed; everything the transaction did
     *     has been rolled back
     */
    public <T> T inTransaction(String what, SqlWork<T> work) throws DatabaseException {
        return transaction(what, "BEGIN IMMEDIATE", work);
    }

    /**
     * Runs {@code work} in a read transaction, so every statement in it sees the same snapshot.
     * Inside another transaction it joins that one.
     *
     * @param what what the work reads, for error messages ("reading layouts")
     */
    public <T> T read(String what, SqlWork<T> work) throws DatabaseException {
        return transaction(what, "BEGIN DEFERRED", work);
    }

    private <T> T transaction(String what, String begin, SqlWork<T> work) throws DatabaseException {
        lock.lock();
        try {
            if (closed) {
                throw new DatabaseException(file, what + ": database is closed");
            }
            if (depth > 0) {
                return joined(what, work);
            }
            execute(what, begin);
            depth = 1;
            rollbackOnly = false;
            T result;
            try {
                result = work.run(connection);
                if (rollbackOnly) {
                    throw new DatabaseException(file, what + ": rolled back because a part of it failed");
                }
                execute(what, "COMMIT");
            } catch (SQLException e) {
                rollback(e);
                throw translate(file, what, e);
            } catch (DatabaseException | RuntimeException | Error e) {
                rollback(e);
                throw e;
            } finally {
                depth = 0;
            }
            return result;
        } finally {
            lock.unlock();
        }
    }

    private <T> T joined(String what, SqlWork<T> work) throws DatabaseException {
        depth++;
        try {
            return work.run(connection);
        } catch (SQLException e) {
            rollbackOnly = true;
            throw translate(file, what, e);
        } catch (DatabaseException | RuntimeException | Error e) {
            rollbackOnly = true;
            throw e;
        } finally {
            depth--;
        }
    }

    private void execute(String what, String sql) throws DatabaseException {
        try (Statement s = connection.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw translate(file, what, e);
        }
    }

    private void rollback(Throwable cause) {
        try (Statement s = connection.createStatement()) {
            // SQLite may already have rolled back by itself (e.g. after SQLITE_FULL); then there
            // is no transaction left and ROLLBACK fails harmlessly.
            s.execute("ROLLBACK");
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    /** Closes the connection. Closing twice is harmless. */
    @Override
    public void close() throws DatabaseException {
        lock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            connection.close();
        } catch (SQLException e) {
            throw translate(file, "cannot close database", e);
        } finally {
            lock.unlock();
        }
    }

    private void closeQuietly() {
        try {
            close();
        } catch (DatabaseException ignored) {
            // Already failing with a better exception.
        }
    }

    /**
     * Turns a JDBC failure into a one-line {@link DatabaseException} of the matching type, naming
     * the file and what was being done.
     */
    private static DatabaseException translate(Path file, String what, SQLException e) {
        SQLiteErrorCode code = e instanceof SQLiteException s ? s.getResultCode() : null;
        String detail = e.getMessage();
        if (code == null) {
            return new DatabaseException(file, what + ": " + detail, e);
        }
        return switch (code.code & 0xFF) {
            case 26 /* SQLITE_NOTADB */ -> new CorruptDatabaseException(file, "not a SQLite database", e);
            case 11 /* SQLITE_CORRUPT */ -> new CorruptDatabaseException(file, what + ": database is damaged: "
                    + detail, e);
            case 5, 6 /* SQLITE_BUSY, SQLITE_LOCKED */ -> new DatabaseBusyException(file, what
                    + ": database is locked by another process (waited " + BUSY_TIMEOUT_MILLIS / 1000 + " s)", e);
            default -> new DatabaseException(file, what + ": " + detail, e);
        };
    }
}
