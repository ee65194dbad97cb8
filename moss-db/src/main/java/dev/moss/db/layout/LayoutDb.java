package dev.moss.db.layout;

import dev.moss.db.CorruptDatabaseException;
import dev.moss.db.Database;
import dev.moss.db.DatabaseException;
import dev.moss.db.Schema;
import dev.moss.db.internal.ChunkedInsert;
import dev.moss.db.internal.IdList;
import dev.moss.format.digest.Digest128;
import dev.moss.format.record.EntryType;
import dev.moss.format.record.LayoutRecord;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The layout database ({@code .moss/db/layout}): which files, links and directories each package
 * places under {@code /usr}. Rows are kept in insertion order, which is the order of the
 * package's layout payload.
 *
 * <pre>{@code
 * try (LayoutDb layouts = LayoutDb.open(root.resolve(".moss/db/layout"))) {
 *     layouts.add(packageId, layoutRecords);
 *     layouts.forEach(selectedIds, (id, record) -> vfs.add(id, record));
 * }
 * }</pre>
 */
public final class LayoutDb implements AutoCloseable {
    private static final String COLUMNS =
            "id, package_id, uid, gid, mode, tag, entry_type, entry_value1, entry_value2";

    private final Database db;

    /** Wraps an open database of {@link Schema#LAYOUT}. */
    public LayoutDb(Database db) {
        if (db.schema() != Schema.LAYOUT) {
            throw new IllegalArgumentException(db.file() + " is a " + db.schema() + " database, not a layout database");
        }
        this.db = db;
    }

    /** Opens (creating or migrating if needed) the layout database at {@code file}. */
    public static LayoutDb open(Path file) throws DatabaseException {
        return new LayoutDb(Database.open(file, Schema.LAYOUT));
    }

    /** Opens an existing layout database without writing to it. */
    public static LayoutDb openReadOnly(Path file) throws DatabaseException {
        return new LayoutDb(Database.openReadOnly(file, Schema.LAYOUT));
    }

    /** The underlying database, e.g. to group several calls in one transaction. */
    public Database database() {
        return db;
    }

    /** Replaces the layout of one package. See {@link #addAll}. */
    public void add(String packageId, List<LayoutRecord> records) throws DatabaseException {
        Map<String, List<LayoutRecord>> one = new LinkedHashMap<>();
        one.put(packageId, records);
        addAll(one);
    }

    /**
     * Replaces the layouts of the given packages in one transaction: their existing rows are
     * deleted first, then the new rows are inserted in map order and list order.
     *
     * @throws DatabaseException nothing has changed
     */
    public void addAll(Map<String, ? extends List<LayoutRecord>> layouts) throws DatabaseException {
        int rows = layouts.values().stream().mapToInt(List::size).sum();
        db.inTransaction("adding " + rows + " layout entries of " + layouts.size() + " packages", c -> {
            delete(c, layouts.keySet());
            try (ChunkedInsert insert = new ChunkedInsert(c, "INSERT", "layout", "package_id", "uid", "gid",
                    "mode", "tag", "entry_type", "entry_value1", "entry_value2")) {
                for (Map.Entry<String, ? extends List<LayoutRecord>> e : layouts.entrySet()) {
                    String id = Objects.requireNonNull(e.getKey(), "package id");
                    for (LayoutRecord r : e.getValue()) {
                        LayoutColumns columns = LayoutColumns.of(r.entry());
                        insert.row(id, r.uid(), r.gid(), r.mode(), r.tag(),
                                columns.type(), columns.value1(), columns.value2());
                    }
                }
                insert.finish();
            }
            return null;
        });
    }

    /**
     * Streams the layout rows of the given packages, in insertion order, to {@code visitor}. Only
     * one row is in memory at a time. Unknown ids simply yield nothing.
     *
     * <p>A read transaction stays open while the visitor runs, so it sees one consistent
     * snapshot; the visitor should not take long per row.
     *
     * @throws CorruptDatabaseException a row holds values moss cannot have written
     * @throws E whatever the visitor throws; the query stops there
     */
    public <E extends Exception> void forEach(Collection<String> packageIds, LayoutVisitor<E> visitor)
            throws DatabaseException, E {
        if (packageIds.isEmpty()) {
            return;
        }
        String sql = "SELECT " + COLUMNS + " FROM layout WHERE package_id IN " + IdList.IN_PARAMETER + " ORDER BY id";
        stream("reading layouts of " + packageIds.size() + " packages", sql, IdList.json(packageIds), visitor);
    }

    /** Streams every row of the database, in insertion order. */
    public <E extends Exception> void forEachRow(LayoutVisitor<E> visitor) throws DatabaseException, E {
        stream("reading all layouts", "SELECT " + COLUMNS + " FROM layout ORDER BY id", null, visitor);
    }

    /** The layout rows of the given packages, in insertion order. Prefer {@link #forEach} for whole states. */
    public List<LayoutRow> query(Collection<String> packageIds) throws DatabaseException {
        List<LayoutRow> rows = new ArrayList<>();
        forEach(packageIds, (id, record) -> rows.add(new LayoutRow(id, record)));
        return rows;
    }

    /**
     * Rows whose path contains {@code text} (case-sensitive), among regular files, symlinks and
     * directories of every package in the database, as {@code moss search-file} scans them.
     */
    public List<LayoutRow> searchFile(String text) throws DatabaseException {
        String sql = "SELECT " + COLUMNS + " FROM layout"
                + " WHERE (entry_type IN ('regular', 'symlink') AND instr(entry_value2, ?1) > 0)"
                + " OR (entry_type = 'directory' AND instr(entry_value1, ?1) > 0) ORDER BY id";
        List<LayoutRow> rows = new ArrayList<>();
        stream("searching layouts for \"" + text + "\"", sql, text, (id, r) -> rows.add(new LayoutRow(id, r)));
        return rows;
    }

    /** Ids of the packages that place an entry of any type at {@code path} (relative to {@code /usr}). */
    public SortedSet<String> owners(String path) throws DatabaseException {
        String sql = "SELECT DISTINCT package_id FROM layout"
                + " WHERE (entry_type IN ('regular', 'symlink', 'unknown') AND entry_value2 = ?1)"
                + " OR (entry_type NOT IN ('regular', 'symlink', 'unknown') AND entry_value1 = ?1)";
        return db.read("finding owners of " + path, c -> {
            SortedSet<String> ids = new TreeSet<>();
            try (PreparedStatement s = c.prepareStatement(sql)) {
                s.setString(1, path);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getString(1));
                    }
                }
            }
            return ids;
        });
    }

    /**
     * Every distinct digest of a regular file in the database: the assets that must be kept when
     * pruning, and the ones to check when verifying.
     *
     * @throws CorruptDatabaseException a regular row's digest is not a decimal u128; pruning on a
     *     partial set would delete assets still in use, so this is an error, not a skip
     */
    public Set<Digest128> regularDigests() throws DatabaseException {
        return db.read("reading file digests", c -> {
            Set<Digest128> digests = new HashSet<>();
            try (Statement s = c.createStatement();
                    // No DISTINCT: SQLite would build a temporary b-tree of every digest text;
                    // the set below removes duplicates more cheaply.
                    ResultSet rs = s.executeQuery("SELECT entry_value1 FROM layout WHERE entry_type = '"
                            + EntryType.REGULAR.dbName + "'")) {
                while (rs.next()) {
                    String text = rs.getString(1);
                    try {
                        digests.add(DecimalDigests.parse(String.valueOf(text)));
                    } catch (IllegalArgumentException e) {
                        throw new CorruptDatabaseException(db.file(), "regular layout entry has a bad digest: "
                                + e.getMessage(), e);
                    }
                }
            }
            return digests;
        });
    }

    /** Ids of all packages with at least one layout row, sorted. */
    public SortedSet<String> packageIds() throws DatabaseException {
        return db.read("reading package ids", c -> {
            SortedSet<String> ids = new TreeSet<>();
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT DISTINCT package_id FROM layout")) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
            return ids;
        });
    }

    /** Number of rows in the database. */
    public long count() throws DatabaseException {
        return db.read("counting layouts", c -> {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM layout")) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    /**
     * Deletes the layouts of the given packages in one transaction.
     *
     * @return the number of rows deleted
     */
    public int remove(Collection<String> packageIds) throws DatabaseException {
        if (packageIds.isEmpty()) {
            return 0;
        }
        return db.inTransaction("removing layouts of " + packageIds.size() + " packages", c -> delete(c, packageIds));
    }

    private static int delete(Connection c, Collection<String> packageIds) throws SQLException {
        String sql = "DELETE FROM layout WHERE package_id IN " + IdList.IN_PARAMETER;
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, IdList.json(packageIds));
            return s.executeUpdate();
        }
    }

    /**
     * Runs {@code sql} (with at most one text parameter, bound to every {@code ?1}) and hands each
     * row to the visitor. A checked exception from the visitor travels through the database layer
     * inside {@link VisitorFailure} and is rethrown here unchanged.
     */
    @SuppressWarnings("unchecked")
    private <E extends Exception> void stream(String what, String sql, String parameter, LayoutVisitor<E> visitor)
            throws DatabaseException, E {
        try {
            db.read(what, c -> {
                try (PreparedStatement s = c.prepareStatement(sql)) {
                    if (parameter != null) {
                        s.setString(1, parameter);
                    }
                    try (ResultSet rs = s.executeQuery()) {
                        while (rs.next()) {
                            LayoutRow row = toRow(rs);
                            try {
                                visitor.visit(row.packageId(), row.record());
                            } catch (RuntimeException e) {
                                throw e;
                            } catch (Exception e) {
                                throw new VisitorFailure(e);
                            }
                        }
                    }
                }
                return null;
            });
        } catch (VisitorFailure f) {
            throw (E) f.getCause();
        }
    }

    private LayoutRow toRow(ResultSet rs) throws SQLException, CorruptDatabaseException {
        long rowId = rs.getLong(1);
        LayoutColumns columns = new LayoutColumns(rs.getString(7), rs.getString(8), rs.getString(9));
        try {
            // Upstream stores the u32 fields as i32; the cast back restores the same bits either way.
            LayoutRecord record = new LayoutRecord((int) rs.getLong(3), (int) rs.getLong(4), (int) rs.getLong(5),
                    (int) rs.getLong(6), columns.toEntry());
            return new LayoutRow(rs.getString(2), record);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new CorruptDatabaseException(db.file(), "layout row " + rowId + ": " + e.getMessage(), e);
        }
    }

    /** Closes the database. */
    @Override
    public void close() throws DatabaseException {
        db.close();
    }

    /** Carries a visitor's checked exception through {@link Database#read}. */
    private static final class VisitorFailure extends RuntimeException {
        VisitorFailure(Exception cause) {
            super(cause);
        }
    }
}
