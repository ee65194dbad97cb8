package dev.moss.db.state;

import dev.moss.db.CorruptDatabaseException;
import dev.moss.db.Database;
import dev.moss.db.DatabaseException;
import dev.moss.db.Schema;
import dev.moss.db.internal.ChunkedInsert;
import dev.moss.db.internal.IdList;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The state database ({@code .moss/db/state}): every recorded state and its selected packages.
 * Deleting a state deletes its selections (foreign key cascade).
 *
 * <pre>{@code
 * try (StateDb states = StateDb.open(root.resolve(".moss/db/state"))) {
 *     State s = states.add(selections, "Install");
 *     ...
 * }
 * }</pre>
 */
public final class StateDb implements AutoCloseable {
    private final Database db;

    /** Wraps an open database of {@link Schema#STATE}. */
    public StateDb(Database db) {
        if (db.schema() != Schema.STATE) {
            throw new IllegalArgumentException(db.file() + " is a " + db.schema() + " database, not a state database");
        }
        this.db = db;
    }

    /** Opens (creating or migrating if needed) the state database at {@code file}. */
    public static StateDb open(Path file) throws DatabaseException {
        return new StateDb(Database.open(file, Schema.STATE));
    }

    /** Opens an existing state database without writing to it. */
    public static StateDb openReadOnly(Path file) throws DatabaseException {
        return new StateDb(Database.openReadOnly(file, Schema.STATE));
    }

    /** The underlying database, e.g. to group several calls in one transaction. */
    public Database database() {
        return db;
    }

    /** Records a new state with a summary and no description, as upstream does. */
    public State add(List<Selection> selections, String summary) throws DatabaseException {
        return add(selections, Optional.of(summary), Optional.empty());
    }

    /**
     * Records a new {@link StateKind#TRANSACTION} state with the next id and the current time.
     *
     * @throws IllegalArgumentException a package id appears twice; nothing is written
     * @throws DatabaseException nothing has been written
     */
    public State add(List<Selection> selections, Optional<String> summary, Optional<String> description)
            throws DatabaseException {
        Set<String> seen = new HashSet<>();
        for (Selection s : selections) {
            if (!seen.add(s.packageId())) {
                throw new IllegalArgumentException("package " + s.packageId() + " is selected twice");
            }
        }
        return db.inTransaction("adding a state of " + selections.size() + " packages", c -> {
            long id = insertState(c, summary, description);
            try (ChunkedInsert insert = new ChunkedInsert(c, "INSERT", "state_selections",
                    "state_id", "package_id", "explicit", "reason")) {
                for (Selection s : selections) {
                    insert.row(id, s.packageId(), s.explicit(), s.reason().orElse(null));
                }
                insert.finish();
            }
            return query(c, StateId.of(id)).getFirst();
        });
    }

    private static long insertState(Connection c, Optional<String> summary, Optional<String> description)
            throws SQLException {
        String sql = "INSERT INTO state (type, summary, description) VALUES (?, ?, ?)";
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, StateKind.TRANSACTION.dbName);
            s.setString(2, summary.orElse(null));
            s.setString(3, description.orElse(null));
            s.executeUpdate();
        }
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT last_insert_rowid()")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Whether a state with this id exists; cheaper than {@link #get}, which reads its selections. */
    public boolean exists(StateId id) throws DatabaseException {
        return db.read("looking up state " + id, c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT 1 FROM state WHERE id = ?")) {
                s.setLong(1, id.value());
                try (ResultSet rs = s.executeQuery()) {
                    return rs.next();
                }
            }
        });
    }

    /** The state with this id. */
    public Optional<State> get(StateId id) throws DatabaseException {
        List<State> found = db.read("reading state " + id, c -> query(c, id));
        return found.isEmpty() ? Optional.empty() : Optional.of(found.getFirst());
    }

    /** Every state, newest (highest id) first, with its selections. */
    public List<State> list() throws DatabaseException {
        return db.read("listing states", c -> query(c, null));
    }

    /**
     * Deletes the given states and, by cascade, their selections. Unknown ids are ignored.
     *
     * @return the number of states deleted
     */
    public int remove(Collection<StateId> ids) throws DatabaseException {
        if (ids.isEmpty()) {
            return 0;
        }
        return db.inTransaction("removing " + ids.size() + " states", c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "DELETE FROM state WHERE id IN (SELECT CAST(value AS INTEGER) FROM json_each(?))")) {
                s.setString(1, IdList.json(ids.stream().map(StateId::toString).toList()));
                return s.executeUpdate();
            }
        });
    }

    /** For every package id selected by any state, the number of states selecting it. */
    public Map<String, Integer> referenceCounts() throws DatabaseException {
        return db.read("counting package references", c -> {
            Map<String, Integer> counts = new TreeMap<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                    "SELECT package_id, count(*) FROM state_selections GROUP BY package_id")) {
                while (rs.next()) {
                    counts.put(rs.getString(1), rs.getInt(2));
                }
            }
            return counts;
        });
    }

    /**
     * Package ids selected by some of {@code states} and by no other state: what pruning those
     * states leaves unreferenced (reference section 3.4, step 1).
     */
    public SortedSet<String> packagesOnlyIn(Collection<StateId> states) throws DatabaseException {
        if (states.isEmpty()) {
            return new TreeSet<>();
        }
        String ids = IdList.json(states.stream().map(StateId::toString).toList());
        return db.read("finding packages only in " + states.size() + " states", c -> {
            SortedSet<String> out = new TreeSet<>();
            // json_each yields text; CAST makes the comparison with the integer state_id exact.
            try (PreparedStatement s = c.prepareStatement("SELECT package_id FROM state_selections GROUP BY package_id"
                    + " HAVING sum(state_id NOT IN (SELECT CAST(value AS INTEGER) FROM json_each(?))) = 0")) {
                s.setString(1, ids);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        out.add(rs.getString(1));
                    }
                }
            }
            return out;
        });
    }

    /** States (all when {@code id} is null), newest first, each with its selections in insertion order. */
    private List<State> query(Connection c, StateId id) throws SQLException, DatabaseException {
        String where = id == null ? "" : " WHERE id = " + id.value();
        Map<Long, StateRow> rows = new LinkedHashMap<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT id, type, created, summary, description FROM state" + where + " ORDER BY id DESC")) {
            while (rs.next()) {
                StateRow row = new StateRow(rs.getLong(1), rs.getString(2), rs.getLong(3),
                        rs.getString(4), rs.getString(5), new ArrayList<>());
                rows.put(row.id, row);
            }
        }
        if (rows.isEmpty()) {
            return List.of();
        }
        String selectionWhere = id == null ? "" : " WHERE state_id = " + id.value();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT state_id, package_id, explicit, reason FROM state_selections" + selectionWhere
                        + " ORDER BY rowid")) {
            while (rs.next()) {
                StateRow row = rows.get(rs.getLong(1));
                if (row != null) {
                    row.selections.add(new Selection(rs.getString(2), rs.getBoolean(3),
                            Optional.ofNullable(rs.getString(4))));
                }
            }
        }
        List<State> out = new ArrayList<>(rows.size());
        for (StateRow row : rows.values()) {
            out.add(row.toState(db.file()));
        }
        return out;
    }

    /** Closes the database. */
    @Override
    public void close() throws DatabaseException {
        db.close();
    }

    private record StateRow(long id, String type, long created, String summary, String description,
            List<Selection> selections) {
        State toState(Path file) throws CorruptDatabaseException {
            StateKind kind = StateKind.fromDbName(type).orElseThrow(() ->
                    new CorruptDatabaseException(file, "state " + id + " has unknown type \"" + type + "\""));
            if (id < 1) {
                throw new CorruptDatabaseException(file, "state id " + id + " is not positive");
            }
            return new State(StateId.of(id), kind, Instant.ofEpochSecond(created), Optional.ofNullable(summary),
                    Optional.ofNullable(description), selections);
        }
    }
}
